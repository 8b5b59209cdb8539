// Scaling: the honest update boosted s times (default 10). Alone it only makes the mean's step
// longer; norm clipping takes the boost away.
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class Scale final : public PoisonAttack {
 public:
  std::string_view name() const override { return "scale"; }
  double defaultStrength() const override { return 10.0; }
  void poisonUpdate(std::span<float> update, const HonestEstimate&, const PoisonSettings& s,
                    Rng&) const override {
    const auto factor = static_cast<float>(s.strength);
    for (float& v : update) v *= factor;
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeScale() { return std::make_unique<Scale>(); }

}  // namespace distlab::engine
