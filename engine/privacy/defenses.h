#pragma once
#include <span>
#include <string>

#include "core/rng.h"
#include "privacy/attack_mlp.h"

namespace distlab::engine {

// What a worker can do to the gradient it shares so that gradient inversion fails, each at a
// strength, with its price in accuracy measured by the privacy-utility sweep.
//   noise: Gaussian noise of std `strength` on every entry;
//   topk: keep the largest |entries| of each layer, prune the fraction `strength` (0.9 = 90%);
//   fp16: round every entry to half precision; int8: 8-bit linear quantization per layer
//   (strength unused).

/// The allowed defense names, for messages.
inline constexpr const char* kDefenseNames = "none, noise, topk, fp16, int8, dp, local-steps";

/// DP-SGD (Abadi et al., 2016): each example's gradient clipped to L2 norm clipNorm, summed,
/// Gaussian noise of std noiseMultiplier x clipNorm added, divided by the batch size.
MlpGradient dpGradient(const AttackMlp& model, const MatD& x, const MatD& y, double clipNorm,
                       double noiseMultiplier, Rng& rng);

/// Several local steps before sending (FedAvg's client): `steps` SGD steps of rate lr on the
/// batch, then the update shared as the mean gradient it amounts to, (w_0 - w_steps) / (steps lr).
/// One step is the plain gradient.
MlpGradient localStepsUpdate(const AttackMlp& model, const MatD& x, const MatD& y, int steps,
                             double lr);

/// The gradient a defended worker shares: "dp" with strength = the noise multiplier,
/// "local-steps" with strength = the number of steps (at rate lr), every other defense applied
/// to the plain batch gradient.
MlpGradient defendedGradient(const AttackMlp& model, const MatD& x, const MatD& y,
                             const std::string& defense, double strength, double clipNorm,
                             Rng& rng, double lr = 0.1);

/// Applies a defense to a gradient in place; throws Error naming the allowed values ("dp"
/// needs the examples: see defendedGradient).
void applyDefense(MlpGradient& gradient, const std::string& defense, double strength, Rng& rng);

/// The same defenses on a worker's flat float gradient before its PUSH (noise, topk over the
/// whole buffer, fp16, int8; dp and local-steps need the examples and are refused).
void applyDefenseToBuffer(std::span<float> values, const std::string& defense, double strength,
                          Rng& rng);

/// Rounds to the nearest IEEE half-precision value (round to nearest even, with overflow to
/// infinity and subnormals), returned as a double.
double roundToHalf(double value);

}  // namespace distlab::engine
