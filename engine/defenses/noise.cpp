// Gaussian noise of standard deviation `strength` on every entry.
#include <memory>

#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class Noise final : public Defense {
 public:
  std::string_view name() const override { return "noise"; }
  void defend(std::span<const std::span<double>> tensors, double strength,
              Rng& rng) const override {
    for (const auto& t : tensors) {
      for (double& v : t) v += strength * rng.normal();
    }
  }
};

}  // namespace

std::unique_ptr<Defense> makeNoise() { return std::make_unique<Noise>(); }

}  // namespace distlab::engine
