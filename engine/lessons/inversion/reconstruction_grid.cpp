#include "lessons/inversion/reconstruction_grid.h"

#include <algorithm>
#include <cmath>

#include "attacks/inversion.h"

namespace distlab::engine {

std::vector<int> matchImages(const MatD& reconstructions, const MatD& originals) {
  const auto n = static_cast<int>(originals.cols());
  std::vector<int> match(static_cast<std::size_t>(n), -1);
  std::vector<bool> used(static_cast<std::size_t>(n), false);
  for (int round = 0; round < n; ++round) {
    double best = -1e300;
    int bestOriginal = -1, bestRecon = -1;
    for (int o = 0; o < n; ++o) {
      if (match[static_cast<std::size_t>(o)] >= 0) continue;
      for (int r = 0; r < n; ++r) {
        if (used[static_cast<std::size_t>(r)]) continue;
        const double q = psnr(reconstructions.col(r), originals.col(o));
        if (q > best) best = q, bestOriginal = o, bestRecon = r;
      }
    }
    match[static_cast<std::size_t>(bestOriginal)] = bestRecon;
    used[static_cast<std::size_t>(bestRecon)] = true;
  }
  return match;
}

Image reconstructionGrid(const MatD& originals, const MatD& reconstructions,
                         const std::vector<int>& match, int scale, int gap) {
  const int side = 28 * scale;
  const auto batch = static_cast<int>(originals.cols());
  Image grid;
  grid.width = batch * (side + gap) + gap;
  grid.height = 2 * (side + gap) + gap;
  grid.pixels.assign(static_cast<std::size_t>(grid.width) * grid.height, 255);
  for (int b = 0; b < batch; ++b) {
    for (int row = 0; row < 2; ++row) {
      const VecD img = row == 0 ? VecD(originals.col(b))
                                : VecD(reconstructions.col(match[static_cast<std::size_t>(b)]));
      for (int py = 0; py < side; ++py) {
        for (int px = 0; px < side; ++px) {
          const int gx = gap + b * (side + gap) + px, gy = gap + row * (side + gap) + py;
          const double v = std::clamp(img[(py / scale) * 28 + px / scale], 0.0, 1.0);
          grid.pixels[static_cast<std::size_t>(gy) * grid.width + gx] =
              static_cast<std::uint8_t>(std::lround(v * 255.0));
        }
      }
    }
  }
  return grid;
}

}  // namespace distlab::engine
