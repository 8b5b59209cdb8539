#include "widgets/traffic_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "widgets/palette.h"

namespace distlab::widgets {
namespace {

QColor workerColor(int worker) { return tab10(worker % 8); }

// Sets a cell's text, creating its item once: refreshes come 10 times a second, and new items
// each time would relayout and repaint the whole table.
void setCell(QTableWidget* table, int row, int column, const QString& text) {
  if (auto* item = table->item(row, column)) {
    if (item->text() != text) item->setText(text);
  } else {
    table->setItem(row, column, new QTableWidgetItem(text));
  }
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
  m_timeAxis->setTickType(QValueAxis::TicksDynamic);
  m_timeAxis->setTickAnchor(0);
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
  retranslate();
}

void TrafficView::add(int worker, double seconds, Kind kind, std::uint64_t bytes,
                      std::uint64_t rawBytes) {
  Worker& w = m_workers[worker];
  Tally& t = w.kinds[static_cast<int>(kind)];
  ++t.messages;
  t.bytes += bytes;
  m_totalBytes += bytes;
  if (kind == Kind::Push) m_rawPushBytes += std::max(bytes, rawBytes);
  // The chart shows the parameter server's two flows: PUSH up and the PARAMS that answer a
  // PULL down (a pipeline's: activations forward and errors back); everything else (small) is
  // in the tables.
  const bool up = kind == Kind::Push || kind == Kind::Activations || kind == Kind::Ring;
  if ((kind == Kind::Activations || kind == Kind::Errors) && !m_intermediate) {
    m_intermediate = true;  // a model-parallel run: the chart says what its lines are
    retranslate();
  }
  if (kind == Kind::Ring && !m_ring) {
    m_ring = true;  // an all-reduce run: no PUSH, chunks to the next worker instead
    retranslate();
  }
  if (!up && kind != Kind::Params && kind != Kind::Errors) return;
  auto& perSecond = up ? w.upPerSecond : w.downPerSecond;
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
  m_rawPushBytes = 0;
  if (m_intermediate || m_ring) {
    m_intermediate = false;
    m_ring = false;
    retranslate();
  }
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
  m_rateAxis->setTitleText(m_mode == Mode::Rate ? tr("MB/s") : tr("MB so far"));
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
      // Faint rather than dashed: dashing 8 lines cost a third of this view's paint.
      QColor down = workerColor(worker);
      down.setAlpha(120);
      series.second->setPen(QPen(down, 1.5));
      for (auto* s : {series.first, series.second}) {
        m_chart->addSeries(s);
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_rateAxis);
      }
      series.first->setName(tr("Worker %1").arg(worker));
      series.second->setName(tr("Worker %1").arg(worker));
      // One legend entry per worker: its colour; the title says which line is which way.
      for (auto* marker : m_chart->legend()->markers(series.second)) marker->setVisible(false);
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
    // The points change only when a second completes (or the mode changes): replacing them
    // 10 times a second for nothing would relayout every line at each frame.
    const auto up = toPoints(w.upPerSecond);
    const auto down = toPoints(w.downPerSecond);
    if (series.first->points() != up) series.first->replace(up);
    if (series.second->points() != down) series.second->replace(down);
  }
  // Under BSP every link carries the same bytes each second, so the lines coincide: the lower
  // ranks (drawn first) get wider lines, and each shows as a band around the next.
  const int links = static_cast<int>(m_series.size());
  int position = 0;
  for (auto& [worker, series] : m_series) {
    const double wider = links > 1 ? 6.0 * (links - 1 - position) / (links - 1) : 0.0;
    ++position;
    for (auto [line, base] : {std::pair{series.first, 2.0}, std::pair{series.second, 1.5}}) {
      QPen pen = line->pen();
      if (pen.widthF() == base + wider) continue;  // a new pen repaints the line
      pen.setWidthF(base + wider);
      line->setPen(pen);
    }
  }
  // Whole-second ticks, about six of them, over exactly the seconds measured.
  const double range = std::ceil(lastSecond);
  double step = 1;
  for (double s : {1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600}) {
    step = s;
    if (range / s <= 6) break;
  }
  if (m_timeAxis->max() != range) m_timeAxis->setRange(0, range);
  if (m_timeAxis->tickInterval() != step) m_timeAxis->setTickInterval(step);
  // A new scale only when the lines leave it or shrink well inside it (each change relayouts
  // every line).
  if (top * 1.02 > m_rateAxis->max() || top < 0.5 * m_rateAxis->max()) {
    m_rateAxis->setRange(0, top * 1.1);
    m_rateAxis->applyNiceNumbers();
  }
  m_table->setRowCount(static_cast<int>(m_workers.size()));
  int row = 0;
  for (const auto& [worker, w] : m_workers) {
    const Tally& push = w.kinds[static_cast<int>(m_ring ? Kind::Ring : Kind::Push)];
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
    for (int c = 0; c < cells.size(); ++c) setCell(m_table, row, c, cells[c]);
    ++row;
  }
  updateTotals();
}

QString TrafficView::summary() const { return m_summary->text(); }

void TrafficView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrafficView::retranslate() {
  m_chart->setTitle(
      m_ring ? tr("Each worker's ring all-reduce chunks to the next worker (strong line) and the "
                  "parameters worker 0 sends for testing (faint line)")
      : m_intermediate
          ? tr("Each process's intermediate results: activations (strong line) and errors (faint "
               "line) it sends")
          : tr("Each worker's PUSH (strong line: updates to the server) and PULL (faint line: "
               "parameters back)"));
  m_timeAxis->setTitleText(tr("Seconds since the start"));
  if (m_ring) {
    m_table->setHorizontalHeaderLabels({tr("Worker"), tr("RING count"), tr("RING MB"),
                                        tr("PARAMS count"), tr("PARAMS MB"), tr("KB per chunk")});
  } else {
    m_table->setHorizontalHeaderLabels({tr("Link"), tr("PUSH count"), tr("PUSH MB"),
                                        tr("PARAMS count"), tr("PARAMS MB"), tr("KB per PUSH")});
  }
  m_kindTable->setHorizontalHeaderLabels(
      {tr("Message type"), tr("Count"), tr("MB so far"), tr("Share")});
  m_modeBox->setItemText(0, tr("MB/s in each second"));
  m_modeBox->setItemText(1, tr("MB so far"));
  m_rateAxis->setTitleText(m_mode == Mode::Rate ? tr("MB/s") : tr("MB so far"));
  for (auto& [worker, series] : m_series) {
    series.first->setName(tr("Worker %1").arg(worker));
    series.second->setName(tr("Worker %1").arg(worker));
  }
  refresh();  // the tables' words
}

// What changes with the data: the table per message type and the summary line. Chart and axis
// titles are left alone here, as resetting them relayouts the chart.
void TrafficView::updateTotals() {
  const QString kindNames[kKinds] = {tr("PUSH (updates)"),  tr("PARAMS (parameters)"),
                                     tr("PULL (requests)"), tr("CLOCK / BARRIER"),
                                     tr("TELEMETRY"),       tr("HEARTBEAT"),
                                     tr("Handshake"),       tr("CONTROL / SHUTDOWN"),
                                     tr("ACTIVATIONS (intermediate results)"),
                                     tr("ERRORS (intermediate results)"),
                                     tr("RING (gradient chunks to the next worker)")};
  int row = 0;
  for (int k = 0; k < kKinds; ++k) {
    std::uint64_t count = 0, bytes = 0;
    for (const auto& [worker, w] : m_workers) {
      count += w.kinds[k].messages;
      bytes += w.kinds[k].bytes;
    }
    if (count == 0) continue;
    if (m_kindTable->rowCount() <= row) m_kindTable->setRowCount(row + 1);
    const QStringList cells = {
        kindNames[k], QString::number(count), megabytes(bytes),
        QString::number(100.0 * static_cast<double>(bytes) / static_cast<double>(m_totalBytes), 'f',
                        1) +
            " %"};
    for (int c = 0; c < cells.size(); ++c) setCell(m_kindTable, row, c, cells[c]);
    ++row;
  }
  m_kindTable->setRowCount(row);
  QString summary = m_totalBytes == 0
                        ? tr("The traffic measured on the sockets appears here during a run.")
                        : tr("%1 MB crossed the network in all (every message, both ways).")
                              .arg(megabytes(m_totalBytes));
  const std::uint64_t pushBytes = bytesOfKind(Kind::Push);
  if (pushBytes > 0 && m_rawPushBytes > pushBytes) {  // encoded updates (cluster.encoder)
    summary += ' ' + tr("The updates took %1 MB on the wire for %2 MB of floats: %3x fewer bytes.")
                         .arg(megabytes(pushBytes), megabytes(m_rawPushBytes))
                         .arg(static_cast<double>(m_rawPushBytes) / static_cast<double>(pushBytes),
                              0, 'f', 1);
  }
  const std::uint64_t intermediate = bytesOfKind(Kind::Activations) + bytesOfKind(Kind::Errors);
  if (intermediate > 0) {  // model parallelism: what travels is no longer the model
    summary += ' ' + tr("Intermediate results (activations forward, errors back): %1 MB, %2 % "
                        "of all; parameters: %3 MB.")
                         .arg(megabytes(intermediate))
                         .arg(100.0 * static_cast<double>(intermediate) /
                                  static_cast<double>(m_totalBytes),
                              0, 'f', 1)
                         .arg(megabytes(bytesOfKind(Kind::Params)));
  }
  if (const std::uint64_t ring = bytesOfKind(Kind::Ring); ring > 0 && !m_workers.empty()) {
    // The lecture's point: no link carries every worker's gradient, as a server's does.
    summary += ' ' + tr("Ring all-reduce: %1 MB of gradient chunks, %2 MB per worker; no link "
                        "carries everyone's gradients, as a parameter server's does.")
                         .arg(megabytes(ring))
                         .arg(megabytes(ring / m_workers.size()));
  }
  m_summary->setText(summary);
}

}  // namespace distlab::widgets
