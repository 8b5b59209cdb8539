#include "modelpar/stage_span_stats.h"

#include <algorithm>

namespace distlab::engine {

void StageSpanStats::add(const Span& s, std::uint64_t firstMeasured) {
  if (s.lane < 0 || static_cast<std::size_t>(s.lane) >= m_stages.size()) return;
  auto& stage = m_stages[static_cast<std::size_t>(s.lane)];
  // Forward spans carry what a stage holds after the pass, backward ones what it held before
  // adding its kept weight gradients.
  if (s.kind == SpanKind::Forward || s.kind == SpanKind::Backward) {
    stage.peakActivationBytes = std::max(stage.peakActivationBytes, s.bytes);
  }
  if (s.kind == SpanKind::Send) stage.bytesSent += s.bytes;
  if (s.step < firstMeasured) return;
  if (s.kind == SpanKind::Forward || s.kind == SpanKind::Backward || s.kind == SpanKind::Compute) {
    stage.busyNs += s.endNs - s.startNs;
  }
  m_startNs = std::min(m_startNs, s.startNs);
  m_endNs = std::max(m_endNs, s.endNs);
}

std::int64_t StageSpanStats::wallNs() const {
  return m_endNs > m_startNs ? m_endNs - m_startNs : 1;
}

double StageSpanStats::busyNs() const {
  double busy = 0.0;
  for (const auto& s : m_stages) busy += static_cast<double>(s.busyNs);
  return busy;
}

double StageSpanStats::bubble() const {
  return 1.0 - busyNs() / (static_cast<double>(m_stages.size()) * static_cast<double>(wallNs()));
}

double StageSpanStats::bubbleOfTheseStages(int microBatches) const {
  const double micro = microBatches;
  double sum = 0.0, slowest = 0.0;
  for (const auto& s : m_stages) {
    const double t = static_cast<double>(s.busyNs) / micro;
    sum += t;
    slowest = std::max(slowest, t);
  }
  const double ideal = sum + (micro - 1.0) * slowest;
  return ideal > 0 ? 1.0 - busyNs() / (static_cast<double>(m_stages.size()) * ideal) : 0.0;
}

}  // namespace distlab::engine
