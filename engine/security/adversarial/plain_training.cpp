// Training on the batch as it is.
#include "security/adversarial/robust_training.h"

namespace distlab::engine {
namespace {

class PlainTraining final : public RobustTraining {
 public:
  std::string_view name() const override { return "none"; }
  bool plain() const override { return true; }
  double lossAndGradient(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
                         const RobustTrainingSettings&, Rng&) const override {
    Matrix dOutput;
    const double value = computeLoss(loss, model.forward(x), targets, &dOutput);
    model.backward(dOutput);
    return value;
  }
};

}  // namespace

std::unique_ptr<RobustTraining> makePlainTraining() { return std::make_unique<PlainTraining>(); }

}  // namespace distlab::engine
