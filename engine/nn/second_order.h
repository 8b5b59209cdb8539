#pragma once
#include <span>
#include <vector>

#include "nn/loss.h"
#include "nn/model.h"

namespace distlab::engine {

// Exact second derivatives of a model's batch loss by forward-over-reverse differentiation
// (Pearlmutter 1994): one forward, one R-forward and one combined backward cost about three
// gradients, and no Hessian is ever formed. Every layer of engine/nn takes part (dense,
// convolution, max/average pooling, sigmoid, tanh, softplus, ReLU, flatten) and both losses.
// ReLU's second derivative is zero almost everywhere: the gradient of a ReLU network is
// piecewise linear in its input, so gradient matching gives an optimiser little curvature to
// follow; this is why the gradient-inversion lessons attack sigmoid networks.

/// H v, where H is the Hessian of the mean batch loss over (parameters, input) at the model's
/// parameters and input x, and v = (vParams, vInput); a null vInput is the zero direction.
struct HessianVectorProduct {
  double loss = 0.0;
  std::vector<float> gradient;  ///< dL/dparams
  std::vector<float> params;    ///< the parameter block of H v
  Matrix input;                 ///< the input block of H v
};
HessianVectorProduct hessianVectorProduct(Model& model, const Matrix& x,
                                          const BatchTargets& targets, LossKind loss,
                                          std::span<const float> vParams, const Matrix* vInput);

/// The gradient-matching objective of a gradient-inversion attack with known labels,
/// D(x) = ||dL/dparams(x) - observed||^2, and its gradient with respect to the input,
/// 2 (d gradient / dx)^T (gradient - observed): the input block of H v for v = (gradient -
/// observed, 0), i.e. the gradient of a function of the parameter gradient.
struct GradientMatch {
  double distance = 0.0;
  Matrix inputGradient;
};
GradientMatch gradientMatching(Model& model, const Matrix& x, const BatchTargets& targets,
                               LossKind loss, std::span<const float> observed);

}  // namespace distlab::engine
