#include "security/adversarial/adversarial_settings.h"

namespace distlab::engine {

std::pair<float, float> featureRange(const Dataset& data) {
  const auto x = data.x.view();
  if (x.size() == 0) return {0.0f, 1.0f};
  return {x.minCoeff(), x.maxCoeff()};
}

PerturbSettings attackSettings(const AdversarialSpec& a, double epsilon,
                               std::pair<float, float> range) {
  PerturbSettings s;
  s.l2 = a.norm == "l2";
  s.epsilon = epsilon;
  s.steps = a.steps;
  s.step = a.step > 0 ? a.step : 2.5 * epsilon / a.steps;
  s.randomStart = a.randomStart;
  s.low = range.first;
  s.high = range.second;
  return s;
}

RobustTrainingSettings trainingSettings(const AdversarialSpec& a, std::pair<float, float> range) {
  RobustTrainingSettings t;
  t.attack = attackSettings(a, a.epsilon, range);
  t.attack.steps = a.trainSteps;
  t.attack.step = 2.5 * a.epsilon / a.trainSteps;
  t.gradientPenalty = a.gradientPenalty;
  return t;
}

}  // namespace distlab::engine
