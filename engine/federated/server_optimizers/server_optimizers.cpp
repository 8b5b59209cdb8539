#include "core/strategy_names.h"
#include "federated/server_optimizer.h"

namespace distlab::engine {

std::unique_ptr<ServerOptimizer> makeFedAvg();
std::unique_ptr<ServerOptimizer> makeFedAvgM();
std::unique_ptr<ServerOptimizer> makeFedAdagrad();
std::unique_ptr<ServerOptimizer> makeFedAdam();
std::unique_ptr<ServerOptimizer> makeFedYogi();

const StrategyRegistry<ServerOptimizer>& serverOptimizers() {
  static const auto registry = makeRegistry<ServerOptimizer>(
      "fl.server_optimizer", {makeFedAvg, makeFedAvgM, makeFedAdagrad, makeFedAdam, makeFedYogi});
  return registry;
}

std::vector<std::string> serverOptimizerNames() { return serverOptimizers().names(); }

}  // namespace distlab::engine
