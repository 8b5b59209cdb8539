#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "encoders/update_encoder.h"

namespace distlab::engine {

/// Error feedback (EF-SGD, Karimireddy et al., 2019; cluster.error_feedback): a worker sends its
/// update plus what earlier encodings left out, and keeps what this one leaves out, so a biased
/// encoder delays part of the update instead of losing it.
class ErrorFeedback {
 public:
  /// The update to encode: `values` plus the residual so far (valid until the next call).
  std::span<const float> correct(std::span<const float> values);
  /// After the corrected update was encoded into `encoded`: the residual becomes what the
  /// decoding misses. Returns false (and forgets the residual) if the bytes do not decode.
  bool keep(const UpdateEncoder& encoder, std::span<const std::uint8_t> encoded);
  std::span<const float> residual() const { return m_residual; }

 private:
  std::vector<float> m_residual, m_corrected;
};

}  // namespace distlab::engine
