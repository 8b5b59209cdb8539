#pragma once
#include <algorithm>
#include <cstddef>

namespace distlab::engine {

/// Token bucket for a per-worker link cap: refills at bytesPerSecond up to burstBytes and starts
/// full. Pure (time is passed in, nothing sleeps or reads a clock), so the cap is unit-testable.
class TokenBucket {
 public:
  /// bytesPerSecond <= 0 means unlimited.
  TokenBucket(double bytesPerSecond, double burstBytes)
      : m_rate(bytesPerSecond), m_burst(std::max(burstBytes, 0.0)), m_tokens(m_burst) {}

  bool unlimited() const { return !(m_rate > 0.0); }

  /// Takes `bytes` tokens at time nowSeconds (seconds on any monotonic clock) and returns how
  /// long the sender must wait before the send is allowed (0 if there were enough tokens).
  /// Tokens may go negative (a large message borrows), so a message bigger than the burst still
  /// goes through after the right delay and the long-run rate is exactly bytesPerSecond; a
  /// sender that waits the returned time is back at zero tokens when it sends.
  double reserve(std::size_t bytes, double nowSeconds) {
    if (unlimited()) return 0.0;
    if (!m_started) {
      m_started = true;
      m_last = nowSeconds;
    } else if (nowSeconds > m_last) {  // idle time refills, never past the burst
      m_tokens = std::min(m_burst, m_tokens + (nowSeconds - m_last) * m_rate);
      m_last = nowSeconds;
    }
    m_tokens -= static_cast<double>(bytes);
    return m_tokens >= 0.0 ? 0.0 : -m_tokens / m_rate;
  }

 private:
  double m_rate;
  double m_burst;
  double m_tokens;
  double m_last = 0.0;  ///< time of the latest reserve()
  bool m_started = false;
};

}  // namespace distlab::engine
