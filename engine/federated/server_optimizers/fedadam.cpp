// FedAdam (Reddi et al., 2021): v = beta_2 v + (1 - beta_2) delta^2, Adam's moment without bias
// correction, as in the paper.
#include <memory>

#include "federated/server_optimizers/adaptive_step.h"

namespace distlab::engine {
namespace {

class FedAdam final : public ServerOptimizer {
 public:
  std::string_view name() const override { return "fedadam"; }
  void step(std::span<float> global, std::span<const float> delta, ServerOptimizerState& state,
            const ServerOptimizerOptions& o) const override {
    const auto b2 = static_cast<float>(o.beta2);
    adaptiveServerStep(global, delta, state, o,
                       [b2](float v, float d2) { return b2 * v + (1.0f - b2) * d2; });
  }
};

}  // namespace

std::unique_ptr<ServerOptimizer> makeFedAdam() { return std::make_unique<FedAdam>(); }

}  // namespace distlab::engine
