// "A Little Is Enough" (Baruch, Baruch & Goldberg 2019): every attacker pushes mu - z sigma, a
// small step away from the honest mean in each coordinate, within the spread robust rules
// accept; mu and sigma are estimated from mini-batch gradients of the attacker's own data.
#include "security/attacks/alie.h"

#include <cmath>

#include "security/poison_attack.h"

namespace distlab::engine {

double normalQuantile(double p) {
  double lo = -10.0, hi = 10.0;  // Phi(x) = erfc(-x / sqrt 2) / 2 is increasing: bisect it
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double alieZ(int workers, int attackers) {
  const int s = workers / 2 + 1 - attackers;
  const double p = static_cast<double>(workers - s) / workers;
  return p > 0.0 && p < 1.0 ? normalQuantile(p) : 1.0;
}

namespace {

class Alie final : public PoisonAttack {
 public:
  std::string_view name() const override { return "alie"; }
  int honestBatches() const override { return 5; }
  void poisonUpdate(std::span<float> update, const HonestEstimate& honest, const PoisonSettings& s,
                    Rng&) const override {
    const auto z = static_cast<float>(s.strength > 0 ? s.strength : alieZ(s.workers, s.attackers));
    for (std::size_t k = 0; k < update.size(); ++k)
      update[k] = honest.mean[k] - z * honest.deviation[k];
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeAlie() { return std::make_unique<Alie>(); }

}  // namespace distlab::engine
