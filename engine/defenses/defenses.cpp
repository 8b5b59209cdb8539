#include "core/error.h"
#include "core/strategy_names.h"
#include "defenses/defense.h"

namespace distlab::engine {

std::unique_ptr<Defense> makeNoDefense();
std::unique_ptr<Defense> makeNoise();
std::unique_ptr<Defense> makeTopK();
std::unique_ptr<Defense> makeFp16();
std::unique_ptr<Defense> makeInt8();
std::unique_ptr<Defense> makeDifferentialPrivacy();
std::unique_ptr<Defense> makeLocalSteps();

const StrategyRegistry<Defense>& defenses() {
  static const auto registry =
      makeRegistry<Defense>("privacy.defense", {makeNoDefense, makeNoise, makeTopK, makeFp16,
                                                makeInt8, makeDifferentialPrivacy, makeLocalSteps});
  return registry;
}

std::vector<std::string> defenseNames() { return defenses().names(); }

void Defense::defend(std::span<const std::span<double>>, double, Rng&) const {}

MlpGradient Defense::defendBatch(const AttackMlp& model, const MatD& x, const MatD& y,
                                 const DefenseSettings& settings, Rng& rng) const {
  MlpGradient g = mlpGradient(model, x, y);
  defend(tensorsOf(g), settings.strength, rng);
  return g;
}

std::vector<std::span<double>> tensorsOf(MlpGradient& g) {
  std::vector<std::span<double>> tensors;
  for (auto& w : g.weights) tensors.emplace_back(w.data(), static_cast<std::size_t>(w.size()));
  for (auto& b : g.biases) tensors.emplace_back(b.data(), static_cast<std::size_t>(b.size()));
  return tensors;
}

namespace {
const Defense& finishedGradientDefense(const std::string& name) {
  const Defense& d = defenses().at(name);
  if (d.needsExamples()) {
    throw Error("privacy.defense: " + name +
                " needs the examples; a finished gradient (a cluster worker's push) allows "
                "the defenses that do not: none, noise, topk, fp16, int8");
  }
  return d;
}
}  // namespace

void applyDefense(MlpGradient& gradient, const std::string& defense, double strength, Rng& rng) {
  finishedGradientDefense(defense).defend(tensorsOf(gradient), strength, rng);
}

void applyDefenseToBuffer(std::span<float> values, const std::string& defense, double strength,
                          Rng& rng) {
  const Defense& d = finishedGradientDefense(defense);
  if (!d.changesGradient()) return;
  // In double, as one tensor: the same arithmetic as the attack's gradients.
  std::vector<double> wide(values.begin(), values.end());
  const std::span<double> tensor(wide);
  d.defend({&tensor, 1}, strength, rng);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(wide[i]);
}

MlpGradient defendedGradient(const AttackMlp& model, const MatD& x, const MatD& y,
                             const std::string& defense, double strength, double clipNorm,
                             Rng& rng, double lr) {
  return defenses().at(defense).defendBatch(model, x, y, {strength, clipNorm, lr}, rng);
}

}  // namespace distlab::engine
