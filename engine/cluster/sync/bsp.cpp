// Bulk synchronous parallel: a barrier every step; the round's gradients are averaged once every
// live worker has pushed.
#include <memory>

#include "cluster/sync/sync_policy.h"

namespace distlab::engine {
namespace {

class Bsp final : public SyncPolicy {
 public:
  std::string_view name() const override { return "bsp"; }
  SyncRule rule(const ClusterSpec&) const override {
    SyncRule r;
    r.staleness = 0;
    return r;
  }
};

}  // namespace

std::unique_ptr<SyncPolicy> makeBspPolicy() { return std::make_unique<Bsp>(); }

}  // namespace distlab::engine
