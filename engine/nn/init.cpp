#include "nn/init.h"

#include <cmath>

#include "core/error.h"

namespace distlab::engine {

Initializer Initializer::fromName(const std::string& name, double low, double high) {
  if (name == "he") return {InitKind::He, low, high};
  if (name == "xavier") return {InitKind::Xavier, low, high};
  if (name == "uniform") return {InitKind::Uniform, low, high};
  throw Error("unknown initializer \"" + name + "\"; allowed: he, xavier, uniform");
}

void Initializer::fillWeights(std::span<float> w, int fanIn, int fanOut, Rng& rng) const {
  switch (kind) {
    case InitKind::He: {
      const double stddev = std::sqrt(2.0 / fanIn);
      for (auto& v : w) v = static_cast<float>(rng.normal() * stddev);
      break;
    }
    case InitKind::Xavier: {
      const double limit = std::sqrt(6.0 / (fanIn + fanOut));
      for (auto& v : w) v = static_cast<float>(rng.uniform(-limit, limit));
      break;
    }
    case InitKind::Uniform:
      for (auto& v : w) v = static_cast<float>(rng.uniform(low, high));
      break;
  }
}

void Initializer::fillBiases(std::span<float> b, Rng& rng) const {
  if (kind == InitKind::Uniform) {
    for (auto& v : b) v = static_cast<float>(rng.uniform(low, high));
  } else {
    for (auto& v : b) v = 0.0f;
  }
}

}  // namespace distlab::engine
