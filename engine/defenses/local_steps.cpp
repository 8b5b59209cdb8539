// Several local SGD steps before sharing (strength = the steps): the update shared is the mean
// gradient they amount to, which blurs the individual examples.
#include <cmath>
#include <memory>

#include "core/error.h"
#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class LocalSteps final : public Defense {
 public:
  std::string_view name() const override { return "local-steps"; }
  bool needsExamples() const override { return true; }
  MlpGradient defendBatch(const AttackMlp& model, const MatD& x, const MatD& y,
                          const DefenseSettings& s, Rng&) const override {
    return localStepsUpdate(model, x, y, static_cast<int>(std::lround(s.strength)), s.lr);
  }
};

}  // namespace

std::unique_ptr<Defense> makeLocalSteps() { return std::make_unique<LocalSteps>(); }

MlpGradient localStepsUpdate(const AttackMlp& model, const MatD& x, const MatD& y, int steps,
                             double lr) {
  if (steps < 1) throw Error("local-steps: " + std::to_string(steps) + " steps; allowed: 1 or more");
  AttackMlp local = model;
  for (int s = 0; s < steps; ++s) {
    const MlpGradient g = mlpGradient(local, x, y);
    for (std::size_t l = 0; l < local.weights.size(); ++l) {
      local.weights[l] -= lr * g.weights[l];
      local.biases[l] -= lr * g.biases[l];
    }
  }
  MlpGradient update;
  for (std::size_t l = 0; l < model.weights.size(); ++l) {
    update.weights.push_back((model.weights[l] - local.weights[l]) / (steps * lr));
    update.biases.push_back((model.biases[l] - local.biases[l]) / (steps * lr));
  }
  return update;
}

}  // namespace distlab::engine
