#include "core/spec_problems.h"
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

void requireRowsForEveryPart(const Spec& spec, std::size_t rows, int parts, const char* field) {
  if (partitioners().at(spec.cluster.partition).rowsDealt(rows, spec) <
      static_cast<std::size_t>(parts)) {
    throw SpecProblemError(specProblem(field, "more_parts_than_rows",
                                       {std::to_string(parts), std::to_string(rows)}));
  }
}

}  // namespace distlab::engine
