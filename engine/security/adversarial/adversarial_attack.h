#pragma once
#include <string_view>

#include "core/strategy_registry.h"
#include "security/adversarial/perturbation.h"

namespace distlab::engine {

/// An evasion attack on a trained model (adversarial.attack, lesson 8b): it moves each test
/// input within the ball of PerturbSettings so that the model's loss on it grows.
class AdversarialAttack {
 public:
  virtual ~AdversarialAttack() = default;
  virtual std::string_view name() const = 0;
  /// Writes the adversarial inputs for the batch x (one example a column) to xAdv.
  virtual void perturb(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
                       const PerturbSettings& settings, Rng& rng, Matrix& xAdv) const = 0;
};

/// fgsm, pgd (adversarial_attacks.cpp).
const StrategyRegistry<AdversarialAttack>& adversarialAttacks();

}  // namespace distlab::engine
