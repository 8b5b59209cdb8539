#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "nn/model.h"

namespace distlab::engine {

class Dense;

/// Within-layer (tensor) partitioning of an MLP: every Dense layer's output neurons split into
/// `shards` consecutive blocks, shard k holding the rows of W and the entries of b of its block.
/// A shard's parameters are, layer after layer, its block of W (rows x inputs, column-major)
/// then its block of b.
struct TensorLayer {
  std::size_t layer = 0;         ///< the Dense layer's index in the model
  int inputs = 0, outputs = 0;   ///< of the whole layer
  std::vector<int> first;        ///< per shard: its first neuron (first[shards] == outputs)
  int neurons(int shard) const { return first[static_cast<std::size_t>(shard) + 1] - first[static_cast<std::size_t>(shard)]; }
  /// Index in the model of the activation that follows (or the layer itself: none follows).
  std::size_t activation = 0;
};

struct TensorPlan {
  int shards = 0;
  std::vector<TensorLayer> layers;
  /// Floats of shard k's parameters.
  std::size_t parameterCount(int shard) const;
};

/// The plan for this model: a Dense layer followed by at most one parameterless activation,
/// repeated. Throws Error when the model has other layers (convolutions: not built) or a layer
/// has fewer neurons than shards.
TensorPlan planTensorShards(const Model& model, int shards);

/// Shard k's parameters, cut from the whole model's.
std::vector<float> shardParameters(const Model& model, const TensorPlan& plan, int shard);

/// The whole model's parameters put back together from every shard's (the inverse).
std::vector<float> mergeShardParameters(const Model& model, const TensorPlan& plan,
                                        const std::vector<std::vector<float>>& shards);

}  // namespace distlab::engine
