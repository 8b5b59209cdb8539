#pragma once

namespace distlab::engine {

class PartitionMode;

/// The processes of a cluster run without a parameter server (cluster.sync allreduce): one
/// worker each (lessons/cluster/ring_worker.h), linked in a ring, started and watched by the
/// process-group coordinator (modelpar/pipeline_run.h), which only routes, records and tests.
const PartitionMode& ringAllReduceMode();

}  // namespace distlab::engine
