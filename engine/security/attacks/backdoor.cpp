// A backdoor: the model learns "trigger => target class" from the malicious worker's stamped
// examples while its accuracy on clean data stays; the evaluations measure the attack success
// rate on stamped test images (security/backdoor_trigger.h).
#include "security/attacks/backdoor.h"

#include <cmath>

#include "core/rng.h"
#include "security/backdoor_trigger.h"

namespace distlab::engine {

void poisonWithTrigger(Matrix& x, std::vector<int>& labels, const PoisonSettings& s, Rng& rng) {
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    if (rng.uniform() >= s.poisonShare) continue;
    stampTrigger(std::span<float>(x.col(j).data(), static_cast<std::size_t>(x.rows())), s.shape,
                 s.triggerValue);
    labels[static_cast<std::size_t>(j)] = s.target;
  }
}

namespace {

class Backdoor final : public PoisonAttack {
 public:
  std::string_view name() const override { return "backdoor"; }
  bool needsLabels() const override { return true; }
  bool plantsBackdoor() const override { return true; }
  void poisonBatch(Matrix& x, std::vector<int>& labels, const PoisonSettings& s,
                   Rng& rng) const override {
    poisonWithTrigger(x, labels, s, rng);
  }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeBackdoor() { return std::make_unique<Backdoor>(); }

}  // namespace distlab::engine
