// The plain (weighted) mean: what the server does without defenses. One push scaled by any
// factor moves it anywhere (Blanchard et al. 2017), which is the lesson's point.
#include <algorithm>

#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/weighted_mean.h"

namespace distlab::engine {
namespace {

class MeanRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "mean"; }
  bool trustsEveryPush() const override { return true; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float> weights,
               const RobustSettings&, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    float total = 0.0f;
    for (const float w : weights) total += w;
    weightedMeanSlice(pushes, weights, total, 0, out);
    round.fates.assign(pushes.size(), PushFate::Kept);
    round.scores.assign(pushes.size(), 0.0);
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeMeanRule() { return std::make_unique<MeanRule>(); }

}  // namespace distlab::engine
