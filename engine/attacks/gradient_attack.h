#pragma once
#include <string_view>
#include <vector>

#include "attacks/attack_target.h"
#include "core/strategy_registry.h"

namespace distlab::engine {

/// What an attack rebuilt: one image per column, and the label of each (-1: not recovered).
struct AttackOutcome {
  MatD images;
  std::vector<int> labels;
  int iterations = 0, evaluations = 0;
};

/// A way to rebuild private inputs from a shared gradient (privacy.attack): DLG, iDLG, or the
/// analytic inversion of a first dense layer.
class GradientAttack {
 public:
  virtual ~GradientAttack() = default;
  virtual std::string_view name() const = 0;
  /// The most examples of one batch it rebuilds.
  virtual int maxBatch() const { return 8; }
  /// Attacks a batch of `batch` examples; throws Error naming the field when the target or the
  /// batch does not suit the attack.
  virtual AttackOutcome run(const AttackTarget& target, int batch,
                            const DlgOptions& options) const = 0;
};

/// dlg, idlg, analytic (attacks.cpp).
const StrategyRegistry<GradientAttack>& gradientAttacks();

/// The fitted result as an outcome: each image's label is its dummy label's largest logit.
AttackOutcome outcomeOf(const DlgResult& result);
/// iDLG's first step, shared by the attacks that need it: a batch of one, its label read.
std::vector<int> readSingleLabel(const AttackTarget& target, int batch, std::string_view why);

}  // namespace distlab::engine
