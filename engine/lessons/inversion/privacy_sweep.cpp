#include "lessons/inversion/privacy_sweep.h"

#include <algorithm>

#include "defenses/defense.h"
#include "attacks/gradient_attack.h"
#include "attacks/inversion.h"

namespace distlab::engine {
namespace {

AttackMlp modelFor(const Spec& spec, const TrainTest& data) {
  std::vector<int> sizes = {static_cast<int>(data.train.x.cols())};
  for (const int h : spec.model.hidden) sizes.push_back(h);
  sizes.push_back(data.train.numClasses);
  Rng rng(spec.seed);
  return AttackMlp::random(sizes, spec.model.activation, spec.model.initLow, spec.model.initHigh,
                           rng);
}

MatD columns(const Dataset& d, const std::vector<std::size_t>& rows) {
  MatD x(d.x.cols(), static_cast<Eigen::Index>(rows.size()));
  for (std::size_t c = 0; c < rows.size(); ++c) {
    for (Eigen::Index i = 0; i < d.x.cols(); ++i) x(i, static_cast<Eigen::Index>(c)) = d.x(rows[c], i);
  }
  return x;
}

MatD oneHots(const Dataset& d, const std::vector<std::size_t>& rows) {
  MatD y = MatD::Zero(d.numClasses, static_cast<Eigen::Index>(rows.size()));
  for (std::size_t c = 0; c < rows.size(); ++c) y(d.labels[rows[c]], static_cast<Eigen::Index>(c)) = 1;
  return y;
}

double accuracy(const AttackMlp& m, const Dataset& test) {
  std::size_t right = 0;
  std::vector<std::size_t> rows;
  for (std::size_t begin = 0; begin < test.size(); begin += 500) {
    rows.clear();
    for (std::size_t i = begin; i < std::min(test.size(), begin + 500); ++i) rows.push_back(i);
    const MatD a = mlpLogits(m, columns(test, rows));
    for (std::size_t c = 0; c < rows.size(); ++c) {
      Eigen::Index best = 0;
      a.col(static_cast<Eigen::Index>(c)).maxCoeff(&best);
      right += best == test.labels[rows[c]];
    }
  }
  return static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(1, test.size()));
}

// SGD with every step's gradient defended, in this process; returns the test accuracy.
double trainDefendedHere(const Spec& spec, const TrainTest& data, AttackMlp model,
                         const std::string& defense, double strength, Rng& noise) {
  Rng order = Rng::stream(spec.seed, RngPurpose::Shuffle);
  const auto batch = static_cast<std::size_t>(spec.training.batchSize);
  std::vector<std::size_t> rows(batch);
  const std::size_t steps =
      data.train.size() / batch * static_cast<std::size_t>(spec.training.epochs);
  for (std::size_t step = 0; step < steps; ++step) {
    for (auto& r : rows) r = static_cast<std::size_t>(order.below(data.train.size()));
    const MlpGradient g =
        defendedGradient(model, columns(data.train, rows), oneHots(data.train, rows), defense,
                         strength, spec.privacy.clipNorm, noise, spec.training.lr);
    for (std::size_t l = 0; l < model.weights.size(); ++l) {
      model.weights[l] -= spec.training.lr * g.weights[l];
      model.biases[l] -= spec.training.lr * g.biases[l];
    }
  }
  return accuracy(model, data.test);
}

}  // namespace

std::vector<PrivacyUtilityPoint> privacyUtility(const Spec& spec, const TrainTest& data,
                                                const std::vector<double>& strengths,
                                                const DefendedTraining& train) {
  const auto& p = spec.privacy;
  std::vector<std::pair<std::string, double>> settings = {{"none", 0.0}};
  if (defenses().at(p.defense).changesGradient()) {
    for (const double s : strengths) settings.emplace_back(p.defense, s);
  }
  const DlgOptions o = dlgOptionsFor(spec, data.test.shape.width);
  std::vector<PrivacyUtilityPoint> points;
  for (const auto& [defense, strength] : settings) {
    PrivacyUtilityPoint point{defense, strength, 0, 0, 0, train ? "cluster" : "in-process"};
    const AttackMlp model = modelFor(spec, data);
    Rng noise = Rng::stream(spec.seed, RngPurpose::Noise);
    // The attack on each image's defended gradient, at the model's initial parameters.
    for (const int index : p.images) {
      const std::vector<std::size_t> row = {static_cast<std::size_t>(index)};
      const MatD x = columns(data.test, row);
      const MlpGradient shared = defendedGradient(model, x, oneHots(data.test, row), defense,
                                                  strength, p.clipNorm, noise,
                                                  spec.training.lr);
      const MatD reconstruction =
          gradientAttacks().at(p.attack).run(*mlpTarget(model, shared), 1, o).images;
      point.attackPsnr += psnr(reconstruction.col(0), x.col(0)) / static_cast<double>(p.images.size());
      if (x.rows() == 784) {
        point.attackSsim +=
            ssim(reconstruction.col(0), x.col(0), 28, 28) / static_cast<double>(p.images.size());
      }
    }
    point.testAccuracy = train ? train(defense, strength)
                               : trainDefendedHere(spec, data, model, defense, strength, noise);
    points.push_back(point);
  }
  return points;
}

}  // namespace distlab::engine
