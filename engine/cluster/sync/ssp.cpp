// Stale synchronous parallel (Ho et al., 2013): pushes are applied on arrival, but a worker may
// be at most cluster.staleness steps ahead of the slowest before it waits.
#include <memory>

#include "cluster/sync/sync_policy.h"

namespace distlab::engine {
namespace {

class Ssp final : public SyncPolicy {
 public:
  std::string_view name() const override { return "ssp"; }
  SyncRule rule(const ClusterSpec& c) const override {
    SyncRule r;
    r.staleness = static_cast<std::uint64_t>(c.staleness);
    r.gathersRounds = false;
    return r;
  }
};

}  // namespace

std::unique_ptr<SyncPolicy> makeSspPolicy() { return std::make_unique<Ssp>(); }

}  // namespace distlab::engine
