#include "modelpar/pipeline_schedule.h"

#include <algorithm>

#include "core/error.h"

namespace distlab::engine {

PipelineSchedule pipelineScheduleFromName(const std::string& name) {
  if (name == "gpipe") return PipelineSchedule::GPipe;
  if (name == "1f1b") return PipelineSchedule::OneFOneB;
  throw Error("unknown pipeline schedule \"" + name + "\"; allowed: gpipe, 1f1b");
}

std::vector<PipelineOp> stageOps(PipelineSchedule schedule, int stages, int stage, int micro) {
  std::vector<PipelineOp> ops;
  if (schedule == PipelineSchedule::GPipe) {
    for (int i = 0; i < micro; ++i) ops.push_back({true, i});
    for (int i = micro; i-- > 0;) ops.push_back({false, i});
    return ops;
  }
  const int warmup = std::min(stages - stage - 1, micro);
  for (int i = 0; i < warmup; ++i) ops.push_back({true, i});
  for (int i = 0; i + warmup < micro; ++i) {
    ops.push_back({true, i + warmup});
    ops.push_back({false, i});
  }
  for (int i = micro - warmup; i < micro; ++i) ops.push_back({false, i});
  return ops;
}

int peakInFlight(std::span<const PipelineOp> ops) {
  int held = 0, peak = 0;
  for (const auto& op : ops) {
    held += op.forward ? 1 : -1;
    peak = std::max(peak, held);
  }
  return peak;
}

double theoreticalBubble(int stages, int micro) {
  return static_cast<double>(stages - 1) / static_cast<double>(micro + stages - 1);
}

}  // namespace distlab::engine
