// Asynchronous parallel: no waiting; every push is applied the moment it arrives, however stale.
#include <memory>

#include "cluster/sync/sync_policy.h"

namespace distlab::engine {
namespace {

class Asp final : public SyncPolicy {
 public:
  std::string_view name() const override { return "asp"; }
  SyncRule rule(const ClusterSpec&) const override {
    SyncRule r;
    r.staleness = std::nullopt;
    r.gathersRounds = false;
    return r;
  }
};

}  // namespace

std::unique_ptr<SyncPolicy> makeAspPolicy() { return std::make_unique<Asp>(); }

}  // namespace distlab::engine
