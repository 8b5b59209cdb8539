#include "attacks/gradient_attack.h"
#include "core/error.h"
#include "core/strategy_names.h"

namespace distlab::engine {

std::unique_ptr<GradientAttack> makeDlg();
std::unique_ptr<GradientAttack> makeIdlg();
std::unique_ptr<GradientAttack> makeAnalytic();

const StrategyRegistry<GradientAttack>& gradientAttacks() {
  static const auto registry =
      makeRegistry<GradientAttack>("privacy.attack", {makeDlg, makeIdlg, makeAnalytic});
  return registry;
}

std::vector<std::string> attackNames() { return gradientAttacks().names(); }

AttackOutcome outcomeOf(const DlgResult& r) {
  AttackOutcome out{r.images, {}, r.iterations, r.evaluations};
  for (Eigen::Index b = 0; b < r.labelLogits.cols(); ++b) {
    Eigen::Index label = 0;
    r.labelLogits.col(b).maxCoeff(&label);
    out.labels.push_back(static_cast<int>(label));
  }
  return out;
}

std::vector<int> readSingleLabel(const AttackTarget& target, int batch, std::string_view why) {
  if (batch != 1) throw Error(std::string(why));
  return {target.readLabel()};
}

}  // namespace distlab::engine
