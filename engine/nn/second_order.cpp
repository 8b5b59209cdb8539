#include "nn/second_order.h"

#include "core/error.h"

namespace distlab::engine {

HessianVectorProduct hessianVectorProduct(Model& model, const Matrix& x,
                                          const BatchTargets& targets, LossKind loss,
                                          std::span<const float> vParams, const Matrix* vInput) {
  if (vParams.size() != model.parameterCount()) {
    throw Error("Hessian-vector product: the direction has " + std::to_string(vParams.size()) +
                " parameters, the model " + std::to_string(model.parameterCount()));
  }
  const Matrix zero = vInput ? Matrix() : Matrix::Zero(x.rows(), x.cols());
  const Matrix& rx = vInput ? *vInput : zero;
  HessianVectorProduct result;
  Matrix dOutput, rdOutput;
  const Matrix& output = model.forward(x);
  result.loss = computeLoss(loss, output, targets, &dOutput);
  const Matrix& rOutput = model.forwardR(rx, vParams);
  lossHessianProduct(loss, output, rOutput, rdOutput);
  result.params.assign(model.parameterCount(), 0.0f);
  model.backwardR(dOutput, rdOutput, vParams, result.params, &result.input);
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
  Matrix dOutput;
  computeLoss(loss, model.forward(x), targets, &dOutput);
  model.backward(dOutput);
  std::vector<float> difference(observed.size());
  GradientMatch result;
  const auto gradient = model.gradients();
  for (std::size_t i = 0; i < difference.size(); ++i) {
    difference[i] = gradient[i] - observed[i];
    result.distance += static_cast<double>(difference[i]) * difference[i];
  }
  HessianVectorProduct hv = hessianVectorProduct(model, x, targets, loss, difference, nullptr);
  result.inputGradient = 2.0f * hv.input;
  return result;
}

}  // namespace distlab::engine
