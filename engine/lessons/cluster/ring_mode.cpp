// cluster.sync "allreduce": data parallelism without a server. The workers are a ring; each
// step they sum their gradients round it (reduce-scatter, then all-gather) and each applies the
// mean itself. What the lesson measures is what each worker sends: 2(N-1)/N of the model a
// step, where a parameter server's link carries 2N models.
#include "lessons/cluster/ring_mode.h"

#include <cmath>
#include <cstdio>

#include "cluster/partition_records.h"
#include "lessons/cluster/ring_worker.h"
#include "lessons/cluster/topology_study.h"
#include "lessons/lesson_result.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {
namespace {

/// Bytes each worker sent round the ring per step in the run (frame headers included).
double measuredRingBytes(const PipelineRunResult& run, int worker) {
  const auto& s = run.stages.at(static_cast<std::size_t>(worker));
  return run.steps ? static_cast<double>(s.bytesSent) / static_cast<double>(run.steps) : 0.0;
}

class RingMode final : public PartitionMode {
 public:
  std::string_view name() const override { return "ring"; }
  int processes(const Spec& spec) const override { return spec.cluster.workers; }
  ModelSplit split() const override { return ModelSplit::Pipeline; }  // plan() is empty
  std::string processName(int k) const override { return "worker " + std::to_string(k); }
  EndReason lostReason() const override { return EndReason::RingWorkerLost; }

  std::uint64_t steps(const Spec& spec, const Dataset& train) const override {
    return ringSteps(spec, train);
  }
  std::uint64_t examplesPerStep(const Spec& spec) const override {
    return static_cast<std::uint64_t>(spec.training.batchSize) *
           static_cast<std::uint64_t>(spec.cluster.workers);
  }

  bool runProcess(BlockingChannel& coordinator, int rank, const Spec& spec,
                  const std::string& token) const override {
    runRingWorker(coordinator, rank, spec, token);
    return false;
  }

  std::vector<float> assemble(const Spec&, const Model&,
                              std::vector<std::vector<float>>& parts) const override {
    return std::move(parts.at(0));  // every worker holds the same; rank 0 sends them
  }

  // Its own view in the window (app/lesson_views/ring_lesson_view.cpp), not the cluster's.
  std::string resultLesson(const Spec&) const override { return "allreduce"; }

  std::vector<Event> dataRecords(const Spec& spec, const Dataset& train) const override {
    return partitionRecords(spec, train);
  }

  std::vector<ResultTable> results(const ModeRun& run) const override {
    const int workers = run.spec.cluster.workers;
    // A worker's PUSH holds the model's M floats; the ring sums those and one weight. The
    // server's link carries N pushes up and N models down.
    const double model = 4.0 * static_cast<double>(run.whole.parameterCount());
    const double floats = model + 4.0;
    ResultTable bytes{"ring_bytes_per_step",
                      {numbers("workers"), numbers("ps_server_link"), numbers("ps_worker"),
                       numbers("ring_worker"), numbers("ring_worker_measured")}};
    double measured = 0.0;
    for (int k = 0; k < workers; ++k) measured += measuredRingBytes(run.result, k);
    measured /= workers;
    for (int n = 2; n <= std::max(8, workers); ++n) {
      addRow(bytes, {static_cast<double>(n), 2.0 * n * model, model, 2.0 * (n - 1) / n * floats,
                     n == workers ? measured : std::nan("")});
    }
    ResultTable each{"ring_workers",
                     {numbers("worker"), numbers("bytes_per_step"), numbers("busy_share")}};
    for (int k = 0; k < workers; ++k) {
      const auto& s = run.result.stages.at(static_cast<std::size_t>(k));
      addRow(each, {static_cast<double>(k), measuredRingBytes(run.result, k),
                    static_cast<double>(s.busyNs) * 1e-9 / std::max(run.result.seconds, 1e-9)});
    }
    const double perStep = run.result.measuredSteps
                               ? run.result.seconds / static_cast<double>(run.result.measuredSteps)
                               : 0.0;
    ResultTable time{
        "ring_time",
        {numbers("workers"), numbers("seconds_per_step"), numbers("samples_per_second")}};
    addRow(time, {static_cast<double>(workers), perStep, run.result.samplesPerSecond});
    std::vector<ResultTable> tables = {bytes, each, time};
    if (!run.spec.cluster.compareWorkers.empty()) {
      tables.push_back(runTopologyStudy(run.spec, run.token, run.context));
    }
    return tables;
  }

  std::string summary(const Spec& spec, const PipelineRunResult& r) const override {
    double sent = 0.0;
    for (int k = 0; k < spec.cluster.workers; ++k) sent += measuredRingBytes(r, k);
    char line[200];
    std::snprintf(line, sizeof line,
                  "allreduce: %d workers in a ring, %.0f samples/s, %.0f bytes per worker per step",
                  spec.cluster.workers, r.samplesPerSecond, sent / spec.cluster.workers);
    return line;
  }
};

}  // namespace

const PartitionMode& ringAllReduceMode() {
  static const RingMode mode;
  return mode;
}

}  // namespace distlab::engine
