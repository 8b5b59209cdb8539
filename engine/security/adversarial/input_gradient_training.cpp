// Input-gradient regularisation: a model whose loss barely moves when its input moves has no
// small step that flips its answer (robust_training.h has the formula).
#include <algorithm>

#include "nn/second_order.h"
#include "security/adversarial/robust_training.h"

namespace distlab::engine {

double inputGradientPenalty(Model& model, LossKind loss, const Matrix& x,
                            const BatchTargets& targets, double lambda) {
  Matrix inputGradient;
  lossInputGradient(model, loss, x, targets, inputGradient);
  const std::vector<float> none(model.parameterCount(), 0.0f);
  const auto hvp = hessianVectorProduct(model, x, targets, loss, none, &inputGradient);
  const auto batch = static_cast<double>(x.cols());
  const auto factor = static_cast<float>(2.0 * lambda * batch);
  auto gradient = model.gradients();
  for (std::size_t k = 0; k < gradient.size(); ++k) {
    gradient[k] = hvp.gradient[k] + factor * hvp.params[k];
  }
  return hvp.loss + lambda * batch * static_cast<double>(inputGradient.squaredNorm());
}

namespace {

class InputGradientTraining final : public RobustTraining {
 public:
  std::string_view name() const override { return "input-gradient"; }
  double lossAndGradient(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
                         const RobustTrainingSettings& s, Rng&) const override {
    return inputGradientPenalty(model, loss, x, targets, s.gradientPenalty);
  }
};

}  // namespace

std::unique_ptr<RobustTraining> makeInputGradientTraining() {
  return std::make_unique<InputGradientTraining>();
}

}  // namespace distlab::engine
