// Krum and Multi-Krum (Blanchard et al. 2017, "Machine learning with adversaries"): a push far
// from its nearest neighbours scores high and is left out. Needs n >= 2f + 3.
#include "aggregate/robust/krum_rules.h"

#include <algorithm>
#include <numeric>

#include "aggregate/robust/robust_math.h"

namespace distlab::engine {

std::vector<std::size_t> multiKrum(std::span<const std::span<const float>> pushes, int f,
                                   std::size_t select, std::span<float> out, RobustRound& round) {
  const std::size_t n = pushes.size();
  const auto distances = pairwiseSquaredDistances(pushes);
  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  round.scores = krumScores(distances, n, all, f);
  std::vector<std::size_t> order = all;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return round.scores[a] < round.scores[b]; });
  order.resize(std::clamp<std::size_t>(select, 1, n));
  round.fates.assign(n, PushFate::Excluded);
  for (const std::size_t i : order) round.fates[i] = PushFate::Kept;
  meanOf(pushes, order, out);
  return order;
}

namespace {

class KrumRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "krum"; }
  int fewestPushes(int f) const override { return 2 * f + 3; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings& settings, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    multiKrum(pushes, settings.assumedAttackers, 1, out, round);
  }
};

class MultiKrumRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "multi-krum"; }
  int fewestPushes(int f) const override { return 2 * f + 3; }
  bool picksBestPushes() const override { return true; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings& settings, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    const int f = settings.assumedAttackers;
    const auto n = static_cast<int>(pushes.size());
    const int select = settings.krumSelect > 0 ? settings.krumSelect : n - f;
    multiKrum(pushes, f, static_cast<std::size_t>(std::max(select, 1)), out, round);
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeKrumRule() { return std::make_unique<KrumRule>(); }
std::unique_ptr<RobustAggregator> makeMultiKrumRule() { return std::make_unique<MultiKrumRule>(); }

}  // namespace distlab::engine
