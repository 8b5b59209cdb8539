#pragma once
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "telemetry/events.h"
#include "widgets/topology_view.h"

namespace distlab::widgets {
class DataView;
class StalenessView;
class TimelineView;
class TrafficView;
class TrainingChart;
}  // namespace distlab::widgets

namespace distlab::app {

/// The views of a cluster run and what feeds them: the training chart, the timeline, the data
/// split, staleness, traffic and the cluster diagram, each updated from the typed records of a
/// batch and repainted once per batch.
class ClusterViews : public QObject {
  Q_OBJECT

 public:
  explicit ClusterViews(QObject* parent = nullptr);

  /// A new run of this spec: the views empty (the chart keeps earlier runs, dashed), sized for
  /// its workers, its staleness bound and its data set's classes.
  void startRun(const QJsonObject& spec);
  void onEvents(const std::vector<engine::Event>& batch);
  /// The run's start on the coordinator's clock (0 before its RunStarted).
  std::int64_t runStartNs() const { return m_runStartNs; }

  widgets::TrainingChart* chart() const { return m_chart; }
  widgets::TimelineView* timeline() const { return m_timeline; }
  widgets::DataView* data() const { return m_data; }
  widgets::StalenessView* staleness() const { return m_staleness; }
  widgets::TrafficView* traffic() const { return m_traffic; }
  widgets::TopologyView* topology() const { return m_topology; }

 signals:
  /// Right-click on a worker in the cluster diagram: kill, slow down (3x), restore, restart or
  /// capture its next push.
  void controlRequested(distlab::engine::ControlCommand command, int worker, double value);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void onEvent(const engine::Event& event);
  double secondsSinceStart(std::int64_t timeNs) const;

  widgets::TrainingChart* m_chart;
  widgets::TimelineView* m_timeline;
  widgets::DataView* m_data;
  widgets::StalenessView* m_staleness;
  widgets::TrafficView* m_traffic;
  widgets::TopologyView* m_topology;
  std::map<int, double> m_stepsPerEpoch;  ///< per worker, from its partition
  int m_batchSize = 64;
  bool m_lanesAreWorkers = true;  ///< false in a federated run: its lanes are processes
  std::int64_t m_runStartNs = 0;
  /// The views redrawn after each batch, and how; those hidden at the time, redrawn when shown.
  std::vector<std::pair<QWidget*, std::function<void()>>> m_redraws;
  std::set<QWidget*> m_stale;
};

}  // namespace distlab::app
