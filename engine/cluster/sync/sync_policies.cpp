#include "cluster/sync/sync_policy.h"
#include "core/strategy_names.h"

namespace distlab::engine {

std::unique_ptr<SyncPolicy> makeBspPolicy();
std::unique_ptr<SyncPolicy> makeAspPolicy();
std::unique_ptr<SyncPolicy> makeSspPolicy();
std::unique_ptr<SyncPolicy> makeLocalSgdPolicy();
std::unique_ptr<SyncPolicy> makeAllReducePolicy();

const StrategyRegistry<SyncPolicy>& syncPolicies() {
  static const auto registry = makeRegistry<SyncPolicy>(
      "cluster.sync", {makeBspPolicy, makeAspPolicy, makeSspPolicy, makeLocalSgdPolicy,
                       makeAllReducePolicy});
  return registry;
}

std::vector<std::string> syncRuleNames() { return syncPolicies().names(); }

}  // namespace distlab::engine
