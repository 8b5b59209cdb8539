// Coordinate-wise trimmed mean (Yin et al. 2018): in every coordinate the largest and the
// smallest floor(beta n) values are cut and the rest averaged.
#include <numeric>

#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"

namespace distlab::engine {
namespace {

class TrimmedMeanRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "trimmed-mean"; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings& settings, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    const std::size_t n = pushes.size();
    const auto wanted = static_cast<std::size_t>(settings.trimFraction * static_cast<double>(n));
    const std::size_t cut = std::min(wanted, (n - 1) / 2);  // one value always stays
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    std::vector<std::size_t> trimmed;
    coordinateMiddleMean(pushes, all, n - 2 * cut, MiddleWindow::Centred, out, trimmed);
    round.fates.assign(n, PushFate::Kept);
    round.scores.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      round.scores[i] = static_cast<double>(trimmed[i]) / static_cast<double>(out.size());
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeTrimmedMeanRule() {
  return std::make_unique<TrimmedMeanRule>();
}

}  // namespace distlab::engine
