#pragma once
#include <cstdint>
#include <string_view>

#include "core/strategy_registry.h"

namespace distlab::engine {

/// How the server combines the pushes of one round or the models of local SGD
/// (cluster.aggregation): each push counts by its weight in the mean.
class PushAggregator {
 public:
  virtual ~PushAggregator() = default;
  virtual std::string_view name() const = 0;
  /// The weight of a push computed on `samples` examples.
  virtual std::uint32_t weight(std::uint32_t samples) const = 0;
  /// Pushes count by their examples (the mean is then the gradient of all the round's data).
  bool weighsByExamples() const { return weight(2) == 2; }
};

/// weighted-mean, mean (push_aggregators.cpp).
const StrategyRegistry<PushAggregator>& pushAggregators();

}  // namespace distlab::engine
