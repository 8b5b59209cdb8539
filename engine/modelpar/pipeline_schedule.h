#pragma once
#include <span>
#include <string>
#include <vector>

namespace distlab::engine {

/// The order in which a pipeline stage runs its micro-batches in one step.
///  - GPipe (Huang et al., 2019): every forward, then every backward (in reverse order).
///  - 1F1B (PipeDream-Flush, Narayanan et al., 2021): stage k runs p-k-1 forwards to fill the
///    pipeline, then one forward and one backward in turn, then the remaining backwards. Same
///    bubble as GPipe, but a stage holds at most p-k micro-batches' activations instead of m.
enum class PipelineSchedule { GPipe, OneFOneB };
/// "gpipe" | "1f1b"; throws Error otherwise.
PipelineSchedule pipelineScheduleFromName(const std::string& name);

struct PipelineOp {
  bool forward = true;
  int micro = 0;
  bool operator==(const PipelineOp&) const = default;
};

/// The ops of stage `stage` (0-based) of `stages` for `micro` micro-batches: every micro-batch
/// once forward and once backward, each backward after its forward.
std::vector<PipelineOp> stageOps(PipelineSchedule schedule, int stages, int stage, int micro);

/// The most micro-batches whose activations are held at once (forwarded, not yet backwarded).
int peakInFlight(std::span<const PipelineOp> ops);

/// The idle share of a pipeline with equal stages and no communication cost: (p-1)/(m+p-1).
double theoreticalBubble(int stages, int micro);

}  // namespace distlab::engine
