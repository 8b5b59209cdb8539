#include "core/strategy_names.h"
#include "security/poison_attack.h"

namespace distlab::engine {

std::unique_ptr<PoisonAttack> makeNoAttack();
std::unique_ptr<PoisonAttack> makeLabelFlip();
std::unique_ptr<PoisonAttack> makeBackdoor();
std::unique_ptr<PoisonAttack> makeModelReplacement();
std::unique_ptr<PoisonAttack> makeSignFlip();
std::unique_ptr<PoisonAttack> makeScale();
std::unique_ptr<PoisonAttack> makeGaussian();
std::unique_ptr<PoisonAttack> makeAlie();
std::unique_ptr<PoisonAttack> makeIpm();

const StrategyRegistry<PoisonAttack>& poisonAttacks() {
  static const auto registry = makeRegistry<PoisonAttack>(
      "security.attack", {makeNoAttack, makeLabelFlip, makeBackdoor, makeModelReplacement,
                          makeSignFlip, makeScale, makeGaussian, makeAlie, makeIpm});
  return registry;
}

std::vector<std::string> poisonAttackNames() { return poisonAttacks().names(); }

}  // namespace distlab::engine
