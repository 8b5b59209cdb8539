#pragma once
#include <string>
#include <vector>

#include "core/spec.h"

namespace distlab::engine {

/// One row of a run's metrics.csv: version, epoch, elapsed_s, samples, samples_per_s,
/// train_loss, test_loss, test_accuracy, bytes_to_server, bytes_to_workers.
using MetricsRow = std::vector<std::string>;
enum MetricsColumn { kVersion = 0, kEpoch = 1, kElapsed = 2, kTestLoss = 6, kTestAccuracy = 7,
                     kBytesToServer = 8, kBytesToWorkers = 9 };

/// Runs `run` on a real cluster (this process the coordinator, workers spawned) into the
/// prepared folder `folder`, with the run token of the environment when there is one, and
/// returns its evaluations. Lessons use it to run several clusters one after the other.
/// Throws Error naming `label` when the run fails or records no evaluation.
std::vector<MetricsRow> runClusterForLesson(const Spec& run, const std::string& folder,
                                            const std::string& label);

}  // namespace distlab::engine
