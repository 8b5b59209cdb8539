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
  const auto weight = static_cast<float>(samples);
  float* sum = m_sum.data();
  const float* u = update.data();
  if (m_contributions == 0) {  // the first one writes: no pass to zero the sum
    for (std::size_t i = 0; i < update.size(); ++i) sum[i] = weight * u[i];
  } else {
    for (std::size_t i = 0; i < update.size(); ++i) sum[i] += weight * u[i];
  }
  m_samples += samples;
  ++m_contributions;
}

void WeightedMean::result(std::span<float> out) const {
  if (out.size() != m_sum.size()) throw Error("result buffer has the wrong size");
  if (m_samples == 0) throw Error("no samples were aggregated");
  // Divide rather than multiply by a reciprocal: one worker's mean is then its update exactly
  // whenever n * u is exact (always for power-of-two batch sizes).
  const auto n = static_cast<float>(m_samples);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = m_sum[i] / n;
}

void WeightedMean::addAndTake(std::span<const float> update, std::uint32_t samples,
                              std::span<float> out) {
  if (update.size() != m_sum.size() || out.size() != m_sum.size()) {
    throw Error("update has " + std::to_string(update.size()) + " values, expected " +
                std::to_string(m_sum.size()));
  }
  if (m_samples + samples == 0) throw Error("no samples were aggregated");
  // The same operations as add() then result(), so the mean is the same to the bit.
  const auto weight = static_cast<float>(samples);
  const auto n = static_cast<float>(m_samples + samples);
  const float* sum = m_sum.data();
  const float* u = update.data();
  float* o = out.data();
  if (m_contributions == 0) {
    for (std::size_t i = 0; i < update.size(); ++i) o[i] = (weight * u[i]) / n;
  } else {
    for (std::size_t i = 0; i < update.size(); ++i) o[i] = (sum[i] + weight * u[i]) / n;
  }
  reset();
}

void weightedMeanSlice(std::span<const std::span<const float>> updates,
                       std::span<const float> weights, float total, std::size_t begin,
                       std::span<float> out) {
  if (updates.empty() || updates.size() != weights.size()) {
    throw Error("weighted mean: " + std::to_string(updates.size()) + " updates and " +
                std::to_string(weights.size()) + " weights");
  }
  float* o = out.data();
  const std::size_t n = out.size();
  for (std::size_t k = 0; k < updates.size(); ++k) {
    if (begin + n > updates[k].size()) throw Error("weighted mean: a slice past an update's end");
    const float* u = updates[k].data() + begin;
    // One division per update, not per value: a vector division costs more than this whole
    // loop's memory traffic. A lone update's scale is exactly 1.
    const float scale = weights[k] / total;
    if (k == 0) {
      for (std::size_t i = 0; i < n; ++i) o[i] = scale * u[i];
    } else {
      for (std::size_t i = 0; i < n; ++i) o[i] += scale * u[i];
    }
  }
}

void WeightedMean::reset() {
  m_samples = 0;
  m_contributions = 0;
}

}  // namespace distlab::engine
