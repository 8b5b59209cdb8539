#include "aggregate/robust/clipping.h"

#include <algorithm>

namespace distlab::engine {

double clipBound(double bound, std::vector<double> norms) {
  if (bound > 0 || norms.empty()) return bound;
  const auto mid = norms.begin() + static_cast<std::ptrdiff_t>(norms.size() / 2);
  std::nth_element(norms.begin(), mid, norms.end());
  if (norms.size() % 2) return *mid;
  const double upper = *mid;
  return 0.5 * (upper + *std::max_element(norms.begin(), mid));
}

}  // namespace distlab::engine
