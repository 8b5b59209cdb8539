#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "core/spec.h"
#include "core/strategy_registry.h"
#include "data/dataset.h"
#include "nn/tensor.h"

namespace distlab::engine {

class Rng;

/// What a malicious worker knows and is told (security.*), resolved for its run.
struct PoisonSettings {
  int workers = 1;            ///< n: pushes a round
  int attackers = 0;          ///< f: malicious workers, colluding
  double strength = 0.0;      ///< the attack's own knob (its default when the spec gives 0)
  int classes = 0;            ///< of the data set (label flipping, the backdoor's target)
  int target = 0;             ///< backdoor: the class triggered examples are relabelled to
  double poisonShare = 0.5;   ///< backdoor: share of a batch stamped with the trigger
  Shape shape;                ///< per-example shape (the trigger's place)
  float triggerValue = 1.0f;  ///< backdoor: the trigger's pixel value (the data's maximum)
};

/// The honest update's statistics a malicious worker estimates from several mini-batch
/// gradients of its own data (ALIE, IPM): as the papers assume of colluders, without seeing
/// any honest worker's push.
struct HonestEstimate {
  std::vector<float> mean, deviation;  ///< per coordinate
};

/// A poisoning attack run by a malicious worker (security.attack): it changes the data it
/// trains on, the update it pushes, or both. The worker then pushes through the same protocol as
/// everyone. Updates are gradients (BSP) or model deltas (local SGD).
class PoisonAttack {
 public:
  virtual ~PoisonAttack() = default;
  virtual std::string_view name() const = 0;
  /// An honest worker's "attack" (none).
  virtual bool harmless() const { return false; }
  /// It changes class labels (and so needs a classification data set).
  virtual bool needsLabels() const { return false; }
  /// It teaches the model a trigger (evaluations then measure the backdoor's success).
  virtual bool plantsBackdoor() const { return false; }
  /// security.attack_strength when the spec leaves it 0 (documented per attack).
  virtual double defaultStrength() const { return 0.0; }
  /// Mini-batch gradients the worker computes to estimate the honest update (0: none needed).
  virtual int honestBatches() const { return 0; }
  /// Data poisoning: changes a batch (x: one example per column) before the worker trains.
  virtual void poisonBatch(Matrix& /*x*/, std::vector<int>& /*labels*/,
                           const PoisonSettings& /*settings*/, Rng& /*rng*/) const {}
  /// Model poisoning: changes the update about to be pushed.
  virtual void poisonUpdate(std::span<float> /*update*/, const HonestEstimate& /*honest*/,
                            const PoisonSettings& /*settings*/, Rng& /*rng*/) const {}
};

/// none, label-flip, backdoor, model-replacement, sign-flip, scale, gaussian, alie, ipm
/// (poison_attacks.cpp).
const StrategyRegistry<PoisonAttack>& poisonAttacks();

/// Worker rank (or, in a federated run, client id) `who` is one of security.attackers and the
/// attack is not harmless (poison_settings.cpp).
bool isAttacker(const Spec& spec, int who);
/// The attack's settings for a run of `parties` pushes a round (workers, or clients).
PoisonSettings poisonSettings(const Spec& spec, const Dataset& train, int parties);

}  // namespace distlab::engine
