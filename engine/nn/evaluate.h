#pragma once
#include <vector>

#include "data/dataset.h"
#include "nn/loss.h"
#include "nn/model.h"

namespace distlab::engine {

struct ModelScore {
  double loss = 0.0;
  double accuracy = 0.0;  ///< share of correct argmax predictions (0 for regression sets)
  std::size_t examples = 0;
  /// confusion[trueClass][predictedClass] counts (empty for regression sets).
  std::vector<std::vector<long long>> confusion;
};

/// Copies rows of a data set into the column-per-example batch layout the model consumes.
void gatherBatch(const Dataset& data, std::span<const std::size_t> rows, Matrix& x,
                 std::vector<int>& labels, Matrix& targets);

/// Only the labels (classification) or targets (regression) of those rows: what a loss needs
/// where the inputs are not (a pipeline's last stage).
void gatherTargets(const Dataset& data, std::span<const std::size_t> rows,
                   std::vector<int>& labels, Matrix& targets);

/// Asks the CPU to start loading these rows into cache (the next batch, while this one computes):
/// rows picked at random from a 200 MB data set otherwise come from DRAM at gather time.
void prefetchRows(const Dataset& data, std::span<const std::size_t> rows);

/// Loss, accuracy and confusion matrix of the model on the whole data set, in batches.
ModelScore evaluate(Model& model, const Dataset& data, LossKind loss, int batchSize = 1000);

}  // namespace distlab::engine
