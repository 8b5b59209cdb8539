#include "widgets/traffic_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
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
      m_table(new QTableWidget(0, 6)) {
  m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
  m_chart->addAxis(m_rateAxis, Qt::AlignLeft);
  m_timeAxis->setLabelFormat("%d");
  m_rateAxis->setLabelFormat("%.0f");
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  auto* view = new QChartView(m_chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(260);  // the chart first; the table is a few rows
  m_table->setMaximumHeight(220);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(view);
  split->addWidget(m_table);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_summary);
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
    // MB/s in every whole second (the last, still filling, is left out).
    auto toPoints = [&](const std::vector<double>& perSecond) {
      QList<QPointF> points;
      for (std::size_t s = 0; s + 1 < perSecond.size(); ++s) {
        points.append({static_cast<double>(s) + 0.5, perSecond[s] / 1e6});
        top = std::max(top, perSecond[s] / 1e6);
      }
      lastSecond = std::max(lastSecond, static_cast<double>(perSecond.size()));
      return points;
    };
    series.first->replace(toPoints(w.upPerSecond));
    series.second->replace(toPoints(w.downPerSecond));
  }
  m_timeAxis->setRange(0, std::ceil(lastSecond));
  m_rateAxis->setRange(0, top * 1.1);
  m_rateAxis->applyNiceNumbers();
  m_table->setRowCount(static_cast<int>(m_workers.size()));
  int row = 0;
  for (const auto& [worker, w] : m_workers) {
    const Tally& push = w.kinds[0];
    const Tally& pull = w.kinds[1];
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
  retranslate();
}

QString TrafficView::summary() const { return m_summary->text(); }

void TrafficView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrafficView::retranslate() {
  m_chart->setTitle(
      tr("Traffic on each worker's link (solid: PUSH to the server, dashed: "
         "PARAMS back)"));
  m_timeAxis->setTitleText(tr("Seconds since the start"));
  m_rateAxis->setTitleText(tr("MB/s"));
  for (auto& [worker, series] : m_series) {
    series.first->setName(tr("Worker %1 up").arg(worker));
    series.second->setName(tr("Worker %1 down").arg(worker));
  }
  m_table->setHorizontalHeaderLabels({tr("Link"), tr("PUSH messages"), tr("PUSH MB"),
                                      tr("PARAMS messages"), tr("PARAMS MB"),
                                      tr("Mean PUSH size (KB)")});
  m_summary->setText(m_totalBytes == 0
                         ? tr("The traffic measured on the sockets appears here during a run.")
                         : tr("%1 MB crossed the network in all (every message, both ways).")
                               .arg(megabytes(m_totalBytes)));
}

}  // namespace distlab::widgets
