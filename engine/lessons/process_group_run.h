#pragma once
#include <string>

#include "core/spec.h"
#include "lessons/experiment.h"

namespace distlab::engine {

class PartitionMode;

/// A run of `mode`'s processes through the model-parallel coordinator (modelpar/pipeline_run.h)
/// from start to end: the data, the run's records (RunStarted with `sync` and `partition` as
/// its strategy names, the layout the mode plans, the processes' telemetry, RunEnded with a lost
/// process named), params.f32 and the mode's tables as the LessonResult. Returns the exit code.
int runProcessGroup(const PartitionMode& mode, const Spec& spec, RunContext& context,
                    const std::string& sync, const std::string& partition);

}  // namespace distlab::engine
