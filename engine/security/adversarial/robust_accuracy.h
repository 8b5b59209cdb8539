#pragma once
#include <cstddef>

#include "data/dataset.h"
#include "security/adversarial/adversarial_attack.h"

namespace distlab::engine {

/// A model's accuracy and mean loss on the first `count` examples of `data` after `attack`
/// moved each within the ball (epsilon 0: the clean accuracy).
struct RobustScore {
  double accuracy = 0.0;
  double loss = 0.0;
  std::size_t examples = 0;
};
RobustScore robustAccuracy(Model& model, LossKind loss, const Dataset& data, std::size_t count,
                           const AdversarialAttack& attack, const PerturbSettings& settings,
                           Rng& rng);

/// The batch's predicted class and its softmax probability, per column.
void predictions(Model& model, const Matrix& x, std::vector<int>& classes,
                 std::vector<double>& confidence);

}  // namespace distlab::engine
