#include "modelpar/model_layout.h"

#include <algorithm>

namespace distlab::engine {
namespace {

/// The neurons of each layer with parameters, in order.
std::vector<int> widthsWithParameters(const Model& whole) {
  std::vector<int> widths;
  for (std::size_t i = 0; i < whole.layers().size(); ++i) {
    if (whole.layers()[i]->parameterCount() > 0) {
      widths.push_back(static_cast<int>(whole.layerShapes()[i].size()));
    }
  }
  return widths;
}

}  // namespace

std::vector<LayoutBlock> pipelineLayout(const Model& whole, const StagePlan& plan) {
  std::vector<LayoutBlock> blocks;
  int layer = 0;
  for (int k = 0; k < plan.stages(); ++k) {
    for (std::size_t i = plan.begin(k); i < plan.end(k); ++i) {
      if (whole.layers()[i]->parameterCount() == 0) continue;
      const int width = static_cast<int>(whole.layerShapes()[i].size());
      if (i == plan.begin(k) && plan.beginsCut(k)) {  // cut: the stage before holds the first
        const int head = plan.headRows(k - 1);
        blocks.push_back({layer, width, 0, head, k - 1});
        blocks.push_back({layer++, width, head, width - head, k});
        continue;
      }
      blocks.push_back({layer++, width, 0, width, k});
    }
  }
  return blocks;
}

std::vector<LayoutBlock> tensorLayout(const TensorPlan& plan) {
  std::vector<LayoutBlock> blocks;
  for (std::size_t l = 0; l < plan.layers.size(); ++l) {
    const auto& layer = plan.layers[l];
    for (int k = 0; k < plan.shards; ++k) {
      blocks.push_back({static_cast<int>(l), static_cast<int>(layer.outputs),
                        static_cast<int>(layer.first[static_cast<std::size_t>(k)]),
                        static_cast<int>(layer.neurons(k)), k});
    }
  }
  return blocks;
}

std::vector<LayoutBlock> skeletonLayout(
    const Model& whole, const std::vector<std::vector<std::uint32_t>>& skeleton,
    const std::vector<std::vector<std::vector<std::uint32_t>>>& each) {
  std::vector<LayoutBlock> blocks;
  const std::vector<int> widths = widthsWithParameters(whole);
  for (std::size_t l = 0; l < widths.size(); ++l) {
    const int layer = static_cast<int>(l), width = widths[l];
    if (l >= skeleton.size()) {  // the output layer: every worker's
      blocks.push_back({layer, width, -1, width, LayoutBlock::kSkeleton});
      continue;
    }
    const auto& core = skeleton[l];
    std::vector<bool> held(static_cast<std::size_t>(width), false);
    for (std::uint32_t i : core) held[i] = true;
    blocks.push_back({layer, width, -1, static_cast<int>(core.size()), LayoutBlock::kSkeleton});
    for (std::size_t k = 0; k < each.size(); ++k) {
      int own = 0;
      for (std::uint32_t i : each[k][l]) {
        if (!std::binary_search(core.begin(), core.end(), i)) ++own;
        held[i] = true;
      }
      blocks.push_back({layer, width, -1, own, static_cast<int>(k)});
    }
    blocks.push_back({layer, width, -1, static_cast<int>(std::count(held.begin(), held.end(), false)),
                      LayoutBlock::kNobody});
  }
  return blocks;
}

}  // namespace distlab::engine
