#pragma once
#include <vector>

#include "attacks/attack_mlp.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// Reconstructions matched to originals, greedily by PSNR (a batch comes back in any order):
/// match[original] = reconstruction.
std::vector<int> matchImages(const MatD& reconstructions, const MatD& originals);

/// Two rows of 28x28 pictures: the originals on top, each reconstruction under its original,
/// every pixel `scale` x `scale`, `gap` white pixels between them.
Image reconstructionGrid(const MatD& originals, const MatD& reconstructions,
                         const std::vector<int>& match, int scale, int gap);

}  // namespace distlab::engine
