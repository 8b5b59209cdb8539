#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/rng.h"
#include "core/spec.h"

namespace distlab::engine {

/// The batches of single-process training (nn/trainer.cpp), epoch after epoch: the training
/// order reshuffled at each epoch's start from the seed's Shuffle stream, cut into batches
/// (the last one shorter, or dropped with drop_last). Every stage of a pipeline walks the same
/// order, so stage 0's inputs and the last stage's labels belong to the same examples, and the
/// run equals single-process training.
class BatchOrder {
 public:
  BatchOrder(const TrainingSpec& training, std::size_t examples, std::uint64_t seed);
  std::size_t batchesPerEpoch() const;
  /// The rows of the next batch.
  std::span<const std::size_t> next();

 private:
  TrainingSpec m_training;
  Rng m_rng;
  std::vector<std::size_t> m_order;
  std::size_t m_used = 0;  ///< examples of this epoch's order; 0 at an epoch's start
  std::size_t m_start = 0;
};

/// The updates of a model-parallel run: model_parallel.steps, or training.epochs passes over a
/// training set of `examples`.
std::uint64_t pipelineSteps(const Spec& spec, std::size_t examples);

}  // namespace distlab::engine
