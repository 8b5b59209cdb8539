// FedAvg (McMahan et al., 2017): the global model moves by the clients' weighted mean update,
// times the server's step (1: the new model is the weighted mean of the clients' models).
#include <memory>

#include "core/error.h"
#include "federated/server_optimizer.h"

namespace distlab::engine {
namespace {

class FedAvg final : public ServerOptimizer {
 public:
  std::string_view name() const override { return "fedavg"; }
  void step(std::span<float> global, std::span<const float> delta, ServerOptimizerState& state,
            const ServerOptimizerOptions& o) const override {
    if (delta.size() != global.size()) throw Error("the round's update does not fit the model");
    const auto lr = static_cast<float>(o.lr);
    for (std::size_t i = 0; i < global.size(); ++i) global[i] += lr * delta[i];
    ++state.rounds;
  }
};

}  // namespace

std::unique_ptr<ServerOptimizer> makeFedAvg() { return std::make_unique<FedAvg>(); }

}  // namespace distlab::engine
