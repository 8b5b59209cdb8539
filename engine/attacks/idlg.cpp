// iDLG (Zhao et al., 2020): the label of a single example is read off the last layer's gradient
// first, then only the input is fitted.
#include <memory>

#include "attacks/gradient_attack.h"

namespace distlab::engine {
namespace {

class Idlg final : public GradientAttack {
 public:
  std::string_view name() const override { return "idlg"; }
  AttackOutcome run(const AttackTarget& target, int batch, const DlgOptions& o) const override {
    const auto labels = readSingleLabel(
        target, batch,
        target.fitsLabels() ? "privacy.attack: idlg reads one label; use a batch of 1 image"
                            : "privacy.capture_from: a lenet5 push is attacked with its label "
                              "read first (iDLG), so one example; capture a run with "
                              "training.batch_size 1");
    return outcomeOf(target.fit(batch, o, labels));
  }
};

}  // namespace

std::unique_ptr<GradientAttack> makeIdlg() { return std::make_unique<Idlg>(); }

}  // namespace distlab::engine
