#pragma once
#include "core/spec.h"
#include "modelpar/pipeline_run.h"
#include "modelpar/stage_plan.h"
#include "modelpar/tensor_plan.h"
#include "nn/model.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// "stages": which layers each pipeline stage owns, its parameters, busy share, peak activation
/// memory and bytes sent.
ResultTable pipelineStagesTable(const Model& whole, const StagePlan& plan,
                                const PipelineRunResult& run);

/// "bytes_per_example": what one training example costs on the network, by batch size. Data
/// parallelism sends the gradient and receives the model once a batch (2 x parameters x 4 bytes
/// / batch); a pipeline sends each boundary's activations and their errors (2 x width x 4
/// bytes) whatever the batch; the run's own figure at its batch size.
ResultTable pipelineBytesTable(const Spec& spec, const Model& whole, const StagePlan& plan,
                               const PipelineRunResult& run);

/// "shards": each tensor shard's neurons, parameters (its share of the model), busy share and
/// bytes sent.
ResultTable tensorShardsTable(const Model& whole, const TensorPlan& plan,
                              const PipelineRunResult& run);

/// "bytes_per_update": bytes one process sends per update under data parallelism (its gradient
/// up, the model down) and under the tensor split (its outputs to every other shard, its share
/// of the input errors to every other shard), in theory and as measured, with the model held
/// by each process.
ResultTable tensorBytesTable(const Spec& spec, const Model& whole, const TensorPlan& plan,
                             const PipelineRunResult& run);

/// "layout": who holds which neurons of each layer with parameters (modelpar/model_layout.h),
/// one row a block: layer, width, first (-1: scattered), neurons, owner (-1: the skeleton,
/// every worker; -2: no worker this period).
ResultTable layoutTable(const std::vector<LayoutBlock>& blocks);

}  // namespace distlab::engine
