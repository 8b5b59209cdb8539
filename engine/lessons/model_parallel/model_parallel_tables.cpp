#include "lessons/model_parallel/model_parallel_tables.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "lessons/lesson_result.h"
#include "modelpar/stage_model.h"

namespace distlab::engine {
ResultTable pipelineStagesTable(const Model& whole, const StagePlan& plan,
                                const PipelineRunResult& run) {
  ResultTable t{"stages", {numbers("stage"), numbers("first_layer"), numbers("layers"),
                           numbers("parameters"), numbers("busy_share"),
                           numbers("peak_activation_bytes"), numbers("bytes_sent")}};
  for (int k = 0; k < plan.stages(); ++k) {
    const std::size_t params = stageParameters(whole, plan, k).size();
    const auto& s = run.stages[static_cast<std::size_t>(k)];
    addRow(t, {static_cast<double>(k), static_cast<double>(plan.begin(k)),
               // a layer cut at its end counts: the stage computes some of its neurons
               static_cast<double>(plan.end(k) - plan.begin(k) + (plan.headRows(k) > 0 ? 1 : 0)),
               static_cast<double>(params),
               static_cast<double>(s.busyNs) * 1e-9 / std::max(run.seconds, 1e-9),
               static_cast<double>(s.peakActivationBytes), static_cast<double>(s.bytesSent)});
  }
  return t;
}

ResultTable pipelineBytesTable(const Spec& spec, const Model& whole, const StagePlan& plan,
                               const PipelineRunResult& run) {
  double widths = 0.0;
  for (int k = 1; k < plan.stages(); ++k) {  // a cut layer's input goes beside its first neurons
    widths += whole.layerShapes()[plan.begin(k) - 1].size() + plan.headRows(k - 1);
  }
  const double params = static_cast<double>(whole.parameterCount());
  ResultTable t{"bytes_per_example", {numbers("batch"), numbers("data_parallel"),
                                      numbers("pipeline"), numbers("pipeline_measured")}};
  const double measured = static_cast<double>(run.intermediateBytes) /
                          (static_cast<double>(run.steps) * spec.training.batchSize);
  std::vector<int> batches = {1, 4, 16, 64, 256, 1024, 4096};
  if (std::find(batches.begin(), batches.end(), spec.training.batchSize) == batches.end()) {
    batches.insert(std::upper_bound(batches.begin(), batches.end(), spec.training.batchSize),
                   spec.training.batchSize);
  }
  for (int batch : batches) {
    addRow(t, {static_cast<double>(batch), 2.0 * params * 4.0 / batch, 2.0 * widths * 4.0,
               batch == spec.training.batchSize ? measured : std::nan("")});
  }
  return t;
}

ResultTable tensorShardsTable(const Model& whole, const TensorPlan& plan,
                              const PipelineRunResult& run) {
  ResultTable t{"shards", {numbers("shard"), numbers("neurons"), numbers("parameters"),
                           numbers("model_share"), numbers("busy_share"), numbers("bytes_sent")}};
  for (int k = 0; k < plan.shards; ++k) {
    double neurons = 0;
    for (const auto& l : plan.layers) neurons += l.neurons(k);
    const auto& s = run.stages[static_cast<std::size_t>(k)];
    const auto params = static_cast<double>(plan.parameterCount(k));
    addRow(t, {static_cast<double>(k), neurons, params,
               params / static_cast<double>(whole.parameterCount()),
               static_cast<double>(s.busyNs) * 1e-9 / std::max(run.seconds, 1e-9),
               static_cast<double>(s.bytesSent)});
  }
  return t;
}

ResultTable tensorBytesTable(const Spec& spec, const Model& whole, const TensorPlan& plan,
                             const PipelineRunResult& run) {
  const double batch = spec.training.batchSize, others = plan.shards - 1;
  double theory = 0.0;  // per shard and update: its outputs forward, its input errors back
  for (std::size_t l = 0; l < plan.layers.size(); ++l) {
    const auto& layer = plan.layers[l];
    theory += static_cast<double>(layer.outputs) / plan.shards * batch * 4.0 * others;
    if (l > 0) theory += static_cast<double>(layer.inputs) * batch * 4.0 * others;
  }
  const double params = static_cast<double>(whole.parameterCount());
  const double measured =
      static_cast<double>(run.intermediateBytes) / (static_cast<double>(run.steps) * plan.shards);
  ResultTable t{"bytes_per_update",
                {texts("method"), numbers("bytes_sent_per_process"), numbers("model_bytes_per_process")}};
  t.columns[0].texts = {"data_parallel", "tensor", "tensor_measured"};
  t.columns[1].numbers = {2.0 * params * 4.0, theory, measured};
  t.columns[2].numbers = {params * 4.0, params * 4.0 / plan.shards,
                          static_cast<double>(plan.parameterCount(0)) * 4.0};
  return t;
}

ResultTable layoutTable(const std::vector<LayoutBlock>& blocks) {
  ResultTable t{"layout", {numbers("layer"), numbers("width"), numbers("first"),
                           numbers("neurons"), numbers("owner")}};
  for (const auto& b : blocks) {
    addRow(t, {static_cast<double>(b.layer), static_cast<double>(b.width),
               static_cast<double>(b.first), static_cast<double>(b.neurons),
               static_cast<double>(b.owner)});
  }
  return t;
}

}  // namespace distlab::engine
