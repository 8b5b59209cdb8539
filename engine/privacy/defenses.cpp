#include "privacy/defenses.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.h"

namespace distlab::engine {
namespace {

template <class F>
void forEachTensor(MlpGradient& g, F&& f) {
  for (auto& w : g.weights) f(w.data(), static_cast<std::size_t>(w.size()));
  for (auto& b : g.biases) f(b.data(), static_cast<std::size_t>(b.size()));
}

}  // namespace

void applyDefenseToBuffer(std::span<float> values, const std::string& defense, double strength,
                          Rng& rng) {
  if (defense == "none") return;
  if (defense == "dp" || defense == "local-steps") {
    throw Error("privacy.defense: " + defense + " needs the examples; in a cluster run the "
                "allowed defenses are none, noise, topk, fp16, int8");
  }
  // Through the double-precision path: one tensor holding the whole buffer.
  MlpGradient g;
  g.weights.push_back(Eigen::Map<const Eigen::VectorXf>(values.data(),
                                                        static_cast<Eigen::Index>(values.size()))
                          .cast<double>());
  g.biases.push_back(VecD(0));
  applyDefense(g, defense, strength, rng);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = static_cast<float>(g.weights[0].data()[i]);
  }
}

double roundToHalf(double value) {
  if (!std::isfinite(value) || value == 0.0) return value;
  const double magnitude = std::abs(value);
  if (magnitude >= 65520.0) return std::copysign(INFINITY, value);  // past the largest half
  int exponent = 0;
  std::frexp(magnitude, &exponent);  // magnitude = m * 2^exponent, m in [0.5, 1)
  // Half precision keeps 11 significant bits; below 2^-14 the spacing is fixed at 2^-24.
  const int spacingExponent = std::max(exponent - 11, -24);
  const double spacing = std::ldexp(1.0, spacingExponent);
  return std::copysign(std::nearbyint(magnitude / spacing) * spacing, value);
}

MlpGradient dpGradient(const AttackMlp& model, const MatD& x, const MatD& y, double clipNorm,
                       double noiseMultiplier, Rng& rng) {
  MlpGradient sum;
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    MlpGradient g = mlpGradient(model, x.col(c), y.col(c));
    double norm2 = 0;
    forEachTensor(g, [&](double* v, std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) norm2 += v[i] * v[i];
    });
    const double scale = 1.0 / std::max(1.0, std::sqrt(norm2) / clipNorm);
    if (c == 0) {
      sum = g;
      forEachTensor(sum, [&](double* v, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) v[i] *= scale;
      });
      continue;
    }
    for (std::size_t l = 0; l < g.weights.size(); ++l) {
      sum.weights[l] += scale * g.weights[l];
      sum.biases[l] += scale * g.biases[l];
    }
  }
  const double batch = static_cast<double>(x.cols());
  forEachTensor(sum, [&](double* v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) v[i] = (v[i] + noiseMultiplier * clipNorm * rng.normal()) / batch;
  });
  return sum;
}

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

MlpGradient defendedGradient(const AttackMlp& model, const MatD& x, const MatD& y,
                             const std::string& defense, double strength, double clipNorm,
                             Rng& rng, double lr) {
  if (defense == "dp") return dpGradient(model, x, y, clipNorm, strength, rng);
  if (defense == "local-steps") {
    return localStepsUpdate(model, x, y, static_cast<int>(std::lround(strength)), lr);
  }
  MlpGradient g = mlpGradient(model, x, y);
  applyDefense(g, defense, strength, rng);
  return g;
}

void applyDefense(MlpGradient& gradient, const std::string& defense, double strength, Rng& rng) {
  if (defense == "none") return;
  if (defense == "noise") {
    forEachTensor(gradient, [&](double* v, std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) v[i] += strength * rng.normal();
    });
  } else if (defense == "topk") {
    if (strength < 0 || strength >= 1) {
      throw Error("topk: the pruned fraction " + std::to_string(strength) +
                  " is out of range; allowed: 0 to below 1");
    }
    forEachTensor(gradient, [&](double* v, std::size_t n) {
      const auto keep = std::max<std::size_t>(
          1, static_cast<std::size_t>(std::llround(static_cast<double>(n) * (1.0 - strength))));
      if (keep >= n) return;
      std::vector<double> magnitudes(v, v + n);
      for (double& m : magnitudes) m = std::abs(m);
      std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<std::ptrdiff_t>(n - keep),
                       magnitudes.end());
      const double threshold = magnitudes[n - keep];
      std::size_t kept = 0;
      for (std::size_t i = 0; i < n; ++i) {
        // Ties at the threshold: keep only as many as allowed.
        if (std::abs(v[i]) > threshold || (std::abs(v[i]) == threshold && kept < keep)) {
          ++kept;
        } else {
          v[i] = 0.0;
        }
      }
    });
  } else if (defense == "fp16") {
    forEachTensor(gradient, [&](double* v, std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) v[i] = roundToHalf(v[i]);
    });
  } else if (defense == "int8") {
    forEachTensor(gradient, [&](double* v, std::size_t n) {
      double top = 0;
      for (std::size_t i = 0; i < n; ++i) top = std::max(top, std::abs(v[i]));
      if (top == 0) return;
      const double step = top / 127.0;  // symmetric: -127..127 steps of `step`
      for (std::size_t i = 0; i < n; ++i) v[i] = std::nearbyint(v[i] / step) * step;
    });
  } else if (defense == "dp" || defense == "local-steps") {
    throw Error("privacy.defense: " + defense + " needs the examples; use defendedGradient");
  } else {
    throw Error("privacy.defense: \"" + defense + "\" is unknown; allowed: " + kDefenseNames);
  }
}

}  // namespace distlab::engine
