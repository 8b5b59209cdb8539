// FedYogi (Reddi et al., 2021): v = v - (1 - beta_2) delta^2 sign(v - delta^2). v moves towards
// delta^2 by a step of (1 - beta_2) delta^2, not by a share of the gap as in Adam, so it shrinks
// slowly when the updates become small and the server's steps stay careful.
#include <memory>

#include "federated/server_optimizers/adaptive_step.h"

namespace distlab::engine {
namespace {

class FedYogi final : public ServerOptimizer {
 public:
  std::string_view name() const override { return "fedyogi"; }
  void step(std::span<float> global, std::span<const float> delta, ServerOptimizerState& state,
            const ServerOptimizerOptions& o) const override {
    const auto b2 = static_cast<float>(o.beta2);
    adaptiveServerStep(global, delta, state, o, [b2](float v, float d2) {
      const float sign = v > d2 ? 1.0f : v < d2 ? -1.0f : 0.0f;
      return v - (1.0f - b2) * d2 * sign;
    });
  }
};

}  // namespace

std::unique_ptr<ServerOptimizer> makeFedYogi() { return std::make_unique<FedYogi>(); }

}  // namespace distlab::engine
