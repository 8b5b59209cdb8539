#include "lessons/federated/federated_clients.h"

#include "cluster/worker_schedule.h"

namespace distlab::engine {

Partition clientPartition(const Spec& spec, const Dataset& train) {
  Spec perClient = spec;
  perClient.cluster.workers = spec.fl.clients;  // the partitioners split into "workers" parts
  return partitionForEpoch(perClient, train, 0);
}

}  // namespace distlab::engine
