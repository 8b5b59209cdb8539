#pragma once
#include <string>
#include <vector>

#include "core/spec.h"
#include "lessons/experiment.h"

namespace distlab::engine {

/// One row of a run's metrics.csv: version, epoch, elapsed_s, samples, samples_per_s,
/// train_loss, test_loss, test_accuracy, bytes_to_server, bytes_to_workers.
struct MetricsRow {
  double version = 0, epoch = 0, elapsedSeconds = 0, samples = 0, samplesPerSecond = 0,
         trainLoss = 0, testLoss = 0, testAccuracy = 0, bytesToServer = 0, bytesToWorkers = 0;
};

/// Runs `run` on a real cluster (this process the coordinator, workers spawned) into the
/// prepared folder `folder` with the run token `token` (empty: a fresh one), and returns its
/// evaluations. Lessons use it to run several clusters one after the other; nobody monitors
/// these runs live. Throws Error naming `label` when the run fails or records no evaluation.
std::vector<MetricsRow> runClusterForLesson(const Spec& run, const std::string& folder,
                                            const std::string& label, const std::string& token);

/// Whether a lesson's comparison can run `run` as specified; if not, the reason goes to stderr
/// naming `label`, and the lesson leaves it out rather than run something else.
bool comparisonRunnable(const Spec& run, const std::string& label);

/// A lesson's first, live run: `spec` on a real cluster whose events are the run's own (the
/// window follows it), its end left to the lesson, which goes on (a comparison, an attack) when
/// this returns true. False: it failed or was stopped (that end is recorded) and `code` is what
/// the lesson returns.
bool runLiveClusterFirst(const Spec& spec, RunContext& context, int& code);

}  // namespace distlab::engine
