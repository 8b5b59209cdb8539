#include "nn/second_order.h"

#include "core/error.h"

namespace distlab::engine {

namespace {

// The R pass at the point of the last forward(): R{output} along (rx, vParams), the loss's
// R{gradient}, then the combined backward; returns the input block of H v (the parameter block
// lands in hvParams).
Matrix secondOrderPass(Model& model, const Matrix& output, const Matrix& dOutput, LossKind loss,
                       const Matrix& rx, std::span<const float> vParams,
                       std::span<float> hvParams) {
  Matrix rdOutput, hvInput;
  lossHessianProduct(loss, output, model.forwardR(rx, vParams), rdOutput);
  model.backwardR(dOutput, rdOutput, vParams, hvParams, &hvInput);
  return hvInput;
}

}  // namespace

HessianVectorProduct hessianVectorProduct(Model& model, const Matrix& x,
                                          const BatchTargets& targets, LossKind loss,
                                          std::span<const float> vParams, const Matrix* vInput) {
  if (vParams.size() != model.parameterCount()) {
    throw Error("Hessian-vector product: the direction has " + std::to_string(vParams.size()) +
                " parameters, the model " + std::to_string(model.parameterCount()));
  }
  const Matrix zero = vInput ? Matrix() : Matrix::Zero(x.rows(), x.cols());
  HessianVectorProduct result;
  Matrix dOutput;
  const Matrix& output = model.forward(x);
  result.loss = computeLoss(loss, output, targets, &dOutput);
  result.params.assign(model.parameterCount(), 0.0f);
  result.input = secondOrderPass(model, output, dOutput, loss, vInput ? *vInput : zero, vParams,
                                 result.params);
  const auto gradient = model.gradients();
  result.gradient.assign(gradient.begin(), gradient.end());
  return result;
}

GradientMatch gradientMatching(Model& model, const Matrix& x, const BatchTargets& targets,
                               LossKind loss, std::span<const float> observed) {
  if (observed.size() != model.parameterCount()) {
    throw Error("gradient matching: the observed gradient has " +
                std::to_string(observed.size()) + " values, the model " +
                std::to_string(model.parameterCount()) + " parameters");
  }
  // One forward serves both the gradient and the R pass along (gradient - observed, 0).
  Matrix dOutput;
  const Matrix& output = model.forward(x);
  computeLoss(loss, output, targets, &dOutput);
  model.backward(dOutput);
  std::vector<float> difference(observed.size());
  GradientMatch result;
  const auto gradient = model.gradients();
  for (std::size_t i = 0; i < difference.size(); ++i) {
    difference[i] = gradient[i] - observed[i];
    result.distance += static_cast<double>(difference[i]) * difference[i];
  }
  std::vector<float> unused(observed.size());
  const Matrix zero = Matrix::Zero(x.rows(), x.cols());
  result.inputGradient =
      2.0f * secondOrderPass(model, output, dOutput, loss, zero, difference, unused);
  return result;
}

}  // namespace distlab::engine
