#include "widgets/topology_view.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

constexpr qint64 kArrowMs = 350;   // an arrow fades out over this long
constexpr qint64 kMinGapMs = 250;  // and is not shown again sooner on the same link
constexpr int kTextMargin = 6;     // between a worker's box and its text

QColor stateColor(TopologyView::State s) {
  switch (s) {
    case TopologyView::State::Running:
      return QColor(0x2c, 0xa0, 0x2c);
    case TopologyView::State::Slowed:
      return QColor(0xff, 0x7f, 0x0e);
    case TopologyView::State::Dead:
      return QColor(0xd6, 0x27, 0x28);
    case TopologyView::State::Finished:
      return QColor(0x7f, 0x7f, 0x7f);
    case TopologyView::State::Starting:
      break;
  }
  return QColor(0xbc, 0xbd, 0x22);
}

}  // namespace

TopologyView::TopologyView(QWidget* parent) : QWidget(parent) {
  m_clock.start();
  m_animation.setInterval(33);
  connect(&m_animation, &QTimer::timeout, this, [this] {
    update();
    bool fading = false;
    const qint64 now = m_clock.elapsed();
    for (const auto& n : m_workers) {
      fading |= now - n.upAtMs < kArrowMs || now - n.downAtMs < kArrowMs;
    }
    if (!fading) m_animation.stop();
  });
  setMinimumHeight(220);
}

void TopologyView::setWorkerCount(int workers) {
  m_workers.assign(static_cast<std::size_t>(std::max(workers, 0)), Node{});
  update();
}

void TopologyView::setState(int worker, State state) {
  if (worker < 0 || worker >= workerCount()) return;
  m_workers[static_cast<std::size_t>(worker)].state = state;
  update();
}

void TopologyView::setStep(int worker, std::uint64_t step) {
  if (worker < 0 || worker >= workerCount()) return;
  m_workers[static_cast<std::size_t>(worker)].step = step;
}

void TopologyView::setShare(int worker, double fraction) {
  if (worker < 0 || worker >= workerCount()) return;
  m_workers[static_cast<std::size_t>(worker)].share = fraction;
}

void TopologyView::pulse(int worker, bool up) {
  if (worker < 0 || worker >= workerCount()) return;
  Node& n = m_workers[static_cast<std::size_t>(worker)];
  qint64& last = up ? n.upAtMs : n.downAtMs;
  const qint64 now = m_clock.elapsed();
  if (now - last < kMinGapMs) return;  // rate-limited: readable, not a blur
  last = now;
  if (!m_animation.isActive()) m_animation.start();
}

void TopologyView::clear() {
  m_workers.clear();
  update();
}

QRect TopologyView::serverRect() const { return QRect(width() / 2 - 90, 16, 180, 54); }

QStringList TopologyView::workerLines(int worker) const {
  const Node& n = m_workers.at(static_cast<std::size_t>(worker));
  return {tr("Worker %1").arg(worker), stateName(n.state), tr("step %1").arg(n.step),
          tr("%1% of the data").arg(n.share * 100.0, 0, 'f', 0)};
}

QRect TopologyView::workerRect(int worker) const {
  const int n = std::max(1, workerCount());
  const int slot = width() / n;
  // As wide as its longest line when there is room (a long run's step count, Chinese or
  // English); with many workers the slot decides and drawText elides.
  // Measured as drawn: Chinese lines come from a fallback font with taller lines.
  const QSize text = fontMetrics()
                         .boundingRect(QRect(0, 0, 4096, 4096), Qt::AlignHCenter | Qt::AlignTop,
                                       workerLines(worker).join('\n'))
                         .size();
  const int w = std::max(8, std::min(std::max(120, text.width() + 2 * kTextMargin), slot - 16));
  const int h = text.height() + 2 * kTextMargin;
  return QRect(slot * worker + (slot - w) / 2, height() - h - 16, w, h);
}

int TopologyView::workerAt(QPoint pos) const {
  for (int k = 0; k < workerCount(); ++k) {
    if (workerRect(k).contains(pos)) return k;
  }
  return -1;
}

QString TopologyView::stateName(State state) const {
  switch (state) {
    case State::Running:
      return tr("running");
    case State::Slowed:
      return tr("slowed down");
    case State::Dead:
      return tr("dead");
    case State::Finished:
      return tr("finished");
    case State::Starting:
      break;
  }
  return tr("starting");
}

void TopologyView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), palette().color(QPalette::Base));
  const QRect server = serverRect();
  const qint64 now = m_clock.elapsed();
  for (int k = 0; k < workerCount(); ++k) {
    const Node& n = m_workers[static_cast<std::size_t>(k)];
    const QRect w = workerRect(k);
    const QPointF from(server.center().x(), server.bottom());
    const QPointF to(w.center().x(), w.top());
    p.setPen(QPen(n.state == State::Dead ? QColor(0xd6, 0x27, 0x28, 90) : QColor(0x99, 0x99, 0x99),
                  n.state == State::Dead ? 1 : 2,
                  n.state == State::Dead ? Qt::DotLine : Qt::SolidLine));
    p.drawLine(from, to);
    // PUSH up the link (orange), PARAMS down (green), fading.
    auto arrow = [&](qint64 at, bool up) {
      const qint64 age = now - at;
      if (age >= kArrowMs) return;
      const double t = static_cast<double>(age) / kArrowMs;  // 0 -> 1 along the link
      const QPointF a = up ? to : from, b = up ? from : to;
      const QPointF head = a + (b - a) * (0.25 + 0.6 * t);
      QColor c = up ? QColor(0xff, 0x7f, 0x0e) : QColor(0x2c, 0xa0, 0x2c);
      c.setAlphaF(1.0 - t);
      p.setPen(Qt::NoPen);
      p.setBrush(c);
      const QPointF dir = (b - a) / std::hypot((b - a).x(), (b - a).y());
      const QPointF side(-dir.y(), dir.x());
      QPainterPath tri;
      tri.moveTo(head + dir * 10);
      tri.lineTo(head - dir * 6 + side * 7);
      tri.lineTo(head - dir * 6 - side * 7);
      tri.closeSubpath();
      p.drawPath(tri);
    };
    arrow(n.upAtMs, true);
    arrow(n.downAtMs, false);
    // The worker: its state in color, its step and share of the data.
    p.setPen(QPen(stateColor(n.state), 3));
    p.setBrush(palette().color(QPalette::Window));
    p.drawRoundedRect(w, 8, 8);
    p.setPen(palette().color(QPalette::Text));
    const QRect text = w.adjusted(kTextMargin, kTextMargin, -kTextMargin, -kTextMargin);
    QStringList lines = workerLines(k);
    for (QString& line : lines) line = fontMetrics().elidedText(line, Qt::ElideRight, text.width());
    p.drawText(text, Qt::AlignHCenter | Qt::AlignTop, lines.join('\n'));
  }
  p.setPen(QPen(QColor(0x94, 0x67, 0xbd), 3));
  p.setBrush(palette().color(QPalette::Window));
  p.drawRoundedRect(server, 8, 8);
  p.setPen(palette().color(QPalette::Text));
  p.drawText(server, Qt::AlignCenter, tr("Parameter server"));
}

void TopologyView::requestAction(int worker, Action action) {
  emit actionRequested(worker, action);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event) {
  const int worker = workerAt(event->pos());
  if (worker < 0) {
    event->ignore();  // the window's own menu (export) takes right-clicks beside the workers
    return;
  }
  QMenu menu(this);
  const bool dead = state(worker) == State::Dead;
  menu.addAction(tr("Kill worker %1").arg(worker), this,
                 [this, worker] { requestAction(worker, Action::Kill); })
      ->setEnabled(!dead);
  menu.addAction(tr("Slow down 3x"), this, [this, worker] { requestAction(worker, Action::Slow); })
      ->setEnabled(!dead);
  menu.addAction(tr("Back to full speed"), this,
                 [this, worker] { requestAction(worker, Action::Restore); })
      ->setEnabled(!dead);
  menu.addAction(tr("Restart"), this, [this, worker] { requestAction(worker, Action::Restart); })
      ->setEnabled(dead);
  menu.addSeparator();
  menu.addAction(tr("Capture its next push (privacy lesson)"), this,
                 [this, worker] { requestAction(worker, Action::Capture); })
      ->setEnabled(!dead);
  menu.exec(event->globalPos());
}

}  // namespace distlab::widgets
