#include "core/strategy_names.h"
#include "federated/client_rule.h"

namespace distlab::engine {

std::unique_ptr<ClientRule> makeFedAvgClient();
std::unique_ptr<ClientRule> makeFedProx();
std::unique_ptr<ClientRule> makeScaffold();

const StrategyRegistry<ClientRule>& clientRules() {
  static const auto registry =
      makeRegistry<ClientRule>("fl.algorithm", {makeFedAvgClient, makeFedProx, makeScaffold});
  return registry;
}

std::vector<std::string> clientRuleNames() { return clientRules().names(); }

}  // namespace distlab::engine
