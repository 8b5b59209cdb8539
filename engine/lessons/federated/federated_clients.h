#pragma once
#include <cstddef>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "data/partition.h"

namespace distlab::engine {

/// Each client's rows of the training set: cluster.partition over fl.clients parts, drawn from
/// the seed (the coordinator and every worker process draw the same).
Partition clientPartition(const Spec& spec, const Dataset& train);

/// The worker process that hosts a client (client c on process c mod workers): its data and its
/// state (SCAFFOLD's control variate) live there and nowhere else.
inline int hostOf(int client, int workers) { return client % workers; }

}  // namespace distlab::engine
