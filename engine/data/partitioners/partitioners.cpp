#include "core/strategy_names.h"
#include "data/partitioners/partitioner.h"

namespace distlab::engine {

std::unique_ptr<Partitioner> makeShuffleSplit();
std::unique_ptr<Partitioner> makeWithReplacement();
std::unique_ptr<Partitioner> makeDirichlet();
std::unique_ptr<Partitioner> makeShards();
std::unique_ptr<Partitioner> makeQuantitySkew();

const StrategyRegistry<Partitioner>& partitioners() {
  static const auto registry = makeRegistry<Partitioner>(
      "cluster.partition", {makeShuffleSplit, makeWithReplacement, makeDirichlet, makeShards,
                            makeQuantitySkew});
  return registry;
}

std::vector<std::string> partitionerNames() { return partitioners().names(); }

}  // namespace distlab::engine
