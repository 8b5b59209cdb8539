#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "core/spec.h"
#include "nn/model.h"

namespace distlab::engine {

/// Which layers each pipeline stage owns: stage k runs layers [begin(k), end(k)). A boundary
/// may cut a Dense layer (model_parallel.balance neurons): stage k then also computes the first
/// headRows(k) neurons of layer end(k) (nn/dense_rows.h, DenseHead), and stage k+1, which
/// begins with that layer, the rest of them (DenseTail).
struct StagePlan {
  std::vector<std::size_t> first;  ///< the first layer of each stage; first[0] == 0
  std::size_t layers = 0;
  /// Per boundary (between stage k and k+1, index k): the neurons of layer first[k+1] that
  /// stage k computes, 0 when the boundary falls between layers. Empty: no cut at all.
  std::vector<int> cuts;
  int stages() const { return static_cast<int>(first.size()); }
  /// The neurons of layer end(k) that stage k computes (0: none).
  int headRows(int stage) const {
    const auto k = static_cast<std::size_t>(stage);
    return k < cuts.size() ? cuts[k] : 0;
  }
  /// Whether stage k begins with the rest of a layer the stage before cut.
  bool beginsCut(int stage) const { return stage > 0 && headRows(stage - 1) > 0; }
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

/// The split of the model's estimated work (layerCosts) into `stages` even parts: a boundary
/// that falls inside a Dense layer cuts it by output neurons in proportion; one inside another
/// layer moves to the nearer edge of it, and a second one inside a layer already cut to its end.
/// It is balanceStages' plan instead when the cuts would leave a stage empty or would not make
/// the slowest stage lighter (a layer no cut can touch, the first, sets the pace).
StagePlan balanceNeurons(const Model& model, int stages);

/// The spec's stages over this model: its boundaries, or balanced by cost when it has none.
/// Throws Error when they do not fit the model (validateSpec reports the same for the spec).
StagePlan planStages(const Model& model, const ModelParallelSpec& spec);

}  // namespace distlab::engine
