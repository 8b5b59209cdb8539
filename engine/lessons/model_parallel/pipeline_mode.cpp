// model_parallel.mode "pipeline": by layers (横向). Each stage process owns consecutive layers;
// micro-batches flow through the stages under GPipe or 1F1B (modelpar/pipeline_stage.h). After
// training, the bubble study (bubble_study.h).
#include <cstdio>

#include "core/spec_problems.h"
#include "lessons/lesson_result.h"
#include "lessons/model_parallel/bubble_study.h"
#include "lessons/model_parallel/model_parallel_tables.h"
#include "modelpar/model_layout.h"
#include "modelpar/partition_mode.h"
#include "modelpar/pipeline_schedule.h"
#include "modelpar/pipeline_stage.h"
#include "modelpar/stage_model.h"
#include "modelpar/stage_plan.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

std::string listText(const std::vector<int>& values) {
  std::string text;
  for (int v : values) text += (text.empty() ? "" : ", ") + std::to_string(v);
  return text;
}

class PipelineMode final : public PartitionMode {
 public:
  std::string_view name() const override { return "pipeline"; }
  int processes(const Spec& spec) const override { return spec.modelParallel.stages; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    const auto& mp = s.modelParallel;
    const int layers = layerCount(s.model);
    const std::string layersText = std::to_string(layers);
    if (mp.stages > layers) {
      errors.push_back(specProblem("model_parallel.stages", "stages_exceed_layers",
                                   {std::to_string(mp.stages), s.model.arch, layersText}));
    }
    const std::string batch = std::to_string(s.training.batchSize);
    if (mp.microBatches > s.training.batchSize) {
      errors.push_back(specProblem("model_parallel.micro_batches", "micro_batches_exceed_batch",
                                   {std::to_string(mp.microBatches), batch}));
    }
    if (!mp.boundaries.empty() && mp.balance == "neurons") {
      errors.push_back(specProblem("model_parallel.balance", "balance_with_boundaries", {}));
    }
    if (!mp.boundaries.empty()) {
      if (static_cast<int>(mp.boundaries.size()) != mp.stages - 1) {
        errors.push_back(specProblem(
            "model_parallel.boundaries", "boundaries_count",
            {std::to_string(mp.stages - 1), std::to_string(mp.stages),
             std::to_string(mp.boundaries.size())}));
      }
      int previous = 0;
      for (int b : mp.boundaries) {
        if (b <= previous || b >= layers) {
          errors.push_back(specProblem("model_parallel.boundaries", "boundaries_order",
                                       {listText(mp.boundaries), layersText}));
          break;
        }
        previous = b;
      }
    }
    if (mp.sweepSteps == 0) return;
    for (int p : mp.sweepStages) {
      if (p > layers) {
        errors.push_back(specProblem("model_parallel.sweep_stages", "stages_exceed_layers",
                                     {std::to_string(p), s.model.arch, layersText}));
        break;
      }
    }
    for (int m : mp.sweepMicroBatches) {
      if (m > s.training.batchSize) {
        errors.push_back(specProblem("model_parallel.sweep_micro_batches",
                                     "micro_batches_exceed_batch", {std::to_string(m), batch}));
        break;
      }
    }
  }

  ModelSplit split() const override { return ModelSplit::Pipeline; }

  std::vector<LayoutBlock> plan(const Spec& spec, const Model& whole) const override {
    return pipelineLayout(whole, planStages(whole, spec.modelParallel));
  }

  std::vector<float> assemble(const Spec& spec, const Model& layout,
                              std::vector<std::vector<float>>& parts) const override {
    // A cut layer's rows go back beside each other; whole layers follow one another.
    return mergeStageParameters(layout, planStages(layout, spec.modelParallel), parts);
  }

  bool runProcess(BlockingChannel& coordinator, int rank, const Spec& spec,
                  const std::string& token) const override {
    runPipelineStage(coordinator, rank, spec, token);
    return false;
  }

  std::vector<ResultTable> results(const ModeRun& run) const override {
    const StagePlan stages = planStages(run.whole, run.spec.modelParallel);
    std::vector<ResultTable> tables = {pipelineStagesTable(run.whole, stages, run.result),
                                       pipelineBytesTable(run.spec, run.whole, stages, run.result),
                                       layoutTable(pipelineLayout(run.whole, stages))};
    if (run.spec.modelParallel.sweepSteps > 0) {
      for (auto& t : runBubbleStudy(*this, run.spec, run.data, run.token, run.context)) {
        tables.push_back(std::move(t));
      }
    }
    return tables;
  }

  std::string summary(const Spec& spec, const PipelineRunResult& r) const override {
    const auto& mp = spec.modelParallel;
    char line[256];
    std::snprintf(line, sizeof line,
                  "pipeline: %d stages, %d micro-batches, %s: bubble %.3f (theory %.3f, for these "
                  "stages %.3f), %.0f samples/s",
                  mp.stages, mp.microBatches, mp.schedule.c_str(), r.bubble,
                  theoreticalBubble(mp.stages, mp.microBatches), r.bubbleOfTheseStages,
                  r.samplesPerSecond);
    return line;
  }
};

}  // namespace

std::unique_ptr<PartitionMode> makePipelineMode() { return std::make_unique<PipelineMode>(); }

}  // namespace distlab::engine
