#pragma once
#include <string>

#include "comm/blocking_channel.h"
#include "core/spec.h"

namespace distlab::engine {

/// One worker of a skeleton run (model_parallel.mode "skeleton"): each round it receives the
/// neurons of its sub-network (MASK) and their parameters (PARAMS), builds that smaller MLP,
/// trains it for cluster.local_steps steps on its own share of the data (a fresh optimizer each
/// round, as the sub-network may change) and sends it back (PUSH of kind Model, with the
/// examples behind it), until the coordinator says goodbye.
void runSkeletonWorker(BlockingChannel& coordinator, int rank, const Spec& spec,
                       const std::string& token);

}  // namespace distlab::engine
