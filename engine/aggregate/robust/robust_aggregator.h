#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "aggregate/robust/push_fate.h"
#include "core/strategy_registry.h"

namespace distlab::engine {

/// The rules' parameters (security.*).
struct RobustSettings {
  int assumedAttackers = 0;   ///< f: the malicious pushes a rule must survive
  double trimFraction = 0.1;  ///< trimmed-mean: share cut at each end of every coordinate
  int krumSelect = 0;         ///< multi-krum: pushes averaged (0: n - f)
  double clipNorm = 0.0;      ///< norm-clip, centered-clip: the bound (0: the round's median)
};

/// What a rule keeps from one round to the next (centered clipping's centre).
struct RobustMemory {
  std::vector<float> center;
};

/// One round's verdict of a rule, a value per push in the order given.
struct RobustRound {
  std::vector<PushFate> fates;
  /// The rule's own measure: Krum's score (sum of squared distances to the n - f - 2 nearest),
  /// the clipping factor, the share of trimmed coordinates; 0 for the mean.
  std::vector<double> scores;
};

/// How the server combines a round's pushes when some may be malicious (security.aggregator):
/// the lecture's robust aggregation against poisoning. Pushes are gradients under BSP or models
/// under local SGD; every rule but the mean counts each push the same, as in its paper.
class RobustAggregator {
 public:
  virtual ~RobustAggregator() = default;
  virtual std::string_view name() const = 0;
  /// The plain mean: every push counts as it came (no defense).
  virtual bool trustsEveryPush() const { return false; }
  /// The fewest pushes a round needs when f may be malicious (Krum: 2f + 3, Bulyan: 4f + 3).
  virtual int fewestPushes(int /*f*/) const { return 1; }
  /// Whether it averages the security.krum_select best-scored pushes (at most n - f of them).
  virtual bool picksBestPushes() const { return false; }
  /// Writes the aggregate of `pushes` (each out.size() floats) to `out` and the verdict of each
  /// push to `round`. `weights`: the pushes' weights in a plain mean (cluster.aggregation).
  virtual void combine(std::span<const std::span<const float>> pushes,
                       std::span<const float> weights, const RobustSettings& settings,
                       RobustMemory& memory, std::span<float> out, RobustRound& round) const = 0;
};

/// mean, median, trimmed-mean, krum, multi-krum, bulyan, norm-clip, centered-clip
/// (robust_aggregators.cpp).
const StrategyRegistry<RobustAggregator>& robustAggregators();

}  // namespace distlab::engine
