#include "cluster/worker_schedule.h"

#include <algorithm>

#include "core/error.h"
#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

// Index of a worker's per-epoch shuffle stream: disjoint for every (epoch, rank).
std::uint64_t shuffleStreamIndex(int epoch, int rank) {
  return (static_cast<std::uint64_t>(epoch) << 16) | static_cast<std::uint64_t>(rank);
}

std::uint64_t stepsFor(std::size_t rows, const TrainingSpec& t) {
  const auto b = static_cast<std::size_t>(t.batchSize);
  if (t.dropLast && rows >= b) return rows / b;
  return (rows + b - 1) / b;
}

}  // namespace

std::vector<int> partitionLabels(const Dataset& train) {
  if (!train.isRegression()) return train.labels;
  return std::vector<int>(train.size(), 0);
}

Partition partitionForEpoch(const Spec& spec, const Dataset& train, int epoch) {
  const auto labels = partitionLabels(train);
  const PartitionInput input{train.size(), labels, train.numClasses};
  return partitioners().at(spec.cluster.partition).split(input, spec, epoch);
}

WorkerSchedule::WorkerSchedule(const Spec& spec, const Dataset& train, int rank)
    : m_spec(spec),
      m_train(train),
      m_rank(rank),
      m_epochs(static_cast<std::uint64_t>(spec.training.epochs)) {
  if (rank < 0 || rank >= spec.cluster.workers) {
    throw Error("rank " + std::to_string(rank) + " is out of range; allowed: 0 to " +
                std::to_string(spec.cluster.workers - 1));
  }
  prepareEpoch(0);
  // Every split of a run gives a worker the same number of rows, so the step count is fixed.
  m_stepsPerEpoch = stepsFor(m_rows.size(), spec.training);
  if (m_stepsPerEpoch == 0) {
    throw Error("worker " + std::to_string(rank) + " got no training rows; use fewer workers " +
                "or another cluster.partition");
  }
}

std::span<const std::size_t> WorkerSchedule::batch(std::uint64_t step) {
  const int epoch = epochOf(step);
  if (epoch != m_preparedEpoch) prepareEpoch(epoch);
  const auto b = static_cast<std::size_t>(m_spec.training.batchSize);
  const std::size_t start = static_cast<std::size_t>(step % m_stepsPerEpoch) * b;
  const std::size_t count = std::min(b, m_rows.size() - std::min(start, m_rows.size()));
  return {m_rows.data() + start, count};
}

void WorkerSchedule::prepareEpoch(int epoch) {
  const bool splitsAgain = partitioners().at(m_spec.cluster.partition).splitsAgain();
  if (m_preparedEpoch < 0 || splitsAgain) {
    auto split = partitionForEpoch(m_spec, m_train, epoch);
    m_baseRows = std::move(split.rows.at(static_cast<std::size_t>(m_rank)));
  }
  m_rows = m_baseRows;
  if (m_spec.training.shuffle) {
    auto rng = Rng::stream(m_spec.seed, RngPurpose::Shuffle, shuffleStreamIndex(epoch, m_rank));
    rng.shuffle(std::span<std::size_t>(m_rows));
  }
  m_preparedEpoch = epoch;
}

}  // namespace distlab::engine
