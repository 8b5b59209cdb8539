// Half precision: every entry rounded to the nearest IEEE binary16 value.
#include <algorithm>
#include <cmath>
#include <memory>

#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class Fp16 final : public Defense {
 public:
  std::string_view name() const override { return "fp16"; }
  void defend(std::span<const std::span<double>> tensors, double, Rng&) const override {
    for (const auto& t : tensors) {
      for (double& v : t) v = roundToHalf(v);
    }
  }
};

}  // namespace

std::unique_ptr<Defense> makeFp16() { return std::make_unique<Fp16>(); }

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

}  // namespace distlab::engine
