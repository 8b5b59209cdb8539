#pragma once
#include <algorithm>
#include <cstdint>

namespace distlab::widgets {

/// Maps times (ns on the coordinator's clock) to x pixels and back for the timeline: a left
/// edge and a scale. Zooming keeps the time under the cursor where it is.
class TimeMapper {
 public:
  TimeMapper(std::int64_t startNs = 0, double nsPerPixel = 1e6)
      : m_start(startNs), m_nsPerPixel(nsPerPixel) {}

  double x(std::int64_t timeNs) const {
    return static_cast<double>(timeNs - m_start) / m_nsPerPixel;
  }
  std::int64_t time(double x) const {
    return m_start + static_cast<std::int64_t>(x * m_nsPerPixel);
  }
  std::int64_t start() const { return m_start; }
  double nsPerPixel() const { return m_nsPerPixel; }
  /// The time range [start, end) that `width` pixels show.
  std::int64_t end(int width) const { return time(width); }

  /// Zooms by `factor` (> 1: in) around pixel `anchorX`, within [1 ns, 1 h] per pixel.
  void zoom(double anchorX, double factor) {
    const std::int64_t anchor = time(anchorX);
    m_nsPerPixel = std::clamp(m_nsPerPixel / factor, 1.0, 3.6e12);
    m_start = anchor - static_cast<std::int64_t>(anchorX * m_nsPerPixel);
  }
  /// Moves the view by `dx` pixels (positive: the content moves right, earlier times come in).
  void pan(double dx) { m_start -= static_cast<std::int64_t>(dx * m_nsPerPixel); }
  /// Shows [fromNs, toNs] across `width` pixels.
  void fit(std::int64_t fromNs, std::int64_t toNs, int width) {
    m_start = fromNs;
    m_nsPerPixel = std::max(1.0, static_cast<double>(toNs - fromNs) / std::max(width, 1));
  }

 private:
  std::int64_t m_start;
  double m_nsPerPixel;
};

}  // namespace distlab::widgets
