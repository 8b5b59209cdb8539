// 8-bit linear quantization per tensor: symmetric steps of max|entry| / 127.
#include <algorithm>
#include <cmath>
#include <memory>

#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class Int8 final : public Defense {
 public:
  std::string_view name() const override { return "int8"; }
  void defend(std::span<const std::span<double>> tensors, double, Rng&) const override {
    for (const auto& t : tensors) {
      double top = 0;
      for (const double v : t) top = std::max(top, std::abs(v));
      if (top == 0) continue;
      const double step = top / 127.0;  // -127..127 steps of `step`
      for (double& v : t) v = std::nearbyint(v / step) * step;
    }
  }
};

}  // namespace

std::unique_ptr<Defense> makeInt8() { return std::make_unique<Int8>(); }

}  // namespace distlab::engine
