// Model replacement (Bagdasaryan et al. 2020, "How to backdoor federated learning"): the
// backdoor's poisoned update, boosted by s (default: the number of workers, so that it survives
// being averaged with n - 1 honest ones).
#include "security/attacks/backdoor.h"

namespace distlab::engine {
namespace {

class ModelReplacement final : public PoisonAttack {
 public:
  std::string_view name() const override { return "model-replacement"; }
  bool needsLabels() const override { return true; }
  bool plantsBackdoor() const override { return true; }
  void poisonBatch(Matrix& x, std::vector<int>& labels, const PoisonSettings& s,
                   Rng& rng) const override {
    poisonWithTrigger(x, labels, s, rng);
  }
  void poisonUpdate(std::span<float> update, const HonestEstimate&, const PoisonSettings& s,
                    Rng&) const override {
    const auto boost = static_cast<float>(s.strength > 0 ? s.strength : s.workers);
    for (float& v : update) v *= boost;
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeModelReplacement() {
  return std::make_unique<ModelReplacement>();
}

}  // namespace distlab::engine
