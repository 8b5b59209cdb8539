// Top-k sparsification: of each tensor only the largest |entries| are kept, the fraction
// `strength` pruned to zero (0.9 = 90%).
#include <algorithm>
#include <memory>

#include "core/error.h"
#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class TopK final : public Defense {
 public:
  std::string_view name() const override { return "topk"; }
  double strengthLimit() const override { return 1.0; }
  void defend(std::span<const std::span<double>> tensors, double strength, Rng&) const override {
    if (strength < 0 || strength >= 1) {
      throw Error("topk: the pruned fraction " + std::to_string(strength) +
                  " is out of range; allowed: 0 to below 1");
    }
    for (const auto& t : tensors) prune(t, strength);
  }

 private:
  static void prune(std::span<double> v, double strength) {
    const std::size_t n = v.size();
    const auto keep = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::llround(static_cast<double>(n) * (1.0 - strength))));
    if (keep >= n) return;
    std::vector<double> magnitudes(v.begin(), v.end());
    for (double& m : magnitudes) m = std::abs(m);
    std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<std::ptrdiff_t>(n - keep),
                     magnitudes.end());
    const double threshold = magnitudes[n - keep];
    std::size_t kept = 0;
    for (double& x : v) {
      // Ties at the threshold: keep only as many as allowed.
      if (std::abs(x) > threshold || (std::abs(x) == threshold && kept < keep)) {
        ++kept;
      } else {
        x = 0.0;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Defense> makeTopK() { return std::make_unique<TopK>(); }

}  // namespace distlab::engine
