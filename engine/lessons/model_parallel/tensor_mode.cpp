// model_parallel.mode "tensor": within layers (纵向). Each shard owns a block of every Dense
// layer's neurons and every Conv2D layer's channels; outputs are all-gathered and input errors
// all-reduced (modelpar/tensor_shard.h).
#include <cstdio>

#include "core/spec_problems.h"
#include "lessons/lesson_result.h"
#include "lessons/model_parallel/model_parallel_tables.h"
#include "modelpar/model_layout.h"
#include "modelpar/partition_mode.h"
#include "modelpar/tensor_plan.h"
#include "modelpar/tensor_shard.h"

namespace distlab::engine {
namespace {

class TensorMode final : public PartitionMode {
 public:
  std::string_view name() const override { return "tensor"; }
  int processes(const Spec& spec) const override { return spec.modelParallel.shards; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    // The narrowest layer with weights the spec names (the output layer's width, the classes,
    // is checked once the data are loaded: plan()): lenet5's first convolution has 6 channels.
    int narrowest = s.model.arch == "lenet5" ? 6 : 1 << 30;
    for (int width : s.model.arch == "mlp" ? s.model.hidden : std::vector<int>{}) {
      narrowest = std::min(narrowest, width);
    }
    if (s.modelParallel.shards > narrowest) {
      errors.push_back(specProblem("model_parallel.shards", "shards_exceed_neurons",
                                   {std::to_string(s.modelParallel.shards),
                                    std::to_string(narrowest)}));
    }
  }

  ModelSplit split() const override { return ModelSplit::Tensor; }

  std::vector<LayoutBlock> plan(const Spec& spec, const Model& whole) const override {
    const int outputs = static_cast<int>(whole.outputShape().size());
    if (outputs < spec.modelParallel.shards) {
      throw SpecProblemError(specProblem("model_parallel.shards", "shards_exceed_neurons",
                                         {std::to_string(spec.modelParallel.shards),
                                          std::to_string(outputs)}));
    }
    return tensorLayout(planTensorShards(whole, spec.modelParallel.shards));
  }

  bool runProcess(BlockingChannel& coordinator, int rank, const Spec& spec,
                  const std::string& token) const override {
    runTensorShard(coordinator, rank, spec, token);
    return false;
  }

  std::vector<float> assemble(const Spec& spec, const Model& layout,
                              std::vector<std::vector<float>>& parts) const override {
    // Each shard holds a block of every layer: the blocks go back to their rows.
    return mergeShardParameters(layout, planTensorShards(layout, spec.modelParallel.shards), parts);
  }

  std::vector<ResultTable> results(const ModeRun& run) const override {
    const TensorPlan plan = planTensorShards(run.whole, run.spec.modelParallel.shards);
    return {tensorShardsTable(run.whole, plan, run.result),
            tensorBytesTable(run.spec, run.whole, plan, run.result), layoutTable(tensorLayout(plan))};
  }

  std::string summary(const Spec& spec, const PipelineRunResult& r) const override {
    char line[160];
    std::snprintf(line, sizeof line, "tensor: %d shards, %.0f samples/s, %.1f%% of the time waiting",
                  spec.modelParallel.shards, r.samplesPerSecond, 100.0 * r.bubble);
    return line;
  }
};

}  // namespace

std::unique_ptr<PartitionMode> makeTensorMode() { return std::make_unique<TensorMode>(); }

}  // namespace distlab::engine
