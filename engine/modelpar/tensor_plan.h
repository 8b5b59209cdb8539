#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "nn/model.h"

namespace distlab::engine {

class Dense;

/// Within-layer (tensor) partitioning: every layer with weights (Dense: its output neurons;
/// Conv2D: its output channels) split into `shards` consecutive blocks, shard k holding the rows
/// of W and the entries of b of its block. The parameterless layers that follow one (activation,
/// pooling, flatten) work channel by channel, so each shard applies them to its own block. A
/// shard's parameters are, layer after layer, its block of W (rows x inputs, column-major) then
/// its block of b.
struct TensorLayer {
  std::size_t layer = 0;  ///< the layer with weights: its index in the model
  std::size_t end = 0;    ///< one past the last parameterless layer that follows it
  int inputs = 0, outputs = 0;  ///< W is outputs x inputs (Conv2D: channels x patch)
  int unit = 1;  ///< values per neuron (channel) after the block: 1, or a channel's pixels
  std::vector<int> first;  ///< per shard: its first neuron (first[shards] == outputs)
  int neurons(int shard) const {
    return first[static_cast<std::size_t>(shard) + 1] - first[static_cast<std::size_t>(shard)];
  }
};

struct TensorPlan {
  int shards = 0;
  std::vector<TensorLayer> layers;
  /// Floats of shard k's parameters.
  std::size_t parameterCount(int shard) const;
};

/// The plan for this model: layers with weights (Dense, Conv2D), each followed by parameterless
/// ones. Throws Error when a layer with weights is of another kind or has fewer neurons than
/// shards.
TensorPlan planTensorShards(const Model& model, int shards);

/// Shard k's parameters, cut from the whole model's.
std::vector<float> shardParameters(const Model& model, const TensorPlan& plan, int shard);

/// The whole model's parameters put back together from every shard's (the inverse).
std::vector<float> mergeShardParameters(const Model& model, const TensorPlan& plan,
                                        const std::vector<std::vector<float>>& shards);

}  // namespace distlab::engine
