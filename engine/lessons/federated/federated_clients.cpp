#include "lessons/federated/federated_clients.h"

#include "cluster/worker_schedule.h"
#include "data/partitioners/partitioner.h"

namespace distlab::engine {

Partition clientPartition(const Spec& spec, const Dataset& train) {
  requireRowsForEveryPart(spec, train.size(), spec.fl.clients, "fl.clients");
  Spec perClient = spec;
  perClient.cluster.workers = spec.fl.clients;  // the partitioners split into "workers" parts
  return partitionForEpoch(perClient, train, 0);
}

int clientBatchSize(const Spec& spec, int client) {
  const auto& sizes = spec.fl.batchSizes;
  return sizes.empty() ? spec.training.batchSize
                       : sizes[static_cast<std::size_t>(client) % sizes.size()];
}

}  // namespace distlab::engine
