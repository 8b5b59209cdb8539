// Gaussian noise (Blanchard et al. 2017's "Gaussian Byzantine worker"): the push is N(0, s^2)
// in every coordinate (default s = 1), nothing of the data in it.
#include "core/rng.h"
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class Gaussian final : public PoisonAttack {
 public:
  std::string_view name() const override { return "gaussian"; }
  double defaultStrength() const override { return 1.0; }
  void poisonUpdate(std::span<float> update, const HonestEstimate&, const PoisonSettings& s,
                    Rng& rng) const override {
    for (float& v : update) v = static_cast<float>(rng.normal(0.0, s.strength));
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeGaussian() { return std::make_unique<Gaussian>(); }

}  // namespace distlab::engine
