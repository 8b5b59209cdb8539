// DLG (Zhu et al., 2019): dummy inputs and soft labels fitted so their gradient matches the
// shared one. On a target whose labels cannot be fitted (engine/nn in float) the label is read
// first, as iDLG does.
#include <memory>

#include "attacks/gradient_attack.h"

namespace distlab::engine {
namespace {

class Dlg final : public GradientAttack {
 public:
  std::string_view name() const override { return "dlg"; }
  AttackOutcome run(const AttackTarget& target, int batch, const DlgOptions& o) const override {
    if (!target.fitsLabels()) {
      const auto labels = readSingleLabel(
          target, batch, "privacy.capture_from: a lenet5 push is attacked with its label read "
                         "first (iDLG), so one example; capture a run with training.batch_size 1");
      return outcomeOf(target.fit(batch, o, labels));
    }
    return outcomeOf(target.fit(batch, o, {}));
  }
};

}  // namespace

std::unique_ptr<GradientAttack> makeDlg() { return std::make_unique<Dlg>(); }

}  // namespace distlab::engine
