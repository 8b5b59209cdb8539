#include "widgets/ring_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

const QColor kServer(0x94, 0x67, 0xbd), kWorker(0x1f, 0x77, 0xb4), kRing(0xff, 0x7f, 0x0e);

QValueAxis* axis(QChart* chart, Qt::Alignment where) {
  auto* a = new QValueAxis;
  a->setLabelFormat("%g");
  chart->addAxis(a, where);
  return a;
}

QChartView* viewOf(QChart* chart) {
  chart->legend()->setAlignment(Qt::AlignBottom);
  auto* view = new QChartView(chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(280);
  return view;
}

}  // namespace

RingView::RingView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_bytes(new QChart),
      m_time(new QChart),
      m_bytesX(axis(m_bytes, Qt::AlignBottom)),
      m_bytesY(axis(m_bytes, Qt::AlignLeft)),
      m_timeX(axis(m_time, Qt::AlignBottom)),
      m_timeY(axis(m_time, Qt::AlignLeft)),
      m_summary(new QLabel) {
  m_intro->setWordWrap(true);
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* charts = new QHBoxLayout;
  charts->addWidget(viewOf(m_bytes), 3);
  charts->addWidget(viewOf(m_time), 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  layout->addLayout(charts, 1);
  layout->addWidget(m_summary);
  rebuild();
  retranslate();
}

void RingView::setData(RingData data) {
  m_data = std::move(data);
  rebuild();
  retranslate();
}

void RingView::rebuild() {
  m_bytes->removeAllSeries();
  m_time->removeAllSeries();
  // Lines: the formulas; points: what the lesson measured. Names are set in retranslate().
  const auto line = [](QColor c, Qt::PenStyle style) {
    auto* s = new QLineSeries;
    s->setPen(QPen(c, 2, style));
    return s;
  };
  const auto points = [](QColor c, QScatterSeries::MarkerShape shape) {
    auto* s = new QScatterSeries;
    s->setColor(c);
    s->setBorderColor(c.darker(130));
    s->setMarkerShape(shape);
    s->setMarkerSize(10);
    return s;
  };
  auto* server = line(kServer, Qt::SolidLine);
  auto* worker = line(kWorker, Qt::DashLine);
  auto* ring = line(kRing, Qt::SolidLine);
  auto* serverSeen = points(kServer, QScatterSeries::MarkerShapeRectangle);
  auto* workerSeen = points(kWorker, QScatterSeries::MarkerShapeRectangle);
  auto* ringSeen = points(kRing, QScatterSeries::MarkerShapeCircle);
  auto* psTime = line(kServer, Qt::SolidLine);
  auto* ringTime = line(kRing, Qt::SolidLine);
  double top = 0.0, slowest = 0.0;
  int most = 2;
  const auto mb = [](double bytes) { return bytes / 1e6; };
  for (const auto& p : m_data.points) {
    server->append(p.workers, mb(p.psServer));
    worker->append(p.workers, mb(p.psWorker));
    ring->append(p.workers, mb(p.ringWorker));
    top = std::max({top, mb(p.psServer), mb(p.ringWorker)});
    most = std::max(most, p.workers);
    const auto seen = [&](QScatterSeries* s, double bytes) {
      if (std::isfinite(bytes)) s->append(p.workers, mb(bytes)), top = std::max(top, mb(bytes));
    };
    seen(serverSeen, p.psServerMeasured);
    seen(workerSeen, p.psWorkerMeasured);
    seen(ringSeen, p.ringWorkerMeasured);
    if (std::isfinite(p.psSeconds) && std::isfinite(p.ringSeconds)) {
      psTime->append(p.workers, 1e3 * p.psSeconds);
      ringTime->append(p.workers, 1e3 * p.ringSeconds);
      slowest = std::max({slowest, 1e3 * p.psSeconds, 1e3 * p.ringSeconds});
    }
  }
  for (auto* s : {static_cast<QXYSeries*>(server), static_cast<QXYSeries*>(worker),
                  static_cast<QXYSeries*>(ring), static_cast<QXYSeries*>(serverSeen),
                  static_cast<QXYSeries*>(workerSeen), static_cast<QXYSeries*>(ringSeen)}) {
    m_bytes->addSeries(s);
    s->attachAxis(m_bytesX);
    s->attachAxis(m_bytesY);
  }
  for (auto* s : {psTime, ringTime}) {
    psTime->setPointsVisible(true);
    ringTime->setPointsVisible(true);
    m_time->addSeries(s);
    s->attachAxis(m_timeX);
    s->attachAxis(m_timeY);
  }
  for (QValueAxis* x : {m_bytesX, m_timeX}) {  // a tick at every worker count (or second)
    x->setRange(1, most + 1);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(most <= 10 ? 1 : 2);
    x->setLabelFormat("%.0f");
  }
  // One legend entry a colour: the points say "measured" by the chart's title.
  for (auto* s : {serverSeen, workerSeen, ringSeen}) {
    for (auto* marker : m_bytes->legend()->markers(s)) marker->setVisible(false);
  }
  m_bytesY->setRange(0, top > 0 ? top * 1.1 : 1.0);
  m_bytesY->applyNiceNumbers();
  m_timeY->setRange(0, slowest > 0 ? slowest * 1.15 : 1.0);
  m_timeY->applyNiceNumbers();
}

QString RingView::summary() const { return m_summary->text(); }

void RingView::retranslate() {
  m_intro->setText(
      tr("A parameter server's link carries every worker's update up and the model down: 2NM "
         "bytes a step for N workers and a model of M bytes. Round a ring, each worker sends "
         "2(N-1)/N M, under 2M however many workers there are, and no link carries more."));
  m_bytes->setTitle(tr("Bytes a step, by workers: lines the formulas, points measured"));
  m_time->setTitle(tr("Time a step (measured on this machine)"));
  m_bytesX->setTitleText(tr("Workers"));
  m_timeX->setTitleText(tr("Workers"));
  m_bytesY->setTitleText(tr("MB a step"));
  m_timeY->setTitleText(tr("ms a step"));
  const QStringList byteNames = {tr("Server's link, 2NM"),
                                 tr("Worker to server, M"),
                                 tr("Worker round the ring, 2(N-1)/N M"),
                                 tr("Server's link, measured"),
                                 tr("Worker to server, measured"),
                                 tr("Worker round the ring, measured")};
  const auto bytes = m_bytes->series();
  for (qsizetype i = 0; i < bytes.size() && i < byteNames.size(); ++i) {
    bytes[i]->setName(byteNames[i]);
  }
  const auto times = m_time->series();
  if (times.size() == 2) {
    times[0]->setName(tr("Parameter server (BSP)"));
    times[1]->setName(tr("Ring all-reduce"));
  }
  if (!hasData()) {
    m_summary->setText(tr("Run lesson 4c (cluster.sync allreduce) to see what the ring sends."));
    return;
  }
  QString text = tr("This run: %1 workers in a ring, each sent %2 MB a step (%3 ms a step).")
                     .arg(m_data.runWorkers)
                     .arg(m_data.runBytesPerStep / 1e6, 0, 'f', 3)
                     .arg(m_data.runSecondsPerStep * 1e3, 0, 'f', 2);
  if (!times.isEmpty() && !static_cast<QXYSeries*>(times[0])->points().isEmpty()) {
    text += ' ' + tr("The times are of processes sharing this machine's cores: each of the "
                     "ring's 2(N-1) hops a step waits for a process to be scheduled, which "
                     "separate machines would not.");
  }
  m_summary->setText(text);
}

void RingView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace distlab::widgets
