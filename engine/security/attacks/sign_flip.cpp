// Sign flipping (as in Damaskinos et al. 2018 and Li et al. 2019, RSA): the worker pushes -s
// times its honest update; with f of n attackers the mean points uphill once s f > n - f.
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class SignFlip final : public PoisonAttack {
 public:
  std::string_view name() const override { return "sign-flip"; }
  double defaultStrength() const override { return 4.0; }
  void poisonUpdate(std::span<float> update, const HonestEstimate&, const PoisonSettings& s,
                    Rng&) const override {
    const auto factor = static_cast<float>(-s.strength);
    for (float& v : update) v *= factor;
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeSignFlip() { return std::make_unique<SignFlip>(); }

}  // namespace distlab::engine
