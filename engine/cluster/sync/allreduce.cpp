// All-reduce (Horovod's default): no parameter server. Every step each worker computes its
// gradient, the workers sum them round a ring (comm/ring_allreduce.h) and each applies the same
// mean with its own optimizer, so their models stay the same bits. A barrier every step, as BSP.
#include <memory>

#include "cluster/sync/sync_policy.h"

namespace distlab::engine {
namespace {

class AllReduce final : public SyncPolicy {
 public:
  std::string_view name() const override { return "allreduce"; }
  SyncRule rule(const ClusterSpec&) const override {
    SyncRule r;
    r.staleness = 0;  // every worker waits for the ring's sum before its next step
    return r;
  }
  bool hasServer() const override { return false; }
};

}  // namespace

std::unique_ptr<SyncPolicy> makeAllReducePolicy() { return std::make_unique<AllReduce>(); }

}  // namespace distlab::engine
