#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/strategy_registry.h"

namespace distlab::engine {

/// The server's step size and moment rates (Reddi et al., "Adaptive Federated Optimization",
/// 2021: eta, beta_1, beta_2, tau).
struct ServerOptimizerOptions {
  double lr = 1.0;
  double beta1 = 0.9;
  double beta2 = 0.99;
  double tau = 1e-3;  ///< keeps the adaptive steps finite where an update stays near zero
};

/// What a server optimizer keeps between rounds: its first and second moments (sized on its
/// first step).
struct ServerOptimizerState {
  std::vector<float> first, second;
  std::uint64_t rounds = 0;
};

/// How the server moves the global model by a round's update (fl.server_optimizer): `delta` is
/// the clients' sample-weighted mean of (their model - the global model), the pseudo-gradient's
/// negative. One class a file in federated/server_optimizers/, one line in
/// server_optimizers.cpp.
class ServerOptimizer {
 public:
  virtual ~ServerOptimizer() = default;
  virtual std::string_view name() const = 0;
  virtual void step(std::span<float> global, std::span<const float> delta,
                    ServerOptimizerState& state, const ServerOptimizerOptions& options) const = 0;
};

/// fedavg, fedavgm, fedadagrad, fedadam, fedyogi.
const StrategyRegistry<ServerOptimizer>& serverOptimizers();

}  // namespace distlab::engine
