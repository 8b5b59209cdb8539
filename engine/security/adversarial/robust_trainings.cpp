#include "core/strategy_names.h"
#include "security/adversarial/robust_training.h"

namespace distlab::engine {

std::unique_ptr<RobustTraining> makePlainTraining();
std::unique_ptr<RobustTraining> makePgdTraining();
std::unique_ptr<RobustTraining> makeInputGradientTraining();

const StrategyRegistry<RobustTraining>& robustTrainings() {
  static const auto registry = makeRegistry<RobustTraining>(
      "adversarial.training", {makePlainTraining, makePgdTraining, makeInputGradientTraining});
  return registry;
}

std::vector<std::string> robustTrainingNames() { return robustTrainings().names(); }

}  // namespace distlab::engine
