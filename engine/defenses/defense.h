#pragma once
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attacks/attack_mlp.h"
#include "core/rng.h"
#include "core/strategy_registry.h"

namespace distlab::engine {

// What a worker can do to the gradient it shares so that gradient inversion fails, each at a
// strength, with its price in accuracy measured by the privacy-utility sweep (privacy.defense).

/// A defense's settings from the spec's privacy section.
struct DefenseSettings {
  double strength = 0.0;
  double clipNorm = 1.0;  ///< dp
  double lr = 0.1;        ///< local-steps: the steps' rate
};

class Defense {
 public:
  virtual ~Defense() = default;
  virtual std::string_view name() const = 0;
  /// False for "none": the gradient is shared as computed.
  virtual bool changesGradient() const { return true; }
  /// Needs each example of the batch (dp, local-steps), so it cannot defend a finished gradient
  /// such as a cluster worker's push.
  virtual bool needsExamples() const { return false; }
  /// Strengths at or above this make no sense (topk would prune everything at 1).
  virtual double strengthLimit() const { return INFINITY; }
  /// Defends a finished gradient, tensor by tensor, in place. The default does nothing.
  virtual void defend(std::span<const std::span<double>> tensors, double strength, Rng& rng) const;
  /// The gradient a defended victim shares for its batch (one example a column) on the attack
  /// MLP; the default defends the plain batch gradient.
  virtual MlpGradient defendBatch(const AttackMlp& model, const MatD& x, const MatD& y,
                                  const DefenseSettings& settings, Rng& rng) const;
};

/// none, noise, topk, fp16, int8, dp, local-steps (defenses.cpp).
const StrategyRegistry<Defense>& defenses();

/// A gradient's tensors: every weight matrix, then every bias.
std::vector<std::span<double>> tensorsOf(MlpGradient& gradient);

/// Applies the named defense to a finished gradient in place; throws Error naming the allowed
/// values, or saying that dp and local-steps need the examples (see defendedGradient).
void applyDefense(MlpGradient& gradient, const std::string& defense, double strength, Rng& rng);

/// The same on a worker's flat float gradient before its PUSH, as one tensor.
void applyDefenseToBuffer(std::span<float> values, const std::string& defense, double strength,
                          Rng& rng);

/// The gradient a defended worker shares: dp with strength = the noise multiplier, local-steps
/// with strength = the number of steps (at rate lr), every other defense applied to the plain
/// batch gradient.
MlpGradient defendedGradient(const AttackMlp& model, const MatD& x, const MatD& y,
                             const std::string& defense, double strength, double clipNorm,
                             Rng& rng, double lr = 0.1);

/// DP-SGD (Abadi et al., 2016): each example's gradient clipped to L2 norm clipNorm, summed,
/// Gaussian noise of std noiseMultiplier x clipNorm added, divided by the batch size.
MlpGradient dpGradient(const AttackMlp& model, const MatD& x, const MatD& y, double clipNorm,
                       double noiseMultiplier, Rng& rng);

/// Several local steps before sending (FedAvg's client): `steps` SGD steps of rate lr on the
/// batch, then the update shared as the mean gradient it amounts to, (w_0 - w_steps) / (steps lr).
/// One step is the plain gradient.
MlpGradient localStepsUpdate(const AttackMlp& model, const MatD& x, const MatD& y, int steps,
                             double lr);

/// Rounds to the nearest IEEE half-precision value (round to nearest even, with overflow to
/// infinity and subnormals), returned as a double.
double roundToHalf(double value);

}  // namespace distlab::engine
