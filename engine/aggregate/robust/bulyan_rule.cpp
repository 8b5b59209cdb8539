// Bulyan (El Mhamdi et al. 2018, "The hidden vulnerability of distributed learning in
// Byzantium"): Krum picks theta = n - 2f pushes one at a time, then every coordinate averages
// the beta = theta - 2f picked values nearest its median. Needs n >= 4f + 3.
#include <algorithm>
#include <numeric>

#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"

namespace distlab::engine {
namespace {

class BulyanRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "bulyan"; }
  int fewestPushes(int f) const override { return 4 * f + 3; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings& settings, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    const std::size_t n = pushes.size();
    const int f = settings.assumedAttackers;
    const auto distances = pairwiseSquaredDistances(pushes);
    std::vector<std::size_t> left(n);
    std::iota(left.begin(), left.end(), 0);
    round.scores = krumScores(distances, n, left, f);
    const std::size_t theta = std::max<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(n) - 2 * f, 1);
    std::vector<std::size_t> picked;
    while (picked.size() < theta) {  // Krum again on what is left, each time
      const auto scores = krumScores(distances, n, left, f);
      const auto best =
          static_cast<std::size_t>(std::min_element(scores.begin(), scores.end()) - scores.begin());
      picked.push_back(left[best]);
      left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
    }
    const std::size_t beta =
        std::max<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(theta) - 2 * f, 1);
    std::vector<std::size_t> trimmed;
    coordinateMiddleMean(pushes, picked, beta, MiddleWindow::NearestToMedian, out, trimmed);
    round.fates.assign(n, PushFate::Excluded);
    for (const std::size_t i : picked) round.fates[i] = PushFate::Kept;
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeBulyanRule() { return std::make_unique<BulyanRule>(); }

}  // namespace distlab::engine
