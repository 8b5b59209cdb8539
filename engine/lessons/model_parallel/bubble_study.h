#pragma once
#include <string>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "lessons/experiment.h"
#include "telemetry/events.h"

namespace distlab::engine {

class PartitionMode;

/// Lesson 3's measurements after training, each a short pipeline run of
/// model_parallel.sweep_steps updates on real stage processes: "bubbles", the idle share for
/// every sweep_stages x sweep_micro_batches pair (stages balanced by cost) beside the theory
/// (p-1)/(m+p-1) and the theory for the stages' measured costs; "activation_memory", each
/// stage's peak activation bytes under GPipe and 1F1B for the spec's stages and micro-batches.
std::vector<ResultTable> runBubbleStudy(const PartitionMode& pipeline, const Spec& spec,
                                        const TrainTest& data, const std::string& token,
                                        RunContext& context);

}  // namespace distlab::engine
