#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "core/spec.h"
#include "nn/model.h"

namespace distlab::engine {

/// Which layers each pipeline stage owns: stage k runs layers [begin(k), end(k)).
struct StagePlan {
  std::vector<std::size_t> first;  ///< the first layer of each stage; first[0] == 0
  std::size_t layers = 0;
  int stages() const { return static_cast<int>(first.size()); }
  std::size_t begin(int stage) const { return first[static_cast<std::size_t>(stage)]; }
  std::size_t end(int stage) const {
    return stage + 1 < stages() ? first[static_cast<std::size_t>(stage) + 1] : layers;
  }
};

/// The estimated work of each layer for one example: multiply-adds for a layer with weights
/// (its parameters times its output pixels), its output values for the rest. The first layer
/// with weights counts 2/3: its backward pass computes the weight gradient but no input errors
/// (forward, weight gradient and input errors cost about the same each).
std::vector<double> layerCosts(const Model& model);

/// The split of `costs` into `stages` consecutive non-empty parts whose largest sum is smallest
/// (the slowest stage sets the pipeline's pace). Needs costs.size() >= stages >= 1.
StagePlan balanceStages(std::span<const double> costs, int stages);

/// The spec's stages over this model: its boundaries, or balanced by cost when it has none.
/// Throws Error when they do not fit the model (validateSpec reports the same for the spec).
StagePlan planStages(const Model& model, const ModelParallelSpec& spec);

}  // namespace distlab::engine
