#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "comm/messages.h"
#include "core/spec.h"

namespace distlab::engine {

/// How a synchronisation policy of the lecture's section 3 behaves, as the parameter server
/// needs it: when a worker may start a step, when pushes are applied, and what a push holds.
struct SyncRule {
  std::string name;                        ///< bsp | asp | ssp | local-sgd
  std::optional<std::uint64_t> staleness;  ///< clock bound: 0 = barrier, none = asynchronous
  /// Apply once every live worker has pushed for the round (BSP, local SGD) instead of each push
  /// on arrival (ASP, SSP).
  bool gathersRounds = true;
  PushKind pushKind = PushKind::Gradient;  ///< gradients, or whole models for local SGD
  int localSteps = 1;                      ///< worker optimizer steps between two pushes
  bool weightBySamples = true;             ///< weighted-mean, or a plain mean of the pushes
  /// local SGD: average | ensemble | ensemble-compression (ClusterSpec::modelAggregation)
  std::string modelAggregation = "average";
  /// privacy.secure_aggregation: pushes carry masked fixed-point words (privacy/masked_push.h);
  /// the server only ever sums a whole round of them.
  bool secureAggregation = false;
  /// Secure aggregation: a push's weight in fixed point is its weight over this unit (a full
  /// push's examples, batch x local steps), so a weighted update keeps its own size and the
  /// fixed point's range does not shrink with the batch.
  double maskedWeightUnit = 1.0;
  /// The weight a push of `samples` examples is masked with (and the server adds up).
  double maskedWeight(std::uint32_t samples) const {
    return (weightBySamples ? static_cast<double>(samples) : 1.0) / maskedWeightUnit;
  }
};

SyncRule syncRuleFor(const ClusterSpec& cluster);
/// The rule of a whole spec: the cluster's, with the privacy section's secure aggregation.
SyncRule syncRuleFor(const Spec& spec);

}  // namespace distlab::engine
