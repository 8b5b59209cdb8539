#include "widgets/topology_view.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <map>
#include <cmath>

namespace distlab::widgets {
namespace {

constexpr qint64 kArrowMs = 350;   // an arrow fades out over this long
constexpr qint64 kMinGapMs = 250;  // and is not shown again sooner on the same link
constexpr int kTextMargin = 6;     // between a worker's box and its text
constexpr int kSwatch = 12;       // a model-parallel process's colour bar in its box
constexpr int kTitleHeight = 18;  // the model diagram's title
constexpr int kRingDrop = 40;     // how far below the boxes a ring's closing arc runs

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
      fading |= now - n.upAtMs < kArrowMs || now - n.downAtMs < kArrowMs ||
                now - n.forwardAtMs < kArrowMs || now - n.backwardAtMs < kArrowMs;
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

void TopologyView::setNote(int worker, const QString& note) {
  if (worker < 0 || worker >= workerCount()) return;
  m_workers[static_cast<std::size_t>(worker)].note = note;
  update();
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

void TopologyView::pulseNeighbours(int worker, bool forward) {
  if (worker < 0 || worker >= workerCount()) return;
  Node& n = m_workers[static_cast<std::size_t>(worker)];
  qint64& last = forward ? n.forwardAtMs : n.backwardAtMs;
  const qint64 now = m_clock.elapsed();
  if (now - last < kMinGapMs) return;
  last = now;
  if (!m_animation.isActive()) m_animation.start();
}

void TopologyView::clear() {
  m_workers.clear();
  m_blocks.clear();
  update();
}

void TopologyView::setModelLayout(LayoutDiagram::Split split,
                                  std::vector<LayoutDiagram::Block> blocks) {
  m_split = split;
  m_blocks = std::move(blocks);
  update();
}

void TopologyView::clearModelLayout() {
  m_blocks.clear();
  update();
}

void TopologyView::setRing(bool ring) {
  m_ring = ring;
  update();
}

QRect TopologyView::diagramRect() const {
  if (m_blocks.empty()) return {};
  return QRect(12, 8, width() - 24, std::max(160, height() * 2 / 5));
}

QRect TopologyView::serverRect() const {
  const int top = m_blocks.empty() ? (m_ring ? 16 + kTitleHeight + 8 : 16)
                                   : diagramRect().bottom() + 16;
  return QRect(width() / 2 - 90, top, 180, m_blocks.empty() ? 54 : 40);
}

QString TopologyView::workerName(int worker) const {
  if (m_blocks.empty()) return tr("Worker %1").arg(worker);
  return LayoutDiagram::ownerName(m_split, worker);
}

QString TopologyView::hubName() const {
  if (m_ring) return tr("Coordinator (no server)");
  if (m_blocks.empty() || m_split == LayoutDiagram::Split::Skeleton) {
    return tr("Parameter server");
  }
  return tr("Coordinator");
}

QString TopologyView::shareLine(int worker) const {
  const QString& note = m_workers.at(static_cast<std::size_t>(worker)).note;
  if (!note.isEmpty()) return note;
  if (m_blocks.empty()) {
    return tr("%1% of the data")
        .arg(m_workers.at(static_cast<std::size_t>(worker)).share * 100.0, 0, 'f', 0);
  }
  if (m_split == LayoutDiagram::Split::Pipeline) {
    int first = -1, last = -1;
    for (const auto& b : m_blocks) {
      if (b.owner != worker) continue;
      if (first < 0) first = b.layer;
      last = b.layer;
    }
    if (first < 0) return tr("no layer with weights");
    return first == last ? tr("layer %1").arg(first + 1)
                         : tr("layers %1-%2").arg(first + 1).arg(last + 1);
  }
  // Its neurons (a skeleton worker: the skeleton's too) among all of them.
  std::map<int, double> widths;
  double held = 0.0;
  for (const auto& b : m_blocks) {
    widths[b.layer] = b.width;
    if (b.owner == worker || b.owner == LayoutDiagram::kSkeleton) held += b.neurons;
  }
  double all = 0.0;
  for (const auto& [layer, width] : widths) all += width;
  return tr("%1% of the neurons").arg(all > 0 ? 100.0 * held / all : 0.0, 0, 'f', 0);
}

QStringList TopologyView::workerLines(int worker) const {
  const Node& n = m_workers.at(static_cast<std::size_t>(worker));
  return {workerName(worker), stateName(n.state), tr("step %1").arg(n.step), shareLine(worker)};
}

std::vector<std::pair<int, int>> TopologyView::peerLinks() const {
  std::vector<std::pair<int, int>> links;
  if (m_ring) {
    for (int a = 0; a + 1 < workerCount(); ++a) links.emplace_back(a, a + 1);
    if (workerCount() > 2) links.emplace_back(0, workerCount() - 1);
    return links;
  }
  if (m_blocks.empty() || m_split == LayoutDiagram::Split::Skeleton) return links;
  for (int a = 0; a < workerCount(); ++a) {
    for (int b = a + 1; b < workerCount(); ++b) {
      if (m_split == LayoutDiagram::Split::Tensor || b == a + 1) links.emplace_back(a, b);
    }
  }
  return links;
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
  const int swatch = m_blocks.empty() ? 0 : kSwatch;  // the holder's colour, on the left
  const int w =
      std::max(8, std::min(std::max(120, text.width() + 2 * kTextMargin + swatch), slot - 16));
  const int h = text.height() + 2 * kTextMargin;
  // A ring's last worker hands on to the first along an arc below the boxes.
  return QRect(slot * worker + (slot - w) / 2, height() - h - (m_ring ? kRingDrop + 24 : 16), w,
               h);
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

void TopologyView::drawArrow(QPainter& p, QPointF a, QPointF b, qint64 age, QColor c) const {
  if (age >= kArrowMs) return;
  const double t = static_cast<double>(age) / kArrowMs;  // 0 -> 1 along the link
  const QPointF head = a + (b - a) * (0.25 + 0.6 * t);
  c.setAlphaF(1.0 - t);
  p.setPen(Qt::NoPen);
  p.setBrush(c);
  const QPointF dir = (b - a) / std::max(1.0, std::hypot((b - a).x(), (b - a).y()));
  const QPointF side(-dir.y(), dir.x());
  QPainterPath tri;
  tri.moveTo(head + dir * 10);
  tri.lineTo(head - dir * 6 + side * 7);
  tri.lineTo(head - dir * 6 - side * 7);
  tri.closeSubpath();
  p.drawPath(tri);
}

void TopologyView::paintRing(QPainter& p, qint64 now) const {
  const QColor chunk(0xff, 0x7f, 0x0e);  // gradient chunks: updates, as a PUSH is
  const int n = workerCount();
  p.setPen(palette().color(QPalette::Text));
  p.drawText(QRect(12, 8, width() - 24, kTitleHeight), Qt::AlignLeft | Qt::AlignTop,
             tr("Ring all-reduce: each worker hands a chunk of the gradient sum to the next, "
                "2(N-1) times a step"));
  for (const auto& [a, b] : peerLinks()) {
    const QRect ra = workerRect(a), rb = workerRect(b);
    const bool dead = state(a) == State::Dead || state(b) == State::Dead;
    p.setPen(QPen(dead ? QColor(0xd6, 0x27, 0x28, 90) : QColor(0x99, 0x99, 0x99), 2,
                  dead ? Qt::DotLine : Qt::SolidLine));
    p.setBrush(Qt::NoBrush);
    // Which way the ring turns, also when nothing moves: a grey head halfway along each link.
    const QColor way(0x99, 0x99, 0x99);
    const auto halfway = static_cast<qint64>(0.42 * kArrowMs);
    if (b == a + 1) {
      const QPointF from(ra.right(), ra.center().y()), to(rb.left(), rb.center().y());
      p.drawLine(from, to);
      if (n > 2) drawArrow(p, from, to, halfway, way);
      drawArrow(p, from, to, now - m_workers[static_cast<std::size_t>(a)].forwardAtMs, chunk);
      if (n == 2) {  // a ring of two: each hands on to the other on the one link
        drawArrow(p, to, from, now - m_workers[static_cast<std::size_t>(b)].forwardAtMs, chunk);
      }
      continue;
    }
    // The last worker back to the first, below the boxes.
    const QPointF last(rb.center().x(), rb.bottom()), first(ra.center().x(), ra.bottom());
    QPainterPath arc(last);
    arc.cubicTo(last + QPointF(0, kRingDrop), first + QPointF(0, kRingDrop), first);
    p.drawPath(arc);
    const double low = 0.75 * kRingDrop;  // the arc's lowest stretch, where the arrow runs
    drawArrow(p, last + QPointF(0, low), first + QPointF(0, low), halfway, way);
    drawArrow(p, last + QPointF(0, low), first + QPointF(0, low),
              now - m_workers[static_cast<std::size_t>(b)].forwardAtMs, chunk);
  }
}

void TopologyView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), palette().color(QPalette::Base));
  const QRect server = serverRect();
  const qint64 now = m_clock.elapsed();
  const bool split = !m_blocks.empty();
  if (split) {
    const QRect diagram = diagramRect();
    p.setPen(palette().color(QPalette::Text));
    p.drawText(diagram.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignTop,
               tr("The network: each layer's neurons, coloured by the process that holds them"));
    LayoutDiagram::paint(p, diagram.adjusted(0, kTitleHeight, 0, 0), m_split, m_blocks, palette());
  }
  if (m_ring) paintRing(p, now);
  // A stage's or shard's own links: activations forward (blue), errors back (red). Neighbours
  // side by side are joined straight; farther pairs of a mesh by arcs above the boxes.
  for (const auto& [a, b] : m_ring ? std::vector<std::pair<int, int>>{} : peerLinks()) {
    const QRect ra = workerRect(a), rb = workerRect(b);
    const bool dead = state(a) == State::Dead || state(b) == State::Dead;
    p.setPen(QPen(dead ? QColor(0xd6, 0x27, 0x28, 90) : QColor(0x99, 0x99, 0x99), 2,
                  dead ? Qt::DotLine : Qt::SolidLine));
    p.setBrush(Qt::NoBrush);
    const QPointF from(ra.right(), ra.center().y()), to(rb.left(), rb.center().y());
    if (b == a + 1) {
      p.drawLine(from, to);
    } else {
      const QPointF top(ra.center().x(), ra.top()), end(rb.center().x(), rb.top());
      QPainterPath arc(top);
      const double lift = 18.0 + 10.0 * (b - a);
      arc.cubicTo(top - QPointF(0, lift), end - QPointF(0, lift), end);
      p.drawPath(arc);
    }
    const QColor forward(0x1f, 0x77, 0xb4), backward(0xd6, 0x27, 0x28);
    const auto& na = m_workers[static_cast<std::size_t>(a)];
    const auto& nb = m_workers[static_cast<std::size_t>(b)];
    if (b == a + 1 || m_split == LayoutDiagram::Split::Tensor) {
      const QPointF pa = b == a + 1 ? from : QPointF(ra.center().x(), ra.top() - 4);
      const QPointF pb = b == a + 1 ? to : QPointF(rb.center().x(), rb.top() - 4);
      if (m_split == LayoutDiagram::Split::Tensor) {  // both ways: every shard gathers all
        drawArrow(p, pa, pb, now - na.forwardAtMs, forward);
        drawArrow(p, pb, pa, now - nb.forwardAtMs, forward);
        drawArrow(p, pa, pb, now - na.backwardAtMs, backward);
        drawArrow(p, pb, pa, now - nb.backwardAtMs, backward);
      } else {
        drawArrow(p, pa, pb, now - na.forwardAtMs, forward);
        drawArrow(p, pb, pa, now - nb.backwardAtMs, backward);
      }
    }
  }
  for (int k = 0; k < workerCount(); ++k) {
    const Node& n = m_workers[static_cast<std::size_t>(k)];
    const QRect w = workerRect(k);
    const QPointF from(server.center().x(), server.bottom());
    const QPointF to(w.center().x(), w.top());
    const bool star = !m_ring && (!split || m_split == LayoutDiagram::Split::Skeleton);
    // A pipeline's or tensor split's coordinator only starts, routes and scores: a thin line.
    p.setPen(QPen(n.state == State::Dead ? QColor(0xd6, 0x27, 0x28, 90) : QColor(0x99, 0x99, 0x99),
                  n.state == State::Dead || !star ? 1 : 2,
                  n.state == State::Dead ? Qt::DotLine : star ? Qt::SolidLine : Qt::DashLine));
    p.drawLine(from, to);
    // PUSH up the link (orange), PARAMS down (green), fading.
    drawArrow(p, to, from, now - n.upAtMs, QColor(0xff, 0x7f, 0x0e));
    drawArrow(p, from, to, now - n.downAtMs, QColor(0x2c, 0xa0, 0x2c));
    // The worker: its state in color, its step and share of the data (or of the network, with
    // its colour in the diagram on the left).
    p.setPen(QPen(stateColor(n.state), 3));
    p.setBrush(palette().color(QPalette::Window));
    p.drawRoundedRect(w, 8, 8);
    if (split) {
      p.fillRect(QRect(w.left() + 5, w.top() + 5, 8, w.height() - 10),
                 LayoutDiagram::ownerColor(k));
    }
    p.setPen(palette().color(QPalette::Text));
    const QRect text =
        w.adjusted(kTextMargin + (split ? kSwatch : 0), kTextMargin, -kTextMargin, -kTextMargin);
    QStringList lines = workerLines(k);
    for (QString& line : lines) line = fontMetrics().elidedText(line, Qt::ElideRight, text.width());
    p.drawText(text, Qt::AlignHCenter | Qt::AlignTop, lines.join('\n'));
  }
  p.setPen(QPen(QColor(0x94, 0x67, 0xbd), 3));
  p.setBrush(palette().color(QPalette::Window));
  p.drawRoundedRect(server, 8, 8);
  p.setPen(palette().color(QPalette::Text));
  p.drawText(server, Qt::AlignCenter, hubName());
}

void TopologyView::requestAction(int worker, Action action) {
  emit actionRequested(worker, action);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event) {
  const int worker = workerAt(event->pos());
  // A model-parallel run's processes, and a ring's workers, take no commands.
  if (worker < 0 || hasModelLayout() || m_ring) {
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
