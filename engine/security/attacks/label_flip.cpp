// Data poisoning by label flipping (Biggio et al. 2012; Tolpegin et al. 2020): the malicious
// worker trains on its data with every label y replaced by classes - 1 - y, and pushes the
// honest-looking gradient of that.
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class LabelFlip final : public PoisonAttack {
 public:
  std::string_view name() const override { return "label-flip"; }
  bool needsLabels() const override { return true; }
  void poisonBatch(Matrix&, std::vector<int>& labels, const PoisonSettings& s,
                   Rng&) const override {
    for (int& y : labels) y = s.classes - 1 - y;
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeLabelFlip() { return std::make_unique<LabelFlip>(); }

}  // namespace distlab::engine
