#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "aggregate/robust/robust_aggregator.h"
#include "comm/messages.h"
#include "core/spec.h"

namespace distlab::engine {

class ModelAggregator;
class PushAggregator;
class RobustAggregator;

/// How a synchronisation policy of the lecture's section 3 behaves, as the parameter server
/// needs it: when a worker may start a step, when pushes are applied, and what a push holds.
/// Made by the policy registered under cluster.sync (cluster/sync/).
struct SyncRule {
  std::string name;                        ///< the policy's name, for messages
  std::optional<std::uint64_t> staleness;  ///< clock bound: 0 = barrier, none = asynchronous
  /// Apply once every live worker has pushed for the round (BSP, local SGD) instead of each push
  /// on arrival (ASP, SSP).
  bool gathersRounds = true;
  PushKind pushKind = PushKind::Gradient;  ///< gradients, or whole models for local SGD
  int localSteps = 1;                      ///< worker optimizer steps between two pushes
  /// How pushes count in a round's mean (cluster.aggregation); never nullptr after syncRuleFor.
  const PushAggregator* pushes = nullptr;
  /// Model pushes: what the server makes of a round's models (cluster.model_aggregation);
  /// nullptr for gradient pushes, which are always averaged.
  const ModelAggregator* models = nullptr;
  /// privacy.secure_aggregation: pushes carry masked fixed-point words (privacy/masked_push.h);
  /// the server only ever sums a whole round of them.
  bool secureAggregation = false;
  /// privacy.homomorphic: pushes carry Paillier ciphertexts (cluster/homomorphic_sum.h); the
  /// server only ever has a whole round's sum decrypted, by the key holder.
  bool homomorphic = false;
  /// The server cannot read a single push: masked or encrypted.
  bool sealsPushes() const { return secureAggregation || homomorphic; }
  /// Secure aggregation: a push's weight in fixed point is its weight over this unit (a full
  /// push's examples, batch x local steps), so a weighted update keeps its own size and the
  /// fixed point's range does not shrink with the batch.
  double maskedWeightUnit = 1.0;
  /// security.aggregator when the server judges each round's pushes (an attack is on, or a rule
  /// other than the plain mean): the rule combines the round and reports a verdict per push.
  /// nullptr: the round's weighted mean, fused with the optimizer step.
  const RobustAggregator* robust = nullptr;
  RobustSettings robustSettings;
  /// privacy.dp central: the std of the Gaussian noise the server adds to a round's sum of
  /// clipped gradients (noise multiplier x clip norm; 0: none), from streams of this seed.
  double centralNoise = 0.0;
  std::uint64_t noiseSeed = 0;
  /// The weight a push of `samples` examples is masked with (and the server adds up).
  double maskedWeight(std::uint32_t samples) const {
    return static_cast<double>(weightOf(samples)) / maskedWeightUnit;
  }
  /// A push's weight in the round's mean (its examples, or 1 for a plain mean).
  std::uint32_t weightOf(std::uint32_t samples) const;
  /// The server keeps each worker's model of a round, not only their mean (E-DNN, EC-DNN).
  bool keepsMembers() const;
  /// Each worker goes on from its own model, which the server sends back to it (E-DNN).
  bool workersKeepOwnModels() const;
  /// A round's models are distilled into the global model (EC-DNN).
  bool compressesMembers() const;
};

/// The rule of the policy named by cluster.sync; throws Error naming the allowed values.
SyncRule syncRuleFor(const ClusterSpec& cluster);
/// The rule of a whole spec: the cluster's, with the privacy section's secure aggregation.
SyncRule syncRuleFor(const Spec& spec);

}  // namespace distlab::engine
