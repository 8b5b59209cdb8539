#include "widgets/span_store.h"

#include <algorithm>
#include <cmath>

namespace distlab::widgets {

void SpanStore::add(int lane, const TimelineSpan& span) {
  const auto index = static_cast<std::size_t>(lane + 1);
  if (index >= m_lanes.size()) m_lanes.resize(index + 1);
  auto& l = m_lanes[index];
  auto& spans = l.spans;
  // Spans come almost in order; the odd late one is inserted where it belongs.
  if (spans.empty() || spans.back().startNs <= span.startNs) {
    spans.push_back(span);
  } else {
    const auto at =
        std::upper_bound(spans.begin(), spans.end(), span.startNs,
                         [](std::int64_t t, const TimelineSpan& s) { return t < s.startNs; });
    spans.insert(at, span);
  }
  l.longestNs = std::max(l.longestNs, span.endNs - span.startNs);
  if (lane >= 0) {
    m_lastWorker = m_hasWorkerSpan ? std::max(m_lastWorker, span.endNs) : span.endNs;
    m_hasWorkerSpan = true;
  }
  if (m_empty) {
    m_first = span.startNs;
    m_last = span.endNs;
    m_empty = false;
  } else {
    m_first = std::min(m_first, span.startNs);
    m_last = std::max(m_last, span.endNs);
  }
}

void SpanStore::clear() {
  m_lanes.clear();
  m_first = m_last = m_lastWorker = 0;
  m_empty = true;
  m_hasWorkerSpan = false;
}

std::size_t SpanStore::spanCount() const {
  std::size_t n = 0;
  for (const auto& l : m_lanes) n += l.spans.size();
  return n;
}

std::size_t SpanStore::bytesUsed() const {
  std::size_t n = 0;
  for (const auto& l : m_lanes) n += l.spans.capacity() * sizeof(TimelineSpan);
  return n;
}

std::size_t SpanStore::firstReaching(const Lane& lane, std::int64_t timeNs) const {
  const auto& spans = lane.spans;
  const auto from =
      std::lower_bound(spans.begin(), spans.end(), timeNs - lane.longestNs,
                       [](const TimelineSpan& s, std::int64_t t) { return s.startNs < t; });
  return static_cast<std::size_t>(from - spans.begin());
}

std::vector<LaneRect> SpanStore::layout(int laneIndex, const TimeMapper& mapper, int width) const {
  std::vector<LaneRect> rects;
  if (laneIndex < 0 || laneIndex >= laneCount()) return rects;
  const Lane& lane = m_lanes[static_cast<std::size_t>(laneIndex)];
  const std::int64_t t0 = mapper.start(), t1 = mapper.end(width);
  // A pixel column being merged: the time each kind covers in it.
  long long column = 0;
  std::array<std::int64_t, kSpanKinds> covered{};
  bool pending = false;
  auto flush = [&] {
    if (!pending) return;
    const auto kind = std::max_element(covered.begin(), covered.end()) - covered.begin();
    rects.push_back({static_cast<double>(column), static_cast<double>(column + 1),
                     static_cast<std::uint8_t>(kind)});
    covered.fill(0);
    pending = false;
  };
  for (std::size_t i = firstReaching(lane, t0); i < lane.spans.size(); ++i) {
    const TimelineSpan& s = lane.spans[i];
    if (s.startNs >= t1) break;
    if (s.endNs <= t0) continue;
    const double x0 = mapper.x(s.startNs), x1 = mapper.x(s.endNs);
    if (x1 - x0 >= 1.0) {
      flush();
      rects.push_back({std::max(x0, -1.0), std::min(x1, width + 1.0), s.kind});
      continue;
    }
    const auto col = static_cast<long long>(std::floor(x0));
    if (pending && col != column) flush();
    column = col;
    pending = true;
    covered[std::min<std::size_t>(s.kind, kSpanKinds - 1)] +=
        std::max<std::int64_t>(1, s.endNs - s.startNs);
  }
  flush();
  return rects;
}

const TimelineSpan* SpanStore::spanAt(int laneIndex, std::int64_t timeNs) const {
  if (laneIndex < 0 || laneIndex >= laneCount()) return nullptr;
  const Lane& lane = m_lanes[static_cast<std::size_t>(laneIndex)];
  for (std::size_t i = firstReaching(lane, timeNs); i < lane.spans.size(); ++i) {
    const TimelineSpan& s = lane.spans[i];
    if (s.startNs > timeNs) break;
    if (s.endNs >= timeNs) return &s;
  }
  return nullptr;
}

}  // namespace distlab::widgets
