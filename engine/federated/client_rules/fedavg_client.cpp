// FedAvg's client: plain local SGD on its own data.
#include <memory>

#include "federated/client_rule.h"

namespace distlab::engine {
namespace {

class FedAvgClient final : public ClientRule {
 public:
  std::string_view name() const override { return "fedavg"; }
  void adjustGradient(std::span<float>, std::span<const float>, const ClientRound&) const override {}
};

}  // namespace

std::unique_ptr<ClientRule> makeFedAvgClient() { return std::make_unique<FedAvgClient>(); }

}  // namespace distlab::engine
