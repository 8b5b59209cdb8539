#pragma once
#include <span>
#include <string_view>

#include "core/spec.h"
#include "core/strategy_registry.h"
#include "data/partition.h"

namespace distlab::engine {

/// What a partitioner splits: the training set's size and labels (all 0 for a regression).
struct PartitionInput {
  std::size_t rows = 0;
  std::span<const int> labels;
  int numClasses = 1;
};

/// A way to split the training data across workers (cluster.partition; the lecture's section 2
/// and, for the non-IID splits, federated learning).
class Partitioner {
 public:
  virtual ~Partitioner() = default;
  virtual std::string_view name() const = 0;
  /// A new split every cluster.reshuffle_every epochs; otherwise one split for the whole run.
  virtual bool splitsAgain() const = 0;
  /// Splits by class label, so a regression set (no labels) cannot use it.
  virtual bool needsLabels() const { return false; }
  /// How many rows the parts share among them: the training set's, or more where rows are
  /// drawn again (with replacement). Fewer than parts leave a part without data.
  virtual std::size_t rowsDealt(std::size_t rows, const Spec&) const { return rows; }
  /// The split used in `epoch`, drawn from the spec's seed.
  virtual Partition split(const PartitionInput& data, const Spec& spec, int epoch) const = 0;
};

/// shuffle-split, with-replacement, dirichlet, shards (partitioners.cpp).
const StrategyRegistry<Partitioner>& partitioners();

/// Refuses (SpecProblemError on `field`) a split of `rows` training rows into `parts` by the
/// spec's cluster.partition that would leave a part without data: said once, before anything
/// starts, rather than by each worker or client left without rows.
void requireRowsForEveryPart(const Spec& spec, std::size_t rows, int parts, const char* field);

/// The same rule for validation, before the data is read: with dataset.train_limit set, no
/// more rows than it are ever split, so a limit too small for `parts` is a problem of `field`
/// already (appended to `errors`). A data set smaller than the limit is found when it is read.
void checkTrainLimitFeedsEveryPart(const Spec& spec, int parts, const char* field,
                                   std::vector<SpecError>& errors);

}  // namespace distlab::engine
