#pragma once
#include <cstddef>
#include <vector>

#include "aggregate/robust/robust_aggregator.h"

namespace distlab::engine {

/// Multi-Krum (Blanchard et al. 2017): the `select` pushes of the lowest Krum scores (each push's
/// summed squared distance to its n - f - 2 nearest) are averaged; select = 1 is Krum. Writes
/// the fates (Kept or Excluded) and scores of every push; returns the chosen, best first.
std::vector<std::size_t> multiKrum(std::span<const std::span<const float>> pushes, int f,
                                   std::size_t select, std::span<float> out, RobustRound& round);

}  // namespace distlab::engine
