#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "data/partition.h"

namespace distlab::engine {

/// Every worker's rows for one epoch under the spec's partitioner (the lecture's section 2).
/// shuffle-split and with-replacement draw a new split every cluster.reshuffle_every epochs;
/// dirichlet and shards split once.
Partition partitionForEpoch(const Spec& spec, const Dataset& train, int epoch);

/// The labels partitioners and statistics use: the classes, or zeros for a regression set.
std::vector<int> partitionLabels(const Dataset& train);

/// Which training rows one worker uses at each of its steps: a pure function of the spec, the
/// data and the step number, so a restarted worker resumes where it was and a test can replay a
/// worker's batches in one process.
class WorkerSchedule {
 public:
  WorkerSchedule(const Spec& spec, const Dataset& train, int rank);

  std::uint64_t stepsPerEpoch() const { return m_stepsPerEpoch; }
  std::uint64_t totalSteps() const { return m_stepsPerEpoch * m_epochs; }
  int epochOf(std::uint64_t step) const { return static_cast<int>(step / m_stepsPerEpoch); }
  /// The rows of one step's batch (valid until the next call).
  std::span<const std::size_t> batch(std::uint64_t step);

 private:
  void prepareEpoch(int epoch);

  const Spec& m_spec;
  const Dataset& m_train;
  int m_rank;
  std::uint64_t m_epochs;
  std::uint64_t m_stepsPerEpoch = 0;
  int m_preparedEpoch = -1;
  std::vector<std::size_t> m_baseRows;  ///< this worker's rows from the partitioner
  std::vector<std::size_t> m_rows;      ///< the same rows in the prepared epoch's order
};

}  // namespace distlab::engine
