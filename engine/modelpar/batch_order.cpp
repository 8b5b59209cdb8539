#include "modelpar/batch_order.h"

#include <algorithm>
#include <numeric>

#include "core/error.h"

namespace distlab::engine {

BatchOrder::BatchOrder(const TrainingSpec& training, std::size_t examples, std::uint64_t seed)
    : m_training(training), m_rng(Rng::stream(seed, RngPurpose::Shuffle)), m_order(examples) {
  if (examples == 0) throw Error("the training set is empty");
  std::iota(m_order.begin(), m_order.end(), std::size_t{0});
  const auto batch = static_cast<std::size_t>(m_training.batchSize);
  m_used = m_order.size();
  if (m_training.dropLast && m_used >= batch) m_used -= m_used % batch;
  m_start = m_used;  // the first next() begins an epoch
}

std::size_t BatchOrder::batchesPerEpoch() const {
  const auto batch = static_cast<std::size_t>(m_training.batchSize);
  return (m_used + batch - 1) / batch;
}

std::span<const std::size_t> BatchOrder::next() {
  const auto batch = static_cast<std::size_t>(m_training.batchSize);
  if (m_start >= m_used) {
    if (m_training.shuffle) m_rng.shuffle(std::span<std::size_t>(m_order));
    m_start = 0;
  }
  const std::span<const std::size_t> rows(m_order.data() + m_start,
                                          std::min(batch, m_used - m_start));
  m_start += rows.size();
  return rows;
}

std::uint64_t pipelineSteps(const Spec& spec, std::size_t examples) {
  if (spec.modelParallel.steps > 0) return static_cast<std::uint64_t>(spec.modelParallel.steps);
  const BatchOrder order(spec.training, examples, spec.seed);
  return static_cast<std::uint64_t>(spec.training.epochs) * order.batchesPerEpoch();
}

}  // namespace distlab::engine
