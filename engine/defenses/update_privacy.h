#pragma once
#include <span>

#include "core/rng.h"

namespace distlab::engine {

// The two steps of differential privacy on a whole update (a worker's gradient push, a
// federated client's model change), privacy.dp: bound what one party can change, then hide it.

/// Scales `update` down to L2 norm `clip` when it is longer; returns its norm before.
double clipToNorm(std::span<float> update, double clip);

/// Adds independent N(0, stddev^2) to every value.
void addGaussianNoise(std::span<float> values, double stddev, Rng& rng);

}  // namespace distlab::engine
