#pragma once
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <vector>

#include "widgets/layout_diagram.h"

namespace distlab::widgets {

/// The cluster as a diagram: the parameter server above its workers, each worker with its state,
/// its step and its share of the data; PUSH and PARAMS flash as arrows along the links (at most a
/// few a second, so it stays readable). Right-click a worker to kill, slow down, restore or
/// restart it.
///
/// A model-parallel run (setModelLayout) draws its network on top, each layer's neurons coloured
/// by the process that holds them, the coordinator below it and the processes at the bottom:
/// pipeline stages in a chain, tensor shards in a full mesh (activations and errors flash along
/// those links), skeleton workers under their server.
///
/// An all-reduce run (setRing) has no server: its workers are a ring, each handing gradient
/// chunks to the next (arrows along the ring, the last back to the first below the boxes), and
/// the coordinator above only starts, routes and tests.
class TopologyView : public QWidget {
  Q_OBJECT

 public:
  enum class State { Starting, Running, Slowed, Dead, Finished };
  /// Capture: the server keeps the worker's next PUSH for the privacy lesson's attack.
  enum class Action { Kill, Slow, Restore, Restart, Capture };

  explicit TopologyView(QWidget* parent = nullptr);

  void setWorkerCount(int workers);
  void setState(int worker, State state);
  void setStep(int worker, std::uint64_t step);
  void setShare(int worker, double fraction);
  /// A line that says more than the share of the data (a federated worker: "3 clients this
  /// round"); empty: the share again.
  void setNote(int worker, const QString& note);
  /// A PUSH (up) or PARAMS (down) crossed the worker's link.
  void pulse(int worker, bool up);
  void clear();
  void setModelLayout(LayoutDiagram::Split split, std::vector<LayoutDiagram::Block> blocks);
  void clearModelLayout();
  bool hasModelLayout() const { return !m_blocks.empty(); }
  /// The workers are a ring without a server (cluster.sync allreduce), or not.
  void setRing(bool ring);
  bool isRing() const { return m_ring; }
  /// A gradient chunk left `worker` for the next worker of the ring.
  void pulseRing(int worker) { pulseNeighbours(worker, true); }
  /// Intermediate results left `worker` for its neighbours: activations (forward) or errors.
  void pulseNeighbours(int worker, bool forward);
  /// Where the network is drawn (empty without a model layout).
  QRect diagramRect() const;

  int workerCount() const { return static_cast<int>(m_workers.size()); }
  State state(int worker) const { return m_workers.at(static_cast<std::size_t>(worker)).state; }
  /// The worker drawn at a point, or -1.
  int workerAt(QPoint pos) const;
  QRect workerRect(int worker) const;
  /// The lines written in a worker's box: its name, state, step and share of the data.
  QStringList workerLines(int worker) const;
  /// What the context menu does: emits actionRequested.
  void requestAction(int worker, Action action);

 signals:
  void actionRequested(int worker, distlab::widgets::TopologyView::Action action);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  struct Node {
    State state = State::Starting;
    std::uint64_t step = 0;
    double share = 0.0;
    QString note;
    qint64 upAtMs = -10'000, downAtMs = -10'000;  ///< last arrow shown, on m_clock
    qint64 forwardAtMs = -10'000, backwardAtMs = -10'000;  ///< between processes
  };
  QRect serverRect() const;
  QString stateName(State state) const;
  QString workerName(int worker) const;
  /// The line under the step: its share of the data, or of the network when split.
  QString shareLine(int worker) const;
  QString hubName() const;
  /// The links between processes of a model-parallel run: neighbours, or every pair; of a ring:
  /// neighbours, and the last with the first.
  std::vector<std::pair<int, int>> peerLinks() const;
  void drawArrow(QPainter& p, QPointF from, QPointF to, qint64 age, QColor color) const;
  void paintRing(QPainter& p, qint64 now) const;

  std::vector<Node> m_workers;
  LayoutDiagram::Split m_split = LayoutDiagram::Split::Pipeline;
  std::vector<LayoutDiagram::Block> m_blocks;
  bool m_ring = false;
  QElapsedTimer m_clock;
  QTimer m_animation;
};

}  // namespace distlab::widgets
