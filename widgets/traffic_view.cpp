#include "widgets/traffic_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

QColor workerColor(int worker) {
  static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                  QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                  QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                  QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f)};
  return colors[worker % 8];
}

QString megabytes(std::uint64_t bytes) {
  return QString::number(static_cast<double>(bytes) / 1e6, 'f', 1);
}

}  // namespace

TrafficView::TrafficView(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_timeAxis(new QValueAxis),
      m_rateAxis(new QValueAxis),
      m_summary(new QLabel),
      m_modeBox(new QComboBox),
      m_table(new QTableWidget(0, 6)),
      m_kindTable(new QTableWidget(0, 4)) {
  m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
  m_chart->addAxis(m_rateAxis, Qt::AlignLeft);
  m_timeAxis->setLabelFormat("%d");
  m_rateAxis->setLabelFormat("%.0f");
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  auto* view = new QChartView(m_chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(260);  // the chart first; the table is a few rows
  for (auto* table : {m_table, m_kindTable}) {
    table->setMaximumHeight(220);
    table->verticalHeader()->setVisible(false);
    // Columns as wide as their headers and numbers, so no header is cut; the last takes the rest.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  }
  auto* tables = new QSplitter(Qt::Horizontal);
  tables->addWidget(m_table);
  tables->addWidget(m_kindTable);
  tables->setStretchFactor(0, 3);
  tables->setStretchFactor(1, 2);
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(view);
  split->addWidget(tables);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  m_modeBox->addItems({QString(), QString()});
  connect(m_modeBox, &QComboBox::activated, this,
          [this](int index) { setMode(index == 0 ? Mode::Rate : Mode::Cumulative); });
  auto* top = new QHBoxLayout;
  top->addWidget(m_summary, 1);
  top->addWidget(m_modeBox);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addLayout(top);
  layout->addWidget(split, 1);
  refresh();
}

void TrafficView::add(int worker, double seconds, bool toServer, Kind kind, std::uint64_t bytes) {
  Worker& w = m_workers[worker];
  Tally& t = w.kinds[static_cast<int>(kind)];
  ++t.messages;
  t.bytes += bytes;
  m_totalBytes += bytes;
  auto& perSecond = toServer ? w.upPerSecond : w.downPerSecond;
  const auto second = static_cast<std::size_t>(std::max(0.0, seconds));
  if (perSecond.size() <= second) perSecond.resize(second + 1, 0.0);
  perSecond[second] += static_cast<double>(bytes);
}

void TrafficView::clear() {
  m_workers.clear();
  for (auto& [worker, series] : m_series) {
    m_chart->removeSeries(series.first);
    m_chart->removeSeries(series.second);
    delete series.first;
    delete series.second;
  }
  m_series.clear();
  m_totalBytes = 0;
  refresh();
}

std::uint64_t TrafficView::bytes(int worker, Kind kind) const {
  const auto it = m_workers.find(worker);
  return it == m_workers.end() ? 0 : it->second.kinds[static_cast<int>(kind)].bytes;
}

std::uint64_t TrafficView::bytesOfKind(Kind kind) const {
  std::uint64_t total = 0;
  for (const auto& [worker, w] : m_workers) total += w.kinds[static_cast<int>(kind)].bytes;
  return total;
}

void TrafficView::setMode(Mode mode) {
  m_mode = mode;
  m_modeBox->setCurrentIndex(mode == Mode::Rate ? 0 : 1);
  refresh();
}

std::uint64_t TrafficView::messages(int worker, Kind kind) const {
  const auto it = m_workers.find(worker);
  return it == m_workers.end() ? 0 : it->second.kinds[static_cast<int>(kind)].messages;
}

void TrafficView::refresh() {
  double lastSecond = 1, top = 1;
  for (auto& [worker, w] : m_workers) {
    auto& series = m_series[worker];
    if (!series.first) {
      series.first = new QLineSeries;
      series.second = new QLineSeries;
      series.first->setPen(QPen(workerColor(worker), 2));
      series.second->setPen(QPen(workerColor(worker), 1.5, Qt::DashLine));
      for (auto* s : {series.first, series.second}) {
        m_chart->addSeries(s);
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_rateAxis);
      }
    }
    // MB/s in every whole second (the last, still filling, is left out), or the MB sent up to
    // the end of each second.
    auto toPoints = [&](const std::vector<double>& perSecond) {
      QList<QPointF> points;
      double sum = 0;
      for (std::size_t s = 0; s + 1 < perSecond.size(); ++s) {
        sum += perSecond[s];
        const double y = (m_mode == Mode::Rate ? perSecond[s] : sum) / 1e6;
        points.append({static_cast<double>(s) + (m_mode == Mode::Rate ? 0.5 : 1.0), y});
        top = std::max(top, y);
      }
      lastSecond = std::max(lastSecond, static_cast<double>(perSecond.size()));
      return points;
    };
    series.first->replace(toPoints(w.upPerSecond));
    series.second->replace(toPoints(w.downPerSecond));
  }
  // Whole-second ticks, about six of them, over exactly the seconds measured.
  const double range = std::ceil(lastSecond);
  double step = 1;
  for (double s : {1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600}) {
    step = s;
    if (range / s <= 6) break;
  }
  m_timeAxis->setRange(0, range);
  m_timeAxis->setTickType(QValueAxis::TicksDynamic);
  m_timeAxis->setTickAnchor(0);
  m_timeAxis->setTickInterval(step);
  m_rateAxis->setRange(0, top * 1.1);
  m_rateAxis->applyNiceNumbers();
  m_table->setRowCount(static_cast<int>(m_workers.size()));
  int row = 0;
  for (const auto& [worker, w] : m_workers) {
    const Tally& push = w.kinds[0];
    const Tally& pull = w.kinds[static_cast<int>(Kind::Params)];
    const QStringList cells = {
        tr("Worker %1").arg(worker),
        QString::number(push.messages),
        megabytes(push.bytes),
        QString::number(pull.messages),
        megabytes(pull.bytes),
        push.messages
            ? QString::number(static_cast<double>(push.bytes) / push.messages / 1e3, 'f', 1)
            : QString("-")};
    for (int c = 0; c < cells.size(); ++c) m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    ++row;
  }
  retranslate();  // also fills the kind table, whose first column is words
}

QString TrafficView::summary() const { return m_summary->text(); }

void TrafficView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrafficView::retranslate() {
  m_chart->setTitle(
      tr("Traffic on each worker's link (solid: to the server, dashed: back to the worker)"));
  m_timeAxis->setTitleText(tr("Seconds since the start"));
  for (auto& [worker, series] : m_series) {
    series.first->setName(tr("Worker %1 up").arg(worker));
    series.second->setName(tr("Worker %1 down").arg(worker));
  }
  m_table->setHorizontalHeaderLabels({tr("Link"), tr("PUSH count"), tr("PUSH MB"),
                                      tr("PARAMS count"), tr("PARAMS MB"), tr("KB per PUSH")});
  m_kindTable->setHorizontalHeaderLabels(
      {tr("Message type"), tr("Count"), tr("MB so far"), tr("Share")});
  const QString kindNames[kKinds] = {tr("PUSH (updates)"),   tr("PARAMS (parameters)"),
                                     tr("PULL (requests)"),  tr("CLOCK / BARRIER"),
                                     tr("TELEMETRY"),        tr("HEARTBEAT"),
                                     tr("Handshake"),        tr("CONTROL / SHUTDOWN")};
  m_kindTable->setRowCount(0);
  for (int k = 0; k < kKinds; ++k) {
    std::uint64_t count = 0, bytes = 0;
    for (const auto& [worker, w] : m_workers) {
      count += w.kinds[k].messages;
      bytes += w.kinds[k].bytes;
    }
    if (count == 0) continue;
    const int row = m_kindTable->rowCount();
    m_kindTable->insertRow(row);
    const QStringList cells = {
        kindNames[k], QString::number(count), megabytes(bytes),
        QString::number(100.0 * static_cast<double>(bytes) / static_cast<double>(m_totalBytes),
                        'f', 1) +
            " %"};
    for (int c = 0; c < cells.size(); ++c) m_kindTable->setItem(row, c, new QTableWidgetItem(cells[c]));
  }
  m_modeBox->setItemText(0, tr("MB/s in each second"));
  m_modeBox->setItemText(1, tr("MB so far"));
  m_rateAxis->setTitleText(m_mode == Mode::Rate ? tr("MB/s") : tr("MB so far"));
  m_summary->setText(m_totalBytes == 0
                         ? tr("The traffic measured on the sockets appears here during a run.")
                         : tr("%1 MB crossed the network in all (every message, both ways).")
                               .arg(megabytes(m_totalBytes)));
}

}  // namespace distlab::widgets
