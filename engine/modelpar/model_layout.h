#pragma once
#include <cstdint>
#include <vector>

#include "modelpar/stage_plan.h"
#include "modelpar/tensor_plan.h"
#include "nn/model.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// Who holds which neurons (the ModelLayout record and the lesson's "layout" table), one block
/// per layer with parameters and holder. A pipeline: each layer one block, of its stage.
std::vector<LayoutBlock> pipelineLayout(const Model& whole, const StagePlan& plan);
/// A tensor split: each layer one block a shard, its consecutive neurons.
std::vector<LayoutBlock> tensorLayout(const TensorPlan& plan);
/// A skeleton partition's sub-networks: per hidden layer the skeleton's neurons (owner
/// kSkeleton), each worker's own outside it (neurons two workers share count for both) and
/// those no worker holds (kNobody), all scattered (first -1); the output layer is every
/// worker's. `skeleton` and `each[worker]` list neurons per hidden layer.
std::vector<LayoutBlock> skeletonLayout(
    const Model& whole, const std::vector<std::vector<std::uint32_t>>& skeleton,
    const std::vector<std::vector<std::vector<std::uint32_t>>>& each);

}  // namespace distlab::engine
