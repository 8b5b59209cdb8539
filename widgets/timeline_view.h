#pragma once
#include <QString>
#include <QWidget>

#include <vector>

#include "widgets/span_store.h"
#include "widgets/time_mapper.h"

namespace distlab::widgets {

/// The cluster's timeline: one lane per worker and one for the server, spans colored by kind
/// (compute, push, pull, wait at the barrier, aggregate, evaluate; a pipeline stage's forward,
/// backward, send, receive and idle), deaths, rejoins and flagged pushes as markers. Follows the live edge until the user zooms (wheel) or pans (drag); a double click
/// shows everything and follows again. Hovering a span tells its kind, duration, step and bytes.
class TimelineView : public QWidget {
  Q_OBJECT

 public:
  /// Died, Rejoined: across the lane. Excluded, Clipped: a worker's push the server's robust
  /// rule left out or scaled down (lesson 8), a small triangle on top of its lane.
  enum class MarkerKind { Died, Rejoined, Excluded, Clipped };
  /// Lanes after the first are a cluster's workers, or a pipeline's stages.
  enum class LaneNaming { Workers, Stages };

  explicit TimelineView(QWidget* parent = nullptr);

  void addSpan(int lane, const TimelineSpan& span);
  void addMarker(int lane, std::int64_t timeNs, MarkerKind kind);
  void clear();
  void setLaneNaming(LaneNaming naming);
  /// Repaints (after a batch of additions), following the live edge when asked to.
  void refresh();
  /// Shows the whole run and follows the live edge again (also a double click).
  void showAll();

  int laneCount() const { return m_store.laneCount(); }
  int markerCount() const { return static_cast<int>(m_markers.size()); }
  const SpanStore& store() const { return m_store; }
  TimeMapper& mapper() { return m_mapper; }
  bool following() const { return m_follow; }
  /// The text hovering at (x, y) would show, empty when nothing is there.
  QString describeAt(QPoint pos) const;
  static QColor kindColor(int kind);
  static QColor flagColor(MarkerKind kind);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

 private:
  struct Marker {
    int lane;
    std::int64_t timeNs;
    MarkerKind kind;
  };
  QRect plotRect() const;
  int laneAt(int y) const;
  QString laneName(int index) const;
  QString kindName(int kind) const;

  SpanStore m_store;
  std::vector<Marker> m_markers;
  TimeMapper m_mapper;
  bool m_follow = true;
  LaneNaming m_naming = LaneNaming::Workers;
  unsigned m_kindsSeen = 0;  ///< bit k: a span of kind k arrived (the legend shows those)
  double m_windowSeconds = 0.0;  ///< how much the live edge shows (0: about 30 steps' worth)
  double m_computeNsSum = 0.0;   ///< of all compute spans, for the length of a step
  std::uint64_t m_computeCount = 0;
  std::vector<std::int64_t> m_lastUpdateNs;  ///< pipeline: each stage's last update
  double m_stepNsSum = 0.0;                  ///< pipeline: time between a stage's updates
  std::uint64_t m_stepCount = 0;
  QPoint m_dragFrom;
};

}  // namespace distlab::widgets
