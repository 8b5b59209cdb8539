#include <algorithm>

#include "security/backdoor_trigger.h"
#include "security/poison_attack.h"

namespace distlab::engine {

bool isAttacker(const Spec& spec, int who) {
  const auto& a = spec.security.attackers;
  return !poisonAttacks().at(spec.security.attack).harmless() &&
         std::find(a.begin(), a.end(), who) != a.end();
}

PoisonSettings poisonSettings(const Spec& spec, const Dataset& train, int parties) {
  const auto& sec = spec.security;
  const PoisonAttack& attack = poisonAttacks().at(sec.attack);
  PoisonSettings s;
  s.workers = parties;
  s.attackers = static_cast<int>(sec.attackers.size());
  s.strength = sec.attackStrength > 0 ? sec.attackStrength : attack.defaultStrength();
  s.classes = train.numClasses;
  s.target = sec.backdoorTarget;
  s.poisonShare = sec.poisonShare;
  s.shape = train.shape;
  s.triggerValue = attack.plantsBackdoor() ? brightestValue(train) : 1.0f;
  return s;
}

}  // namespace distlab::engine
