#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "comm/blocking_channel.h"
#include "core/spec.h"
#include "data/dataset.h"

namespace distlab::engine {

/// The steps every worker of an all-reduce run takes: the fewest any worker's share of the data
/// gives (they all sum their gradients at every step, so none may stop before the others).
std::uint64_t ringSteps(const Spec& spec, const Dataset& train);

/// The ranks a worker of the ring talks to: the previous and the next (one rank for a ring of
/// two, none alone).
std::vector<int> ringNeighbours(int rank, int workers);

/// One worker of cluster.sync allreduce (`distlab-engine stage` under the cluster experiment):
/// its batches are those a BSP worker of the same rank would take (cluster/worker_schedule.h);
/// at each step it computes its gradient, the ring sums every worker's weighted gradient and
/// their weights (comm/ring_allreduce.h) and it applies the mean with its own optimizer. Every
/// worker then holds the same parameters; rank 0 sends them to the coordinator at every
/// evaluation point (cluster.eval_every) and at the end. Throws Error when a neighbour is lost.
void runRingWorker(BlockingChannel& coordinator, int rank, const Spec& spec,
                   const std::string& token);

}  // namespace distlab::engine
