#include "widgets/timeline_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace distlab::widgets {
namespace {

constexpr int kGutter = 110;     // lane names
constexpr int kAxisHeight = 44;  // time axis and the colors' legend at the bottom

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setMinimumHeight(160);
}

QColor TimelineView::kindColor(int kind) {
  static const QColor colors[kSpanKinds] = {
      QColor(0x1f, 0x77, 0xb4),  // compute
      QColor(0xff, 0x7f, 0x0e),  // push
      QColor(0x2c, 0xa0, 0x2c),  // pull
      QColor(0xd6, 0x27, 0x28),  // wait: the barrier's cost, in red
      QColor(0x94, 0x67, 0xbd),  // aggregate
      QColor(0x8c, 0x56, 0x4b),  // evaluate
      QColor(0x0b, 0x3d, 0x91),  // forward: a darker blue than compute (the update)
      QColor(0x17, 0xbe, 0xcf),  // backward
      QColor(0xff, 0x7f, 0x0e),  // send, like push
      QColor(0x2c, 0xa0, 0x2c),  // receive, like pull
      QColor(0xd6, 0x27, 0x28),  // idle: the pipeline's bubble, in red like the barrier's wait
  };
  return colors[std::clamp(kind, 0, kSpanKinds - 1)];
}

QString TimelineView::kindName(int kind) const {
  switch (kind) {
    case 0:
      return tr("compute");
    case 1:
      return tr("push");
    case 2:
      return tr("pull");
    case 3:
      return tr("wait");
    case 4:
      return tr("aggregate");
    case 5:
      return tr("evaluate");
    case 6:
      return tr("forward");
    case 7:
      return tr("backward");
    case 8:
      return tr("send");
    case 9:
      return tr("receive");
    default:
      return tr("idle (bubble)");
  }
}

QString TimelineView::laneName(int index) const {
  if (m_naming == LaneNaming::Stages) {
    return index == 0 ? tr("Coordinator") : tr("Stage %1").arg(index - 1);
  }
  return index == 0 ? tr("Server") : tr("Worker %1").arg(index - 1);
}

void TimelineView::setLaneNaming(LaneNaming naming) {
  m_naming = naming;
  update();
}

void TimelineView::addSpan(int lane, const TimelineSpan& span) {
  m_store.add(lane, span);
  m_kindsSeen |= 1u << std::min<int>(span.kind, kSpanKinds - 1);
  if (m_naming == LaneNaming::Stages && span.kind == 0 && lane >= 0) {
    // A stage's update ends its step: the time between two is the pipeline's step.
    if (m_lastUpdateNs.size() <= static_cast<std::size_t>(lane)) {
      m_lastUpdateNs.resize(static_cast<std::size_t>(lane) + 1, 0);
    }
    auto& last = m_lastUpdateNs[static_cast<std::size_t>(lane)];
    if (last > 0 && span.endNs > last) {
      m_stepNsSum += static_cast<double>(span.endNs - last);
      ++m_stepCount;
    }
    last = span.endNs;
  }
  if (span.kind == 0) {
    m_computeNsSum += static_cast<double>(span.endNs - span.startNs);
    ++m_computeCount;
  }
}

QColor TimelineView::flagColor(MarkerKind kind) {
  return kind == MarkerKind::Excluded ? QColor(0xc6, 0x28, 0x28) : QColor(0xf9, 0xa8, 0x25);
}

void TimelineView::addMarker(int lane, std::int64_t timeNs, MarkerKind kind) {
  m_markers.push_back({lane, timeNs, kind});
}

void TimelineView::clear() {
  m_store.clear();
  m_markers.clear();
  m_follow = true;
  m_windowSeconds = 0.0;
  m_computeNsSum = 0.0;
  m_computeCount = 0;
  m_kindsSeen = 0;
  m_lastUpdateNs.clear();
  m_stepNsSum = 0.0;
  m_stepCount = 0;
  update();
}

QRect TimelineView::plotRect() const {
  return QRect(kGutter, 4, std::max(1, width() - kGutter - 8),
               std::max(1, height() - kAxisHeight - 8));
}

void TimelineView::refresh() {
  if (m_follow && m_store.spanCount() > 0) {
    // By default the live edge shows about 30 steps, so single rounds stay readable however
    // fast or slow the model is.
    // A pipeline's steps are long and full of small passes: about 6 of them.
    const bool pipeline = m_naming == LaneNaming::Stages && m_stepCount > 0;
    const double stepNs = pipeline         ? m_stepNsSum / static_cast<double>(m_stepCount)
                          : m_computeCount ? 2.0 * m_computeNsSum / m_computeCount
                                           : 1e6;
    const double steps = pipeline ? 6 : 30;
    const double seconds =
        m_windowSeconds > 0 ? m_windowSeconds : std::clamp(steps * stepNs * 1e-9, 0.02, 60.0);
    const auto window = static_cast<std::int64_t>(seconds * 1e9);
    // The edge is where the workers are: after the last step the server still scores the
    // final model, and a window ending there would show that and the workers' last steps
    // squeezed to one side (what a report of the finished run showed).
    const std::int64_t edge = m_windowSeconds > 0 ? m_store.lastNs() : m_store.lastWorkerNs();
    const std::int64_t from = std::max(m_store.firstNs(), edge - window);
    m_mapper.fit(from, edge, plotRect().width());
  }
  update();
}

int TimelineView::laneAt(int y) const {
  const QRect plot = plotRect();
  const int lanes = std::max(1, laneCount());
  if (y < plot.top() || y >= plot.bottom()) return -1;
  return (y - plot.top()) * lanes / plot.height();
}

void TimelineView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Base));
  const QRect plot = plotRect();
  const int lanes = std::max(1, laneCount());
  const double laneHeight = static_cast<double>(plot.height()) / lanes;
  p.setPen(palette().color(QPalette::Text));
  for (int lane = 0; lane < laneCount(); ++lane) {
    const int top = plot.top() + static_cast<int>(lane * laneHeight);
    const int h = std::max(2, static_cast<int>(laneHeight) - 4);
    p.drawText(QRect(4, top, kGutter - 8, static_cast<int>(laneHeight)),
               Qt::AlignVCenter | Qt::AlignRight, laneName(lane));
    for (const LaneRect& r : m_store.layout(lane, m_mapper, plot.width())) {
      const double x0 = std::max(r.x0, 0.0), x1 = std::min(r.x1, static_cast<double>(plot.width()));
      if (x1 <= x0) continue;
      p.fillRect(QRectF(plot.left() + x0, top + 2, std::max(1.0, x1 - x0), h), kindColor(r.kind));
    }
  }
  // Deaths in red, rejoins in green, across their lane; flagged pushes as triangles on top.
  bool flagged = false;
  for (const Marker& m : m_markers) {
    const double x = m_mapper.x(m.timeNs);
    if (x < 0 || x > plot.width()) continue;
    const int lane = m.lane + 1;
    const int top = plot.top() + static_cast<int>(lane * laneHeight);
    if (m.kind == MarkerKind::Excluded || m.kind == MarkerKind::Clipped) {
      flagged = true;
      p.setPen(QPen(palette().color(QPalette::Base), 1.5));  // stands out on a red wait span
      p.setBrush(flagColor(m.kind));
      const QPointF tip(plot.left() + x, top + 2 + 0.45 * laneHeight);
      p.drawPolygon(QPolygonF(
          {tip, tip + QPointF(-5, -0.45 * laneHeight), tip + QPointF(5, -0.45 * laneHeight)}));
      p.setBrush(Qt::NoBrush);
      continue;
    }
    p.setPen(
        QPen(m.kind == MarkerKind::Died ? QColor(0xc6, 0x28, 0x28) : QColor(0x2e, 0x7d, 0x32), 3));
    p.drawLine(QPointF(plot.left() + x, top), QPointF(plot.left() + x, top + laneHeight));
  }
  // Time axis: seconds since the first span, about every 100 pixels.
  p.setPen(palette().color(QPalette::Text));
  const int axisY = plot.bottom() + 4;
  p.drawLine(plot.left(), axisY, plot.right(), axisY);
  const double secondsPerPixel = m_mapper.nsPerPixel() * 1e-9;
  const double raw = secondsPerPixel * 100;
  const double step = std::pow(10.0, std::floor(std::log10(raw)));
  const double tick = raw / step > 5 ? step * 5 : raw / step > 2 ? step * 2 : step;
  const double first = static_cast<double>(m_mapper.start() - m_store.firstNs()) * 1e-9;
  for (double t = std::ceil(first / tick) * tick;; t += tick) {
    const double x = (t - first) / secondsPerPixel;
    if (x > plot.width()) break;
    p.drawLine(QPointF(plot.left() + x, axisY), QPointF(plot.left() + x, axisY + 4));
    p.drawText(QPointF(plot.left() + x + 2, axisY + 16),
               tick < 0.01 ? QString::number(t * 1000, 'f', 1) + " ms"
                           : QString::number(t, 'f', tick < 1 ? 2 : 0) + " s");
  }
  // What the colors mean.
  int x = plot.left();
  const int legendY = axisY + 22;
  for (int kind = 0; kind < kSpanKinds; ++kind) {
    // The kinds this run has: a cluster's six, or a pipeline's (before any, the cluster's).
    const unsigned shown = m_kindsSeen ? m_kindsSeen : 0x3fu;
    if (!(shown & (1u << kind))) continue;
    p.fillRect(QRect(x, legendY + 3, 12, 12), kindColor(kind));
    const QString name = kindName(kind);
    p.drawText(QPoint(x + 16, legendY + 13), name);
    x += 16 + p.fontMetrics().horizontalAdvance(name) + 18;
  }
  if (flagged) {
    for (const auto kind : {MarkerKind::Excluded, MarkerKind::Clipped}) {
      p.setPen(QPen(palette().color(QPalette::Text), 1));
      p.setBrush(flagColor(kind));
      p.drawPolygon(QPolygonF(
          {QPointF(x + 6, legendY + 15), QPointF(x, legendY + 3), QPointF(x + 12, legendY + 3)}));
      p.setBrush(Qt::NoBrush);
      p.setPen(palette().color(QPalette::Text));
      const QString name = kind == MarkerKind::Excluded ? tr("push excluded") : tr("push clipped");
      p.drawText(QPoint(x + 16, legendY + 13), name);
      x += 16 + p.fontMetrics().horizontalAdvance(name) + 18;
    }
  }
}

QString TimelineView::describeAt(QPoint pos) const {
  const QRect plot = plotRect();
  const int lane = laneAt(pos.y());
  if (lane < 0 || pos.x() < plot.left()) return {};
  const std::int64_t t = m_mapper.time(pos.x() - plot.left());
  const TimelineSpan* s = m_store.spanAt(lane, t);
  if (!s) return {};
  return tr("%1 - %2: %3 ms, step %4, %5 bytes")
      .arg(laneName(lane), kindName(s->kind))
      .arg(static_cast<double>(s->endNs - s->startNs) * 1e-6, 0, 'f', 3)
      .arg(s->step)
      .arg(s->bytes);
}

bool TimelineView::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    const QString text = describeAt(help->pos());
    if (text.isEmpty()) {
      QToolTip::hideText();
    } else {
      QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
  }
  return QWidget::event(e);
}

void TimelineView::wheelEvent(QWheelEvent* e) {
  m_follow = false;
  const double factor = std::pow(1.2, e->angleDelta().y() / 120.0);
  m_mapper.zoom(e->position().x() - plotRect().left(), factor);
  update();
}

void TimelineView::mousePressEvent(QMouseEvent* e) { m_dragFrom = e->pos(); }

void TimelineView::mouseMoveEvent(QMouseEvent* e) {
  if (!(e->buttons() & Qt::LeftButton)) return;
  m_follow = false;
  m_mapper.pan(e->pos().x() - m_dragFrom.x());
  m_dragFrom = e->pos();
  update();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent*) { showAll(); }

void TimelineView::showAll() {
  m_mapper.fit(m_store.firstNs(), m_store.lastNs(), plotRect().width());
  m_follow = true;
  m_windowSeconds = std::max(1.0, static_cast<double>(m_store.lastNs() - m_store.firstNs()) * 1e-9);
  update();
}

}  // namespace distlab::widgets
