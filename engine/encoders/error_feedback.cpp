#include "encoders/error_feedback.h"

#include <algorithm>

namespace distlab::engine {

std::span<const float> ErrorFeedback::correct(std::span<const float> values) {
  m_residual.resize(values.size(), 0.0f);
  m_corrected.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) m_corrected[i] = values[i] + m_residual[i];
  return m_corrected;
}

bool ErrorFeedback::keep(const UpdateEncoder& encoder, std::span<const std::uint8_t> encoded) {
  m_residual.resize(m_corrected.size());
  if (!encoder.decode(encoded, m_residual)) {
    std::fill(m_residual.begin(), m_residual.end(), 0.0f);
    return false;
  }
  for (std::size_t i = 0; i < m_corrected.size(); ++i) m_residual[i] = m_corrected[i] - m_residual[i];
  return true;
}

}  // namespace distlab::engine
