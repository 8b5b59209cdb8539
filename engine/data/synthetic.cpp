#include "data/synthetic.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr double kSlope = 60.0;       // kg per metre
constexpr double kIntercept = -35.0;  // kg
constexpr double kMeanHeight = 1.70;  // m
constexpr double kHeightStd = 0.08;   // m
constexpr double kBlobRadius = 3.0;
constexpr double kSpiralRadius = 3.0;
constexpr double kSpiralTurns = 1.75;

void requireCount(const char* what, int n) {
  if (n < 0) throw Error(std::string(what) + ": n must be >= 0, got " + std::to_string(n));
}

void requireNoise(const char* what, double noise) {
  if (!(noise >= 0.0)) {
    throw Error(std::string(what) + ": noise must be >= 0, got " + std::to_string(noise));
  }
}

/// Labels 0,1,..,classes-1,0,1,.. so every class gets n/classes rows and the first n%classes
/// classes one more, and any prefix of the rows is balanced too.
std::vector<int> roundRobinLabels(int n, int classes) {
  std::vector<int> labels(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) labels[static_cast<std::size_t>(i)] = i % classes;
  return labels;
}

}  // namespace

Dataset makeHeightWeight(int n, double noise, Rng& rng) {
  requireCount("makeHeightWeight", n);
  requireNoise("makeHeightWeight", noise);
  Dataset out;
  FeatureMatrix x(n, 1);
  out.targets.resize(n, 1);
  const double weightStd = noise * 10.0;
  for (int i = 0; i < n; ++i) {
    const double height = rng.normal(kMeanHeight, kHeightStd);
    const double weight = kSlope * height + kIntercept + weightStd * rng.normal();
    x(i, 0) = static_cast<float>(height);
    out.targets(i, 0) = static_cast<float>(weight);
  }
  out.x = std::move(x);
  out.shape = Shape{1, 1, 1};
  out.numClasses = 0;
  return out;
}

Dataset makeBlobs(int n, int classes, double noise, Rng& rng) {
  requireCount("makeBlobs", n);
  requireNoise("makeBlobs", noise);
  if (classes < 1) throw Error("makeBlobs: classes must be >= 1, got " + std::to_string(classes));
  Dataset out;
  out.labels = roundRobinLabels(n, classes);
  FeatureMatrix x(n, 2);
  const double spread = 0.5 + noise;
  for (int i = 0; i < n; ++i) {
    const double angle = 2.0 * std::numbers::pi * out.labels[static_cast<std::size_t>(i)] / classes;
    x(i, 0) = static_cast<float>(kBlobRadius * std::cos(angle) + spread * rng.normal());
    x(i, 1) = static_cast<float>(kBlobRadius * std::sin(angle) + spread * rng.normal());
  }
  out.x = std::move(x);
  out.shape = Shape{2, 1, 1};
  out.numClasses = classes;
  for (int c = 0; c < classes; ++c) out.classNames.push_back("class " + std::to_string(c));
  return out;
}

Dataset makeSpirals(int n, double noise, Rng& rng) {
  requireCount("makeSpirals", n);
  requireNoise("makeSpirals", noise);
  Dataset out;
  out.labels = roundRobinLabels(n, 2);
  FeatureMatrix x(n, 2);
  const int perClass[2] = {(n + 1) / 2, n / 2};
  for (int i = 0; i < n; ++i) {
    const int label = out.labels[static_cast<std::size_t>(i)];
    // Evenly spaced along the arm; t in (0, 1]. The second arm is the first turned by 180°.
    const double t = static_cast<double>(i / 2 + 1) / perClass[label];
    const double angle = t * kSpiralTurns * 2.0 * std::numbers::pi + label * std::numbers::pi;
    const double radius = kSpiralRadius * t;
    x(i, 0) = static_cast<float>(radius * std::cos(angle) + noise * rng.normal());
    x(i, 1) = static_cast<float>(radius * std::sin(angle) + noise * rng.normal());
  }
  out.x = std::move(x);
  out.shape = Shape{2, 1, 1};
  out.numClasses = 2;
  out.classNames = {"arm 0", "arm 1"};
  return out;
}

}  // namespace distlab::engine
