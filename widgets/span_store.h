#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "widgets/time_mapper.h"

namespace distlab::widgets {

/// One span of the timeline, kept small (32 bytes): a million of them fit in 32 MB.
struct TimelineSpan {
  std::int64_t startNs = 0, endNs = 0;
  std::uint32_t step = 0;
  std::uint32_t bytes = 0;
  std::uint8_t kind = 0;  ///< engine SpanKind: compute, push, pull, wait, aggregate, evaluate,
                          ///< forward, backward, send, receive, idle
};
inline constexpr int kSpanKinds = 11;

/// What to paint for one lane: a rectangle at least a pixel wide.
struct LaneRect {
  double x0 = 0, x1 = 0;
  std::uint8_t kind = 0;
};

/// The timeline's spans, one lane per worker plus one for the server, each sorted by start time.
class SpanStore {
 public:
  /// lane: -1 for the server, k for worker k.
  void add(int lane, const TimelineSpan& span);
  void clear();

  int laneCount() const { return static_cast<int>(m_lanes.size()); }
  /// Lane index 0 is the server, i + 1 is worker i.
  const std::vector<TimelineSpan>& lane(int index) const { return m_lanes.at(index).spans; }
  std::int64_t firstNs() const { return m_first; }
  std::int64_t lastNs() const { return m_last; }
  /// Where the workers' (or stages') lanes end, lastNs() when only the server's lane has spans.
  std::int64_t lastWorkerNs() const { return m_hasWorkerSpan ? m_lastWorker : m_last; }
  std::size_t spanCount() const;
  /// Memory held by the spans (capacity included).
  std::size_t bytesUsed() const;

  /// The spans of a lane visible through the mapper across `width` pixels, with spans narrower
  /// than a pixel merged per pixel column into one rectangle of the kind covering most time there.
  std::vector<LaneRect> layout(int laneIndex, const TimeMapper& mapper, int width) const;
  /// The span under time t in a lane, or nullptr.
  const TimelineSpan* spanAt(int laneIndex, std::int64_t timeNs) const;

 private:
  struct Lane {
    std::vector<TimelineSpan> spans;
    std::int64_t longestNs = 0;  ///< bounds the search back from a visible start
  };
  /// First span that may reach past timeNs (binary search on start, backed off by the longest).
  std::size_t firstReaching(const Lane& lane, std::int64_t timeNs) const;

  std::vector<Lane> m_lanes;
  std::int64_t m_first = 0, m_last = 0, m_lastWorker = 0;
  bool m_empty = true, m_hasWorkerSpan = false;
};

}  // namespace distlab::widgets
