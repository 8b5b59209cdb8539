#include "cluster/sync_rule.h"

#include "aggregate/models/model_aggregator.h"
#include "aggregate/pushes/push_aggregator.h"
#include "cluster/sync/sync_policy.h"
#include "security/poison_attack.h"

namespace distlab::engine {

bool SyncRule::keepsMembers() const { return models && models->keepsMembers(); }
bool SyncRule::workersKeepOwnModels() const { return models && models->workersKeepOwnModels(); }
bool SyncRule::compressesMembers() const { return models && models->compressesMembers(); }
std::uint32_t SyncRule::weightOf(std::uint32_t samples) const {
  return pushes ? pushes->weight(samples) : samples;
}

SyncRule syncRuleFor(const ClusterSpec& c) {
  const SyncPolicy& policy = syncPolicies().at(c.sync);
  SyncRule rule = policy.rule(c);
  rule.name = std::string(policy.name());
  rule.pushes = &pushAggregators().at(c.aggregation);
  return rule;
}

SyncRule syncRuleFor(const Spec& spec) {
  SyncRule rule = syncRuleFor(spec.cluster);
  rule.secureAggregation = spec.privacy.secureAggregation;
  rule.homomorphic = spec.privacy.homomorphic;
  if (spec.privacy.dp == "central") {
    rule.centralNoise = spec.privacy.noiseMultiplier * spec.privacy.dpClip;
    rule.noiseSeed = spec.seed;
  }
  // A full push's weight is the unit, so a masked weight stays near 1 whatever the batch.
  rule.maskedWeightUnit = rule.weightOf(
      static_cast<std::uint32_t>(spec.training.batchSize) * static_cast<std::uint32_t>(rule.localSteps));
  const auto& sec = spec.security;
  const RobustAggregator& robust = robustAggregators().at(sec.aggregator);
  const bool judged = !poisonAttacks().at(sec.attack).harmless() || !robust.trustsEveryPush();
  // The server can judge only what it sees whole: rounds of plain pushes.
  if (judged && rule.gathersRounds && !rule.sealsPushes() && !rule.keepsMembers()) {
    rule.robust = &robust;
    rule.robustSettings = {sec.f(), sec.trimFraction, sec.krumSelect, sec.clipNorm};
  }
  return rule;
}

}  // namespace distlab::engine
