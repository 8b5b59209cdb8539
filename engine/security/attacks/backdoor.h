#pragma once
#include "security/poison_attack.h"

namespace distlab::engine {

/// The backdoor's data poisoning (BadNets, Gu et al. 2017): a share of the batch, chosen at
/// random, gets the trigger and the target label. Shared by backdoor and model-replacement.
void poisonWithTrigger(Matrix& x, std::vector<int>& labels, const PoisonSettings& s, Rng& rng);

}  // namespace distlab::engine
