// FedAdagrad (Reddi et al., 2021): v = v + delta^2, the sum of every round's squares.
#include <memory>

#include "federated/server_optimizers/adaptive_step.h"

namespace distlab::engine {
namespace {

class FedAdagrad final : public ServerOptimizer {
 public:
  std::string_view name() const override { return "fedadagrad"; }
  void step(std::span<float> global, std::span<const float> delta, ServerOptimizerState& state,
            const ServerOptimizerOptions& o) const override {
    adaptiveServerStep(global, delta, state, o, [](float v, float d2) { return v + d2; });
  }
};

}  // namespace

std::unique_ptr<ServerOptimizer> makeFedAdagrad() { return std::make_unique<FedAdagrad>(); }

}  // namespace distlab::engine
