#pragma once
#include <algorithm>
#include <cstddef>

namespace distlab::engine {

/// A token bucket for a per-worker link cap: refills at `rate` bytes/s up to `burst` bytes and
/// starts full. Pure (time is passed in, nothing sleeps), so the cap is unit-testable.
class TokenBucket {
 public:
  /// bytesPerSecond <= 0 means no cap.
  TokenBucket(double bytesPerSecond, double burstBytes)
      : m_rate(bytesPerSecond), m_burst(std::max(burstBytes, 0.0)), m_tokens(m_burst) {}

  bool unlimited() const { return m_rate <= 0.0; }

  /// Takes `bytes` tokens at time `now` (seconds on a monotonic clock) and returns how long the
  /// sender must wait before sending. Tokens may go negative (a message larger than the burst
  /// borrows), so the long-run rate is exactly the cap.
  double reserve(std::size_t bytes, double now) {
    if (unlimited()) return 0.0;
    if (m_started) m_tokens = std::min(m_burst, m_tokens + (now - m_last) * m_rate);
    m_started = true;
    m_last = now;
    m_tokens -= static_cast<double>(bytes);
    return m_tokens >= 0.0 ? 0.0 : -m_tokens / m_rate;
  }

 private:
  double m_rate, m_burst, m_tokens;
  double m_last = 0.0;
  bool m_started = false;
};

}  // namespace distlab::engine
