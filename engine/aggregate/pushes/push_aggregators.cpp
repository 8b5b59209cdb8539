#include "aggregate/pushes/push_aggregator.h"
#include "core/strategy_names.h"

namespace distlab::engine {

std::unique_ptr<PushAggregator> makeWeightedMeanOfPushes();
std::unique_ptr<PushAggregator> makeMeanOfPushes();

const StrategyRegistry<PushAggregator>& pushAggregators() {
  static const auto registry = makeRegistry<PushAggregator>(
      "cluster.aggregation", {makeWeightedMeanOfPushes, makeMeanOfPushes});
  return registry;
}

std::vector<std::string> pushAggregatorNames() { return pushAggregators().names(); }

}  // namespace distlab::engine
