// Coordinate-wise median (Yin et al. 2018): every coordinate of the aggregate is the median of
// the pushes' values there, so fewer than half the pushes cannot drag it past the honest range.
#include <numeric>

#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"

namespace distlab::engine {
namespace {

class MedianRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "median"; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings&, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    const std::size_t n = pushes.size();
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    std::vector<std::size_t> trimmed;
    coordinateMiddleMean(pushes, all, n % 2 ? 1 : 2, MiddleWindow::Centred, out, trimmed);
    round.fates.assign(n, PushFate::Kept);  // no push is left out as a whole
    round.scores.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      round.scores[i] = static_cast<double>(trimmed[i]) / static_cast<double>(out.size());
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeMedianRule() { return std::make_unique<MedianRule>(); }

}  // namespace distlab::engine
