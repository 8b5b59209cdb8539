#pragma once
#include <vector>

#include "modelpar/stage_plan.h"
#include "nn/model.h"

namespace distlab::engine {

/// Stage k's parameters, cut from the whole model's: its layers' slices one after another; for
/// a layer its boundaries cut, its neurons' rows of W and entries of b (as nn/dense_rows.h keeps
/// them).
std::vector<float> stageParameters(const Model& whole, const StagePlan& plan, int stage);

/// The whole model's parameters put back together from every stage's (the inverse).
std::vector<float> mergeStageParameters(const Model& whole, const StagePlan& plan,
                                        const std::vector<std::vector<float>>& parts);

/// Stage k's network with its parameters: layers [begin(k), end(k)) of `whole`, a cut layer's
/// pieces as a DenseTail first and a DenseHead last. `whole` must not be used afterwards.
Model extractStage(Model& whole, const StagePlan& plan, int stage);

}  // namespace distlab::engine
