#include "core/strategy_names.h"
#include "security/adversarial/adversarial_attack.h"

namespace distlab::engine {

std::unique_ptr<AdversarialAttack> makeFgsm();
std::unique_ptr<AdversarialAttack> makePgd();

const StrategyRegistry<AdversarialAttack>& adversarialAttacks() {
  static const auto registry =
      makeRegistry<AdversarialAttack>("adversarial.attack", {makeFgsm, makePgd});
  return registry;
}

std::vector<std::string> adversarialAttackNames() { return adversarialAttacks().names(); }

}  // namespace distlab::engine
