#pragma once
#include <string_view>

#include "cluster/sync_rule.h"
#include "core/spec.h"
#include "core/strategy_registry.h"

namespace distlab::engine {

/// A synchronisation policy of the lecture's section 3 (cluster.sync): it tells the parameter
/// server when a worker may start a step, when pushes are applied and what a push holds.
class SyncPolicy {
 public:
  virtual ~SyncPolicy() = default;
  virtual std::string_view name() const = 0;
  /// The rule for the spec's cluster section.
  virtual SyncRule rule(const ClusterSpec& cluster) const = 0;
  /// False for a rule without a parameter server (allreduce: the workers sum their gradients
  /// among themselves, lessons/cluster/ring_mode.h); such a run has no server to push to.
  virtual bool hasServer() const { return true; }
};

/// bsp, asp, ssp, local-sgd, allreduce (sync_policies.cpp).
const StrategyRegistry<SyncPolicy>& syncPolicies();

}  // namespace distlab::engine
