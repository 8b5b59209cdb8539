#include "aggregate/robust/robust_aggregator.h"
#include "core/strategy_names.h"

namespace distlab::engine {

std::unique_ptr<RobustAggregator> makeMeanRule();
std::unique_ptr<RobustAggregator> makeMedianRule();
std::unique_ptr<RobustAggregator> makeTrimmedMeanRule();
std::unique_ptr<RobustAggregator> makeKrumRule();
std::unique_ptr<RobustAggregator> makeMultiKrumRule();
std::unique_ptr<RobustAggregator> makeBulyanRule();
std::unique_ptr<RobustAggregator> makeNormClipRule();
std::unique_ptr<RobustAggregator> makeCenteredClipRule();

const StrategyRegistry<RobustAggregator>& robustAggregators() {
  static const auto registry = makeRegistry<RobustAggregator>(
      "security.aggregator",
      {makeMeanRule, makeMedianRule, makeTrimmedMeanRule, makeKrumRule, makeMultiKrumRule,
       makeBulyanRule, makeNormClipRule, makeCenteredClipRule});
  return registry;
}

std::vector<std::string> robustAggregatorNames() { return robustAggregators().names(); }

}  // namespace distlab::engine
