#pragma once
#include <span>
#include <string>

#include "core/rng.h"

namespace distlab::engine {

enum class InitKind { He, Xavier, Uniform };

/// How a layer's weights are drawn. Biases start at zero, except for Uniform, which draws
/// biases from the same range (as gradient-inversion papers do for their victim models).
struct Initializer {
  InitKind kind = InitKind::He;
  double low = -0.5;
  double high = 0.5;

  static Initializer fromName(const std::string& name, double low = -0.5, double high = 0.5);
  /// He: N(0, 2/fanIn) (He et al., 2015). Xavier: U(+-sqrt(6/(fanIn+fanOut))) (Glorot & Bengio,
  /// 2010). Uniform: U(low, high).
  void fillWeights(std::span<float> w, int fanIn, int fanOut, Rng& rng) const;
  void fillBiases(std::span<float> b, Rng& rng) const;
};

}  // namespace distlab::engine
