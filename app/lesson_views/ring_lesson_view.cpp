// Lesson 4c's view: what each worker sends a step under a parameter server and round a ring,
// by worker count, and the time a step of each (widgets/ring_view.h).
#include <QCoreApplication>

#include <cmath>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "cluster/sync/sync_policy.h"
#include "widgets/ring_view.h"

namespace distlab::app {
namespace {

/// The value at row `i` of a column, NaN past its end.
double at(const std::vector<double>& column, std::size_t i) {
  return i < column.size() ? column[i] : widgets::RingData::kNone;
}

widgets::RingData ringData(const engine::LessonResult& r) {
  widgets::RingData d;
  const auto workers = numbersOf(r, "ring_bytes_per_step", "workers");
  const auto psServer = numbersOf(r, "ring_bytes_per_step", "ps_server_link");
  const auto psWorker = numbersOf(r, "ring_bytes_per_step", "ps_worker");
  const auto ring = numbersOf(r, "ring_bytes_per_step", "ring_worker");
  const auto ringMeasured = numbersOf(r, "ring_bytes_per_step", "ring_worker_measured");
  const auto timeWorkers = numbersOf(r, "ring_time", "workers");
  const auto seconds = numbersOf(r, "ring_time", "seconds_per_step");
  const char* compared = "ps_vs_ring";
  const auto cWorkers = numbersOf(r, compared, "workers");
  const auto cPsWorker = numbersOf(r, compared, "ps_worker_sends_measured");
  const auto cRing = numbersOf(r, compared, "ring_worker_sends_measured");
  const auto cServer = numbersOf(r, compared, "ps_server_link_measured");
  const auto cPsSeconds = numbersOf(r, compared, "ps_seconds_per_step");
  const auto cRingSeconds = numbersOf(r, compared, "ring_seconds_per_step");
  for (std::size_t i = 0; i < workers.size(); ++i) {
    widgets::RingData::Point p;
    p.workers = static_cast<int>(workers[i]);
    p.psServer = at(psServer, i);
    p.psWorker = at(psWorker, i);
    p.ringWorker = at(ring, i);
    p.ringWorkerMeasured = at(ringMeasured, i);  // the lesson's own run, at its worker count
    if (std::isfinite(p.ringWorkerMeasured)) {
      d.runWorkers = p.workers;
      d.runBytesPerStep = p.ringWorkerMeasured;
    }
    for (std::size_t k = 0; k < cWorkers.size(); ++k) {
      if (static_cast<int>(cWorkers[k]) != p.workers) continue;
      p.psWorkerMeasured = at(cPsWorker, k);
      p.ringWorkerMeasured = at(cRing, k);
      p.psServerMeasured = at(cServer, k);
      p.psSeconds = at(cPsSeconds, k);
      p.ringSeconds = at(cRingSeconds, k);
    }
    d.points.push_back(p);
  }
  if (!timeWorkers.empty() && !seconds.empty()) d.runSecondsPerStep = seconds.front();
  return d;
}

class RingLessonView final : public WidgetLessonView<widgets::RingView> {
  Q_DECLARE_TR_FUNCTIONS(RingLessonView)

 public:
  QString lesson() const override { return "allreduce"; }
  QString viewName() const override { return "ring"; }
  QString title() const override { return tr("All-reduce"); }
  QString toolTip() const override {
    return tr(
        "Lesson 4c: bytes each worker sends a step, parameter server against ring, by "
        "worker count");
  }
  // A run without a server is about to start: the last one's figures go.
  void prepare(const QJsonObject& spec) override {
    const auto* rule = engine::syncPolicies().find(
        spec.value("cluster").toObject().value("sync").toString().toStdString());
    if (rule && !rule->hasServer()) clear();
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(ringData(result));
    return tr("Lesson 4c: %1 workers summed their gradients round a ring")
        .arg(m_view->data().runWorkers);
  }
};

}  // namespace

std::unique_ptr<LessonView> makeRingLessonView(const LessonViewContext&) {
  return std::make_unique<RingLessonView>();
}

}  // namespace distlab::app
