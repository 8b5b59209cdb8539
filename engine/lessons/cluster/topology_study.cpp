#include "lessons/cluster/topology_study.h"

#include <cstdio>
#include <filesystem>

#include "cluster/launcher.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/cluster/ring_mode.h"
#include "lessons/cluster/ring_worker.h"
#include "lessons/lesson_result.h"
#include "modelpar/pipeline_run.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

constexpr int kSteps = 40;
/// Tested every 10 steps; time per step is measured from step 10 on both sides, once the TCP
/// windows have grown.
constexpr int kTestEvery = 10;

/// The spec at `workers` for `kSteps` steps: one epoch of that many batches each, an even split,
/// a small test set (each test costs both sides the same), no straggler.
Spec studyRun(const Spec& spec, int workers, const char* sync) {
  Spec run = spec;
  run.cluster.workers = workers;
  run.cluster.sync = sync;
  run.cluster.partition = "shuffle-split";
  run.cluster.transport = "tcp";  // both sides' floats on the sockets
  run.cluster.slowdown.clear();
  run.cluster.compareWorkers.clear();
  run.cluster.launchWorkers = true;  // the live run's may have been started elsewhere (mpirun)
  run.cluster.evalEvery = kTestEvery;
  run.training.epochs = 1;
  run.training.dropLast = false;
  run.dataset.trainLimit = workers * run.training.batchSize * kSteps;
  run.dataset.testLimit = 500;
  return run;
}

}  // namespace

ResultTable runTopologyStudy(const Spec& spec, const std::string& token, RunContext& context) {
  ResultTable t{"ps_vs_ring",
                {numbers("workers"), numbers("ps_worker_sends"), numbers("ring_worker_sends"),
                 numbers("ps_server_link"), numbers("ps_worker_sends_measured"),
                 numbers("ring_worker_sends_measured"), numbers("ps_server_link_measured"),
                 numbers("ps_seconds_per_step"), numbers("ring_seconds_per_step")}};
  const auto& counts = spec.cluster.compareWorkers;
  const int parts = static_cast<int>(counts.size()) * 2;
  int part = 0;
  for (const int n : counts) {
    const Spec server = studyRun(spec, n, "bsp");
    const Spec ring = studyRun(spec, n, "allreduce");
    const TrainTest data = loadDataset(server.dataset, server.seed);
    const double model =
        4.0 * static_cast<double>(buildModelFor(server, data.train).parameterCount());
    context.events.record(
        LessonStage{steadyNowNs(), spec.experiment, part++, parts, {{"cluster.sync", "bsp"}}, n});
    const std::string folder = context.outDir + "/compare/ps-" + std::to_string(n);
    std::filesystem::create_directories(folder);
    const auto rows =
        runClusterForLesson(server, folder, "BSP with " + std::to_string(n) + " workers", token);
    const double updates = rows.back().version;
    // From the first test to the last (a busy evaluator may skip one, and the last may be
    // written twice); from the start when there was only one.
    const MetricsRow& first = rows.front();
    const double psStep = rows.back().version > first.version
                              ? (rows.back().elapsedSeconds - first.elapsedSeconds) /
                                    (rows.back().version - first.version)
                              : rows.back().elapsedSeconds / updates;
    context.events.record(
        LessonStage{steadyNowNs(), spec.experiment, part++, parts,
                    {{"cluster.sync", "allreduce"}}, n});
    PipelineRunOptions options{
        ringAllReduceMode(), ring, selfExecutablePath(), token, nullptr, data.train.size(),
        &data.test,          0};
    options.steps = ringSteps(ring, data.train);  // fewer on a data set too small for kSteps
    options.warmUpSteps = kTestEvery;
    const PipelineRunResult r = runPipeline(options);
    double ringSent = 0.0;
    for (const auto& s : r.stages) ringSent += static_cast<double>(s.bytesSent);
    ringSent /= static_cast<double>(n) * static_cast<double>(r.steps);
    const double ringStep =
        r.measuredSteps ? r.seconds / static_cast<double>(r.measuredSteps) : 0.0;
    const double floats = model + 4.0;  // the ring also sums one weight
    const double row[] = {static_cast<double>(n),
                          model,
                          2.0 * (n - 1) / n * floats,
                          2.0 * n * model,
                          rows.back().bytesToServer / (n * updates),
                          ringSent,
                          (rows.back().bytesToServer + rows.back().bytesToWorkers) / updates,
                          psStep,
                          ringStep};
    for (std::size_t c = 0; c < std::size(row); ++c) t.columns[c].numbers.push_back(row[c]);
    std::fprintf(stderr,
                 "compare %d workers: a worker sends %.0f bytes a step on a server, %.0f round "
                 "the ring; %.2f ms a step on a server, %.2f ms round the ring\n",
                 n, row[4], row[5], 1e3 * psStep, 1e3 * ringStep);
  }
  return t;
}

}  // namespace distlab::engine
