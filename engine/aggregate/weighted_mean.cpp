#include "aggregate/weighted_mean.h"

#include <algorithm>
#include <string>

#include "core/error.h"

namespace distlab::engine {

void WeightedMean::add(std::span<const float> update, std::uint32_t samples) {
  if (update.size() != m_sum.size()) {
    throw Error("update has " + std::to_string(update.size()) + " values, expected " +
                std::to_string(m_sum.size()));
  }
  const double weight = samples;
  for (std::size_t i = 0; i < update.size(); ++i) m_sum[i] += weight * update[i];
  m_samples += samples;
  ++m_contributions;
}

void WeightedMean::result(std::span<float> out) const {
  if (out.size() != m_sum.size()) throw Error("result buffer has the wrong size");
  if (m_samples == 0) throw Error("no samples were aggregated");
  const double scale = 1.0 / static_cast<double>(m_samples);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<float>(m_sum[i] * scale);
}

void WeightedMean::reset() {
  std::fill(m_sum.begin(), m_sum.end(), 0.0);
  m_samples = 0;
  m_contributions = 0;
}

}  // namespace distlab::engine
