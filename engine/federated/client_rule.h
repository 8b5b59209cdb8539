#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "core/strategy_registry.h"

namespace distlab::engine {

/// What a client's local training starts a round from.
struct ClientRound {
  std::span<const float> global;         ///< the model the server sent
  std::span<const float> serverControl;  ///< SCAFFOLD's c (empty for the other rules)
  std::span<const float> clientControl;  ///< SCAFFOLD's c_i, the client's own (empty likewise)
  double mu = 0.0;                       ///< FedProx's proximal weight
};

/// How a client trains locally (fl.algorithm): the gradient of its local loss is adjusted before
/// each optimizer step. One class a file in federated/client_rules/, one line in
/// client_rules.cpp.
class ClientRule {
 public:
  virtual ~ClientRule() = default;
  virtual std::string_view name() const = 0;
  /// SCAFFOLD: the server keeps a control variate c, each client its own c_i.
  virtual bool usesControlVariates() const { return false; }
  /// `gradient` is that of the client's loss at `weights`, in place.
  virtual void adjustGradient(std::span<float> gradient, std::span<const float> weights,
                              const ClientRound& round) const = 0;
};

/// fedavg, fedprox, scaffold.
const StrategyRegistry<ClientRule>& clientRules();

/// SCAFFOLD's new client control variate after `steps` local steps of size `lr` from the global
/// model x to the local y (Karimireddy et al., 2020, option II): c_i+ = c_i - c + (x - y) /
/// (steps lr). The server then moves c by the sampled clients' mean change times |S| / N.
std::vector<float> scaffoldClientControl(const ClientRound& round, std::span<const float> local,
                                         int steps, double lr);

}  // namespace distlab::engine
