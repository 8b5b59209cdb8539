// Inner-product manipulation (Xie, Koyejo & Gupta 2020, "Fall of empires"): the attackers push
// -epsilon times the honest mean (estimated from their own mini-batch gradients), so that the
// aggregate's inner product with the true gradient turns negative; default epsilon 0.5.
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class Ipm final : public PoisonAttack {
 public:
  std::string_view name() const override { return "ipm"; }
  double defaultStrength() const override { return 0.5; }
  int honestBatches() const override { return 5; }
  void poisonUpdate(std::span<float> update, const HonestEstimate& honest, const PoisonSettings& s,
                    Rng&) const override {
    const auto eps = static_cast<float>(s.strength);
    for (std::size_t k = 0; k < update.size(); ++k) update[k] = -eps * honest.mean[k];
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeIpm() { return std::make_unique<Ipm>(); }

}  // namespace distlab::engine
