#include "security/adversarial/robust_accuracy.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nn/evaluate.h"

namespace distlab::engine {

void predictions(Model& model, const Matrix& x, std::vector<int>& classes,
                 std::vector<double>& confidence) {
  const Matrix& out = model.forward(x);
  classes.resize(static_cast<std::size_t>(out.cols()));
  confidence.resize(classes.size());
  for (Eigen::Index j = 0; j < out.cols(); ++j) {
    Eigen::Index best = 0;
    const float top = out.col(j).maxCoeff(&best);
    const double sum = (out.col(j).array() - top).exp().sum();
    classes[static_cast<std::size_t>(j)] = static_cast<int>(best);
    confidence[static_cast<std::size_t>(j)] = 1.0 / sum;
  }
}

RobustScore robustAccuracy(Model& model, LossKind loss, const Dataset& data, std::size_t count,
                           const AdversarialAttack& attack, const PerturbSettings& settings,
                           Rng& rng) {
  RobustScore score;
  count = std::min(count, data.size());
  constexpr std::size_t kBatch = 250;
  std::vector<std::size_t> rows;
  Matrix x, targets, xAdv;
  std::vector<int> labels, predicted;
  std::vector<double> confidence;
  double lossSum = 0.0;
  std::size_t correct = 0;
  for (std::size_t begin = 0; begin < count; begin += kBatch) {
    rows.resize(std::min(kBatch, count - begin));
    std::iota(rows.begin(), rows.end(), begin);
    gatherBatch(data, rows, x, labels, targets);
    const BatchTargets batch{labels, targets.size() > 0 ? &targets : nullptr};
    if (settings.epsilon > 0) {
      attack.perturb(model, loss, x, batch, settings, rng, xAdv);
    } else {
      xAdv = x;
    }
    lossSum +=
        computeLoss(loss, model.forward(xAdv), batch, nullptr) * static_cast<double>(rows.size());
    predictions(model, xAdv, predicted, confidence);
    for (std::size_t i = 0; i < rows.size(); ++i) correct += predicted[i] == labels[i];
  }
  score.examples = count;
  score.accuracy = count ? static_cast<double>(correct) / static_cast<double>(count) : 0.0;
  score.loss = count ? lossSum / static_cast<double>(count) : 0.0;
  return score;
}

}  // namespace distlab::engine
