// FedAvgM (Hsu et al., 2019): server momentum, v = beta_1 v + delta, x += lr v; it damps the
// round-to-round swings that non-IID clients cause.
#include <memory>

#include "core/error.h"
#include "federated/server_optimizer.h"

namespace distlab::engine {
namespace {

class FedAvgM final : public ServerOptimizer {
 public:
  std::string_view name() const override { return "fedavgm"; }
  void step(std::span<float> global, std::span<const float> delta, ServerOptimizerState& state,
            const ServerOptimizerOptions& o) const override {
    if (delta.size() != global.size()) throw Error("the round's update does not fit the model");
    if (state.first.size() != global.size()) state.first.assign(global.size(), 0.0f);
    const auto beta = static_cast<float>(o.beta1), lr = static_cast<float>(o.lr);
    for (std::size_t i = 0; i < global.size(); ++i) {
      state.first[i] = beta * state.first[i] + delta[i];
      global[i] += lr * state.first[i];
    }
    ++state.rounds;
  }
};

}  // namespace

std::unique_ptr<ServerOptimizer> makeFedAvgM() { return std::make_unique<FedAvgM>(); }

}  // namespace distlab::engine
