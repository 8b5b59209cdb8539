#pragma once
#include <cstdint>
#include <limits>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

/// One stage's share of a run, from its timeline.
struct StageSummary {
  std::int64_t busyNs = 0;                ///< forward, backward and update, steps >= 1
  std::uint64_t peakActivationBytes = 0;  ///< the most activation bytes held at once
  std::uint64_t bytesSent = 0;            ///< intermediate results sent to its neighbours
};

/// What a model-parallel run's spans say: each stage's busy time over the measured steps, its
/// peak activation memory and bytes sent, and the bubble they make.
class StageSpanStats {
 public:
  explicit StageSpanStats(int stages) : m_stages(static_cast<std::size_t>(stages)) {}
  /// Takes one span of lane = stage; spans of steps before firstMeasured count only for memory
  /// and bytes.
  void add(const Span& s, std::uint64_t firstMeasured);
  const std::vector<StageSummary>& stages() const { return m_stages; }
  /// From the first measured span's start to the last one's end, at least 1 ns.
  std::int64_t wallNs() const;
  /// 1 - sum of busy time / (stages x wall time).
  double bubble() const;
  /// The bubble the same schedule would have if each stage took exactly its busy time, split
  /// evenly over m micro-batches: per step sum of t_k + (m-1) max t_k.
  double bubbleOfTheseStages(int microBatches) const;

 private:
  double busyNs() const;

  std::vector<StageSummary> m_stages;
  std::int64_t m_startNs = std::numeric_limits<std::int64_t>::max();
  std::int64_t m_endNs = 0;
};

}  // namespace distlab::engine
