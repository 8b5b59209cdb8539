#pragma once
#include <string_view>

#include "core/strategy_registry.h"
#include "security/adversarial/perturbation.h"

namespace distlab::engine {

/// What a robust training step needs besides the batch (adversarial.*, resolved for a run).
struct RobustTrainingSettings {
  PerturbSettings attack;        ///< the inner PGD's ball and steps (adversarial training)
  double gradientPenalty = 0.1;  ///< input-gradient regularisation's lambda
};

/// How a worker turns a batch into its loss and parameter gradient (adversarial.training): the
/// plain loss, or one of the lecture's defenses against adversarial examples.
class RobustTraining {
 public:
  virtual ~RobustTraining() = default;
  virtual std::string_view name() const = 0;
  /// The plain loss and gradient (the worker keeps its own fast path).
  virtual bool plain() const { return false; }
  /// Writes the batch's parameter gradient to model.gradients(); returns the training loss.
  virtual double lossAndGradient(Model& model, LossKind loss, const Matrix& x,
                                 const BatchTargets& targets, const RobustTrainingSettings& s,
                                 Rng& rng) const = 0;
};

/// none, pgd, input-gradient (robust_trainings.cpp).
const StrategyRegistry<RobustTraining>& robustTrainings();

/// Input-gradient regularisation (Ross & Doshi-Velez 2018; Drucker & LeCun 1992's double
/// backpropagation): the loss L plus lambda times the batch's mean squared norm of each
/// example's input gradient, R = lambda B ||dL/dx||^2 for L the batch mean. Its parameter
/// gradient is dL/dtheta + 2 lambda B (d^2 L / dtheta dx) dL/dx, the mixed block of one
/// Hessian-vector product (nn/second_order.h). Returns L + R; writes the gradient.
double inputGradientPenalty(Model& model, LossKind loss, const Matrix& x,
                            const BatchTargets& targets, double lambda);

}  // namespace distlab::engine
