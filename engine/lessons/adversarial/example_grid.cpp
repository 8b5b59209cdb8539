#include "lessons/adversarial/example_grid.h"

#include <algorithm>
#include <cmath>

namespace distlab::engine {

Image adversarialGrid(const Matrix& originals, const Matrix& adversarial, const Shape& shape,
                      float low, float high, double epsilon, int scale, int gap) {
  const int w = shape.width * scale, h = shape.height * scale;
  const auto count = static_cast<int>(originals.cols());
  const int channels = shape.channels == 3 ? 3 : 1;
  Image grid;
  grid.channels = channels;
  grid.width = count * (w + gap) + gap;
  grid.height = 3 * (h + gap) + gap;
  grid.pixels.assign(static_cast<std::size_t>(grid.width) * grid.height * channels, 255);
  const std::size_t plane = static_cast<std::size_t>(shape.height) * shape.width;
  const double range = std::max(1e-12, static_cast<double>(high) - low);
  for (int b = 0; b < count; ++b) {
    for (int row = 0; row < 3; ++row) {
      for (int py = 0; py < h; ++py) {
        for (int px = 0; px < w; ++px) {
          const std::size_t at = static_cast<std::size_t>(py / scale) * shape.width + px / scale;
          const int gx = gap + b * (w + gap) + px, gy = gap + row * (h + gap) + py;
          for (int c = 0; c < channels; ++c) {
            const auto k = static_cast<Eigen::Index>(c * plane + at);
            const double original = originals(k, b), moved = adversarial(k, b);
            const double v = row == 0   ? (original - low) / range
                             : row == 1 ? (moved - low) / range
                                        : 0.5 + 0.5 * (moved - original) / epsilon;
            grid.pixels[(static_cast<std::size_t>(gy) * grid.width + gx) * channels + c] =
                static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
          }
        }
      }
    }
  }
  return grid;
}

}  // namespace distlab::engine
