#pragma once
#include <span>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "core/rng.h"

namespace distlab::engine {

// Gradient inversion needs the gradient of a function of the parameter gradient with respect to
// the input. For the fully connected networks of the privacy lesson that is done here in double
// precision by differentiating the backward pass itself (reverse over reverse), which the tests
// check against central finite differences. ReLU's second derivative is zero almost everywhere,
// so through a ReLU network the input barely moves the gradient's curvature: the attacks use
// sigmoid (or tanh, softplus) networks, as Zhu et al. (DLG, 2019) do.

using MatD = Eigen::MatrixXd;
using VecD = Eigen::VectorXd;

/// s(z), s'(z) and s''(z) of an activation, elementwise.
struct ActivationDerivatives {
  MatD value, first, second;
};
/// For sigmoid, tanh, softplus, relu, or identity (after a pooling layer); throws Error naming
/// the allowed ones.
ActivationDerivatives activationDerivatives(const std::string& name, const MatD& z);

/// A fully connected classifier z_L = W_L s(... s(W_1 x + b_1) ...) + b_L with a smooth
/// activation s and cross-entropy against a (soft) label.
struct AttackMlp {
  std::string activation = "sigmoid";  ///< sigmoid | tanh | softplus | relu
  std::vector<MatD> weights;           ///< W_l: outputs x inputs
  std::vector<VecD> biases;

  /// Layer sizes {inputs, hidden..., classes}, every parameter drawn from U(-range, range)
  /// (torch_dlg.py's U(-0.5, 0.5)).
  static AttackMlp random(const std::vector<int>& sizes, const std::string& activation,
                          double range, Rng& rng);
  /// The same from U(low, high).
  static AttackMlp random(const std::vector<int>& sizes, const std::string& activation,
                          double low, double high, Rng& rng);
  int inputs() const { return static_cast<int>(weights.front().cols()); }
  int classes() const { return static_cast<int>(weights.back().rows()); }
  std::size_t parameterCount() const;
};

/// The parameter gradient of a batch, layer by layer (what a worker's PUSH carries).
struct MlpGradient {
  std::vector<MatD> weights;
  std::vector<VecD> biases;
  double squaredDistance(const MlpGradient& other) const;
};

/// Softmax of each column.
MatD softmaxColumnsD(const MatD& logits);

/// An MLP from the engine's flat float parameter buffer (per dense layer: the weights
/// column-major, outputs x inputs, then the biases), e.g. a cluster run's parameters.
AttackMlp mlpFromFlat(const std::vector<int>& sizes, const std::string& activation,
                      std::span<const float> flat);
/// A gradient in the same layout (a worker's PUSH) as an MlpGradient of the model's shape.
MlpGradient mlpGradientFromFlat(const AttackMlp& model, std::span<const float> flat);

/// The logits of a batch (one example per column).
MatD mlpLogits(const AttackMlp& model, const MatD& x);

/// The gradient of the mean cross-entropy of the batch x (one example per column) against the
/// label distributions y (one per column).
MlpGradient mlpGradient(const AttackMlp& model, const MatD& x, const MatD& y);

/// The DLG objective D(x, yLogits) = ||grad(x, softmax(yLogits)) - target||^2 and its
/// gradients with respect to x and the dummy label logits.
/// How a dummy gradient is compared with the observed one: the squared L2 distance (DLG) or
/// 1 - cosine similarity (Geiping et al., 2020), which ignores the gradient's scale.
enum class MatchDistance { L2, Cosine };
MatchDistance matchDistanceFromName(const std::string& name);

/// The distance between `dummy` and `target`, and in *seed its derivative with respect to
/// `dummy` (what the double backward pass propagates).
double matchDistance(MatchDistance kind, const MlpGradient& dummy, const MlpGradient& target,
                     MlpGradient* seed);

struct DlgValue {
  double distance = 0.0;
  MatD dx, dLabelLogits;
};
DlgValue dlgObjective(const AttackMlp& model, const MatD& x, const MatD& labelLogits,
                      const MlpGradient& target, MatchDistance kind = MatchDistance::L2);

}  // namespace distlab::engine
