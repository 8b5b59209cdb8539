#include "cluster/sync_rule.h"

#include "core/error.h"

namespace distlab::engine {

SyncRule syncRuleFor(const ClusterSpec& c) {
  SyncRule rule;
  rule.name = c.sync;
  rule.weightBySamples = c.aggregation != "mean";
  if (c.sync == "bsp") {
    rule.staleness = 0;
  } else if (c.sync == "asp") {
    rule.staleness = std::nullopt;
    rule.gathersRounds = false;
  } else if (c.sync == "ssp") {
    rule.staleness = static_cast<std::uint64_t>(c.staleness);
    rule.gathersRounds = false;
  } else if (c.sync == "local-sgd") {
    // Model averaging every tau local steps: a barrier per round, models instead of gradients.
    rule.staleness = 0;
    rule.pushKind = PushKind::Model;
    rule.localSteps = c.localSteps;
    rule.modelAggregation = c.modelAggregation;
  } else {
    throw Error("cluster.sync: \"" + c.sync + "\" is unknown; allowed: bsp, asp, ssp, local-sgd");
  }
  return rule;
}

SyncRule syncRuleFor(const Spec& spec) {
  SyncRule rule = syncRuleFor(spec.cluster);
  rule.secureAggregation = spec.privacy.secureAggregation;
  if (rule.weightBySamples) {
    rule.maskedWeightUnit = static_cast<double>(spec.training.batchSize) * rule.localSteps;
  }
  return rule;
}

}  // namespace distlab::engine
