#pragma once
#include "core/rng.h"
#include "data/dataset.h"

namespace distlab::engine {

/// The lecture's example: the heights (m) and weights (kg) of n people, weight = b*height + a +
/// noise with b = 60, a = -35 and noise ~ N(0, (noise*10 kg)^2); one feature, one target.
Dataset makeHeightWeight(int n, double noise, Rng& rng);
/// `classes` Gaussian clusters in 2-D, centres evenly on a circle of radius 3, std 0.5+noise.
Dataset makeBlobs(int n, int classes, double noise, Rng& rng);
/// Two interleaved spirals (2 classes) in 2-D with Gaussian jitter of std `noise`.
Dataset makeSpirals(int n, double noise, Rng& rng);

}  // namespace distlab::engine
