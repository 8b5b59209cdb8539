#pragma once
#include "modelpar/partition_mode.h"

namespace distlab::engine {

/// The federated rounds on the model-parallel coordinator's processes: cluster.workers worker
/// processes host fl.clients clients; each round the coordinator samples clients, sends each
/// process its sampled clients and the global model, and steps the global model by their
/// weighted mean update with fl.server_optimizer.
const PartitionMode& federatedRounds();

}  // namespace distlab::engine
