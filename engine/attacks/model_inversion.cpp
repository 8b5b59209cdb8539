#include "attacks/model_inversion.h"

#include "core/error.h"
#include "nn/dense.h"
#include "nn/second_order.h"

namespace distlab::engine {

int idlgLabelOf(const Model& model, std::span<const float> gradient) {
  const auto& layers = model.layers();
  const auto* last = layers.empty() ? nullptr : dynamic_cast<const Dense*>(layers.back().get());
  if (!last || gradient.size() != model.parameterCount()) {
    throw Error("iDLG: the model must end with a dense layer and the gradient match its size");
  }
  // The last layer's biases are the last values of the flat buffer.
  const auto classes = static_cast<std::size_t>(model.outputShape().size());
  const auto bias = gradient.subspan(gradient.size() - classes);
  std::size_t best = 0;
  for (std::size_t c = 1; c < classes; ++c) {
    if (bias[c] < bias[best]) best = c;
  }
  return static_cast<int>(best);
}

DlgResult invertModelGradient(Model& model, std::span<const float> observed,
                              const std::vector<int>& labels, const DlgOptions& options) {
  const int n = model.inputShape().size(), k = model.outputShape().size();
  const int batch = static_cast<int>(labels.size());
  const BatchTargets targets{labels, nullptr};
  Matrix x;
  return invertWith(
      [&](const MatD& input, const MatD&) {
        x = input.cast<float>();
        const GradientMatch match =
            gradientMatching(model, x, targets, LossKind::CrossEntropy, observed);
        DlgValue value;
        value.distance = match.distance;
        value.dx = match.inputGradient.cast<double>();
        value.dLabelLogits = MatD::Zero(k, batch);
        return value;
      },
      n, k, batch, options, labels);
}

}  // namespace distlab::engine
