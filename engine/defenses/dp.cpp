// DP-SGD: each example's gradient clipped, summed, Gaussian noise added (strength = the noise
// multiplier).
#include <algorithm>
#include <cmath>
#include <memory>

#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class DifferentialPrivacy final : public Defense {
 public:
  std::string_view name() const override { return "dp"; }
  bool needsExamples() const override { return true; }
  MlpGradient defendBatch(const AttackMlp& model, const MatD& x, const MatD& y,
                          const DefenseSettings& s, Rng& rng) const override {
    return dpGradient(model, x, y, s.clipNorm, s.strength, rng);
  }
};

}  // namespace

std::unique_ptr<Defense> makeDifferentialPrivacy() {
  return std::make_unique<DifferentialPrivacy>();
}

MlpGradient dpGradient(const AttackMlp& model, const MatD& x, const MatD& y, double clipNorm,
                       double noiseMultiplier, Rng& rng) {
  MlpGradient sum;
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    MlpGradient g = mlpGradient(model, x.col(c), y.col(c));
    double norm2 = 0;
    for (const auto& t : tensorsOf(g)) {
      for (const double v : t) norm2 += v * v;
    }
    const double scale = 1.0 / std::max(1.0, std::sqrt(norm2) / clipNorm);
    if (c == 0) {
      sum = g;
      for (const auto& t : tensorsOf(sum)) {
        for (double& v : t) v *= scale;
      }
      continue;
    }
    for (std::size_t l = 0; l < g.weights.size(); ++l) {
      sum.weights[l] += scale * g.weights[l];
      sum.biases[l] += scale * g.biases[l];
    }
  }
  const double batch = static_cast<double>(x.cols());
  for (const auto& t : tensorsOf(sum)) {
    for (double& v : t) v = (v + noiseMultiplier * clipNorm * rng.normal()) / batch;
  }
  return sum;
}

}  // namespace distlab::engine
