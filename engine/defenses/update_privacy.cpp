#include "defenses/update_privacy.h"

#include <cmath>

namespace distlab::engine {

double clipToNorm(std::span<float> update, double clip) {
  double sq = 0.0;
  for (const float v : update) sq += static_cast<double>(v) * v;
  const double norm = std::sqrt(sq);
  if (norm > clip) {
    const auto scale = static_cast<float>(clip / norm);
    for (float& v : update) v *= scale;
  }
  return norm;
}

void addGaussianNoise(std::span<float> values, double stddev, Rng& rng) {
  for (float& v : values) v += static_cast<float>(stddev * rng.normal());
}

}  // namespace distlab::engine
