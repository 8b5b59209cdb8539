#pragma once
#include "cluster/worker.h"

namespace distlab::engine {

/// `distlab-engine stage`: one process of a model-parallel run (lesson 3), started by its
/// coordinator (the model_parallel experiment). It joins like a worker, learns the spec and
/// runs its part of the spec's partition mode (a pipeline stage, a tensor shard, a skeleton
/// worker) until the coordinator says goodbye. Returns the exit code: 0, or kStageLostNeighbour
/// when it stopped because a peer did; throws Error when it cannot join.
int runStage(const WorkerOptions& options);

}  // namespace distlab::engine
