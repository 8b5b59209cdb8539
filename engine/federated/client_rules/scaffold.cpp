// SCAFFOLD (Karimireddy et al., 2020): each local step follows g - c_i + c, the client's
// gradient corrected by how its own direction (c_i) differs from everyone's (c), which removes
// the drift of non-IID clients.
#include <memory>

#include "core/error.h"
#include "federated/client_rule.h"

namespace distlab::engine {
namespace {

class Scaffold final : public ClientRule {
 public:
  std::string_view name() const override { return "scaffold"; }
  bool usesControlVariates() const override { return true; }
  void adjustGradient(std::span<float> gradient, std::span<const float>,
                      const ClientRound& round) const override {
    if (round.serverControl.size() != gradient.size() ||
        round.clientControl.size() != gradient.size()) {
      throw Error("scaffold: the control variates do not fit the model");
    }
    for (std::size_t i = 0; i < gradient.size(); ++i) {
      gradient[i] += round.serverControl[i] - round.clientControl[i];
    }
  }
};

}  // namespace

std::unique_ptr<ClientRule> makeScaffold() { return std::make_unique<Scaffold>(); }

std::vector<float> scaffoldClientControl(const ClientRound& round, std::span<const float> local,
                                         int steps, double lr) {
  const std::size_t n = round.global.size();
  if (local.size() != n || round.serverControl.size() != n || round.clientControl.size() != n) {
    throw Error("scaffold: the control variates do not fit the model");
  }
  if (steps <= 0 || lr <= 0.0) throw Error("scaffold: no local steps to learn a control from");
  const double scale = 1.0 / (steps * lr);
  std::vector<float> next(n);
  for (std::size_t i = 0; i < n; ++i) {
    next[i] = static_cast<float>(round.clientControl[i] - round.serverControl[i] +
                                 scale * (round.global[i] - local[i]));
  }
  return next;
}

}  // namespace distlab::engine
