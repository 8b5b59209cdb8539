#include "nn/gradient_check.h"

#include <algorithm>
#include <cmath>

namespace distlab::engine {

void numericalGradient(std::span<float> values, const std::function<double()>& f, float step,
                       std::span<double> out) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const float saved = values[i];
    // The float sums saved +- step round; divide by the distance actually stepped.
    const float up = saved + step, down = saved - step;
    values[i] = up;
    const double plus = f();
    values[i] = down;
    const double minus = f();
    values[i] = saved;
    out[i] = (plus - minus) / (static_cast<double>(up) - static_cast<double>(down));
  }
}

double relativeError(std::span<const float> analytic, std::span<const double> reference) {
  double scale = 1.0, worst = 0.0;
  for (double r : reference) scale = std::max(scale, std::abs(r));
  for (std::size_t i = 0; i < analytic.size(); ++i) {
    worst = std::max(worst, std::abs(static_cast<double>(analytic[i]) - reference[i]));
  }
  return worst / scale;
}

}  // namespace distlab::engine
