// Centered clipping (Karimireddy, He & Jaggi 2021, "Learning from history for Byzantine robust
// optimization"), one iteration: v <- v + (1/n) sum_i clip(x_i - v, tau), starting from the
// last round's aggregate (the first round from the coordinate-wise median).
#include <cmath>
#include <numeric>

#include "aggregate/robust/clipping.h"
#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"

namespace distlab::engine {
namespace {

class CenteredClipRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "centered-clip"; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings& settings, RobustMemory& memory, std::span<float> out,
               RobustRound& round) const override {
    const std::size_t n = pushes.size(), d = out.size();
    if (memory.center.size() != d) {
      memory.center.resize(d);
      std::vector<std::size_t> all(n), trimmed;
      std::iota(all.begin(), all.end(), 0);
      coordinateMiddleMean(pushes, all, n % 2 ? 1 : 2, MiddleWindow::Centred, memory.center,
                           trimmed);
    }
    const std::vector<float>& v = memory.center;
    std::vector<double> distances(n);
    for (std::size_t i = 0; i < n; ++i) distances[i] = distance(pushes[i], v);
    const double tau = clipBound(settings.clipNorm, distances);
    round.fates.assign(n, PushFate::Kept);
    round.scores.assign(n, 1.0);
    std::copy(v.begin(), v.end(), out.begin());
    for (std::size_t i = 0; i < n; ++i) {
      const double scale = distances[i] > tau ? tau / distances[i] : 1.0;
      if (scale < 1.0) round.fates[i] = PushFate::Clipped;
      round.scores[i] = scale;
      const auto s = static_cast<float>(scale / static_cast<double>(n));
      const float* x = pushes[i].data();
      for (std::size_t k = 0; k < d; ++k) out[k] += s * (x[k] - v[k]);
    }
    memory.center.assign(out.begin(), out.end());
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeCenteredClipRule() {
  return std::make_unique<CenteredClipRule>();
}

}  // namespace distlab::engine
