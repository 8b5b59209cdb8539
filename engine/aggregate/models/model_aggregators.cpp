#include "aggregate/models/model_aggregator.h"
#include "core/strategy_names.h"

namespace distlab::engine {

std::unique_ptr<ModelAggregator> makeAverageModels();
std::unique_ptr<ModelAggregator> makeEnsembleModels();
std::unique_ptr<ModelAggregator> makeEnsembleCompressionModels();

const StrategyRegistry<ModelAggregator>& modelAggregators() {
  static const auto registry = makeRegistry<ModelAggregator>(
      "cluster.model_aggregation",
      {makeAverageModels, makeEnsembleModels, makeEnsembleCompressionModels});
  return registry;
}

std::vector<std::string> modelAggregatorNames() { return modelAggregators().names(); }

}  // namespace distlab::engine
