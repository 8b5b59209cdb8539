// FedProx (Li et al., 2020): the local loss plus mu/2 ||w - w_global||^2, whose gradient
// mu (w - w_global) keeps a client's model near the global one however skewed its data.
#include <memory>

#include "core/error.h"
#include "federated/client_rule.h"

namespace distlab::engine {
namespace {

class FedProx final : public ClientRule {
 public:
  std::string_view name() const override { return "fedprox"; }
  void adjustGradient(std::span<float> gradient, std::span<const float> weights,
                      const ClientRound& round) const override {
    if (weights.size() != gradient.size() || round.global.size() != gradient.size()) {
      throw Error("fedprox: the model and the global model differ in size");
    }
    const auto mu = static_cast<float>(round.mu);
    if (mu == 0.0f) return;  // exactly FedAvg
    for (std::size_t i = 0; i < gradient.size(); ++i) {
      gradient[i] += mu * (weights[i] - round.global[i]);
    }
  }
};

}  // namespace

std::unique_ptr<ClientRule> makeFedProx() { return std::make_unique<FedProx>(); }

}  // namespace distlab::engine
