#include "modelpar/stage_model.h"

#include <algorithm>
#include <span>

#include "core/error.h"
#include "nn/dense.h"
#include "nn/dense_rows.h"

namespace distlab::engine {
namespace {

/// Rows [firstRow, firstRow + rows) of one layer's output neurons, or the whole layer (rows 0).
struct Piece {
  std::size_t layer = 0;
  int firstRow = 0, rows = 0;
};

const Dense& cutLayer(const Model& whole, std::size_t layer) {
  const auto* dense = dynamic_cast<const Dense*>(whole.layers().at(layer).get());
  if (!dense) throw Error("a stage boundary can cut only a Dense layer");
  return *dense;
}

std::vector<Piece> stagePieces(const Model& whole, const StagePlan& plan, int stage) {
  std::vector<Piece> pieces;
  std::size_t begin = plan.begin(stage);
  if (plan.beginsCut(stage)) {  // the rest of the layer the stage before cut
    const int head = plan.headRows(stage - 1);
    pieces.push_back({begin, head, cutLayer(whole, begin).outputs() - head});
    ++begin;
  }
  for (std::size_t i = begin; i < plan.end(stage); ++i) pieces.push_back({i, 0, 0});
  if (plan.headRows(stage) > 0) pieces.push_back({plan.end(stage), 0, plan.headRows(stage)});
  return pieces;
}

std::vector<std::size_t> layerOffsets(const Model& whole) {
  std::vector<std::size_t> offsets{0};
  for (const auto& layer : whole.layers()) {
    offsets.push_back(offsets.back() + layer->parameterCount());
  }
  return offsets;
}

/// Calls run(whole offset, offset in the piece, floats) for each contiguous run of the piece's
/// parameters; returns the floats the piece holds.
template <class Run>
std::size_t forEachRun(const Model& whole, const std::vector<std::size_t>& offsets, Piece piece,
                       Run run) {
  const std::size_t layer = offsets[piece.layer];
  if (piece.rows == 0) {
    const std::size_t size = offsets[piece.layer + 1] - layer;
    run(layer, 0, size);
    return size;
  }
  const Dense& dense = cutLayer(whole, piece.layer);
  const auto out = static_cast<std::size_t>(dense.outputs());
  const auto in = static_cast<std::size_t>(dense.inputs());
  const auto rows = static_cast<std::size_t>(piece.rows);
  const auto first = static_cast<std::size_t>(piece.firstRow);
  for (std::size_t c = 0; c < in; ++c) run(layer + c * out + first, c * rows, rows);  // W
  run(layer + out * in + first, rows * in, rows);                                     // b
  return rows * (in + 1);
}

}  // namespace

std::vector<float> stageParameters(const Model& whole, const StagePlan& plan, int stage) {
  const auto offsets = layerOffsets(whole);
  const std::span<const float> from = whole.parameters();
  std::vector<float> params;
  for (const Piece& p : stagePieces(whole, plan, stage)) {
    const std::size_t at = params.size();
    params.resize(at + forEachRun(whole, offsets, p, [](std::size_t, std::size_t, std::size_t) {}));
    forEachRun(whole, offsets, p, [&](std::size_t w, std::size_t s, std::size_t n) {
      std::copy_n(from.begin() + static_cast<std::ptrdiff_t>(w), n, params.begin() + at + s);
    });
  }
  return params;
}

std::vector<float> mergeStageParameters(const Model& whole, const StagePlan& plan,
                                        const std::vector<std::vector<float>>& parts) {
  const auto offsets = layerOffsets(whole);
  std::vector<float> params(whole.parameterCount());
  for (int k = 0; k < plan.stages(); ++k) {
    const auto& part = parts.at(static_cast<std::size_t>(k));
    std::size_t at = 0;
    for (const Piece& p : stagePieces(whole, plan, k)) {
      at += forEachRun(whole, offsets, p, [&](std::size_t w, std::size_t s, std::size_t n) {
        if (at + s + n > part.size()) {
          throw Error("stage " + std::to_string(k) + " sent " + std::to_string(part.size()) +
                      " parameters; its layers hold more");
        }
        std::copy_n(part.begin() + static_cast<std::ptrdiff_t>(at + s), n, params.begin() + w);
      });
    }
    if (at != part.size()) {
      throw Error("stage " + std::to_string(k) + " sent " + std::to_string(part.size()) +
                  " parameters; its layers hold " + std::to_string(at));
    }
  }
  return params;
}

Model extractStage(Model& whole, const StagePlan& plan, int stage) {
  const std::vector<float> params = stageParameters(whole, plan, stage);
  const std::size_t begin = plan.begin(stage), end = plan.end(stage);
  Shape input = begin == 0 ? whole.inputShape() : whole.layerShapes()[begin - 1];
  std::unique_ptr<Layer> first, last;
  if (plan.beginsCut(stage)) {
    const Dense& cut = cutLayer(whole, begin);
    const int head = plan.headRows(stage - 1);
    first = std::make_unique<DenseTail>(cut.outputs(), head);
    input = Shape{cut.inputs() + head, 1, 1};
  }
  if (plan.headRows(stage) > 0) {
    cutLayer(whole, end);
    last = std::make_unique<DenseHead>(plan.headRows(stage));
  }
  Model part = whole.extractLayers(begin, end, input, std::move(first), std::move(last));
  if (part.parameterCount() != params.size()) {
    throw Error("stage " + std::to_string(stage) + ": its layers hold " +
                std::to_string(part.parameterCount()) + " parameters, not " +
                std::to_string(params.size()));
  }
  std::copy(params.begin(), params.end(), part.parameters().begin());
  return part;
}

}  // namespace distlab::engine
