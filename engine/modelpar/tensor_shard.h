#pragma once
#include <string>

#include "comm/blocking_channel.h"
#include "core/spec.h"

namespace distlab::engine {

/// One shard of a within-layer (tensor) split network (lesson 3, model_parallel.mode "tensor"):
/// it holds its block of every Dense layer's neurons and every Conv2D layer's channels
/// (modelpar/tensor_plan.h) and trains with the others on the same batches. Forward, each layer's outputs are all-gathered (ACTIVATIONS,
/// its block to every other shard), so every shard sees the whole layer; the loss is computed
/// on the whole output in every shard. Backward, each shard's share of the input errors
/// W_k^T dz_k is all-reduced (ERRORS, summed in rank order). The result equals the whole
/// network's, up to the order of that sum. Throws Error when a peer is lost.
void runTensorShard(BlockingChannel& coordinator, int rank, const Spec& spec,
                    const std::string& token);

}  // namespace distlab::engine
