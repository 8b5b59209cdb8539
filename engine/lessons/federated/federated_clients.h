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

/// A client's batch size: fl.batch_sizes repeated over the clients, else training.batch_size.
int clientBatchSize(const Spec& spec, int client);

/// The worker process that hosts a client (client c on process c mod workers): its data and its
/// state (SCAFFOLD's control variate) live there and nowhere else.
inline int hostOf(int client, int workers) { return client % workers; }

}  // namespace distlab::engine
