#include <optional>

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

namespace {

std::optional<SpecError> rowsProblem(const Spec& spec, std::size_t rows, int parts,
                                     const char* field) {
  // The rows dealt: all of them, or as many draws as cluster.draws_factor makes of them.
  const std::size_t dealt = partitioners().at(spec.cluster.partition).rowsDealt(rows, spec);
  if (dealt >= static_cast<std::size_t>(parts)) return std::nullopt;
  return specProblem(field, "more_parts_than_rows",
                     {std::to_string(parts), std::to_string(rows), std::to_string(dealt)});
}

}  // namespace

void requireRowsForEveryPart(const Spec& spec, std::size_t rows, int parts, const char* field) {
  if (auto problem = rowsProblem(spec, rows, parts, field)) throw SpecProblemError(*problem);
}

void checkTrainLimitFeedsEveryPart(const Spec& spec, int parts, const char* field,
                                   std::vector<SpecError>& errors) {
  if (spec.dataset.trainLimit <= 0) return;
  const auto limit = static_cast<std::size_t>(spec.dataset.trainLimit);
  if (auto problem = rowsProblem(spec, limit, parts, field)) errors.push_back(*problem);
}

}  // namespace distlab::engine
