#include "modelpar/tensor_plan.h"

#include "core/error.h"
#include "nn/conv2d.h"
#include "nn/dense.h"

namespace distlab::engine {
namespace {

/// Where each Dense layer's W and b start in the whole model's buffer.
std::vector<std::size_t> layerOffsets(const Model& model) {
  std::vector<std::size_t> offsets;
  std::size_t offset = 0;
  for (const auto& layer : model.layers()) {
    offsets.push_back(offset);
    offset += layer->parameterCount();
  }
  return offsets;
}

}  // namespace

std::size_t TensorPlan::parameterCount(int shard) const {
  std::size_t n = 0;
  for (const auto& l : layers) {
    n += static_cast<std::size_t>(l.neurons(shard)) * (static_cast<std::size_t>(l.inputs) + 1);
  }
  return n;
}

TensorPlan planTensorShards(const Model& model, int shards) {
  TensorPlan plan;
  plan.shards = shards;
  const auto& layers = model.layers();
  for (std::size_t i = 0; i < layers.size();) {
    TensorLayer t;
    t.layer = i;
    if (const auto* dense = dynamic_cast<const Dense*>(layers[i].get())) {
      t.inputs = static_cast<int>(dense->weights().cols());
      t.outputs = static_cast<int>(dense->weights().rows());
    } else if (const auto* conv = dynamic_cast<const Conv2D*>(layers[i].get())) {
      t.inputs = static_cast<int>(conv->weights().cols());
      t.outputs = static_cast<int>(conv->weights().rows());
    } else {
      throw Error("model_parallel.mode: tensor splits Dense and Conv2D layers; layer " +
                  std::to_string(i) + " is " + layers[i]->describe());
    }
    if (t.outputs < shards) {
      throw Error("model_parallel.shards: " + std::to_string(shards) + " shards are more than the " +
                  std::to_string(t.outputs) + " neurons of layer " + std::to_string(i));
    }
    for (int k = 0; k <= shards; ++k) {
      t.first.push_back(static_cast<int>(static_cast<long long>(t.outputs) * k / shards));
    }
    t.end = i + 1;
    while (t.end < layers.size() && layers[t.end]->parameterCount() == 0) ++t.end;
    t.unit = model.layerShapes()[t.end - 1].size() / t.outputs;
    i = t.end;
    plan.layers.push_back(std::move(t));
  }
  return plan;
}

std::vector<float> shardParameters(const Model& model, const TensorPlan& plan, int shard) {
  std::vector<float> out;
  out.reserve(plan.parameterCount(shard));
  const auto offsets = layerOffsets(model);
  const auto params = model.parameters();
  for (const auto& l : plan.layers) {
    const float* w = params.data() + offsets[l.layer];
    const float* b = w + static_cast<std::size_t>(l.outputs) * l.inputs;
    const int first = l.first[static_cast<std::size_t>(shard)], rows = l.neurons(shard);
    for (int c = 0; c < l.inputs; ++c) {
      const float* column = w + static_cast<std::size_t>(c) * l.outputs + first;
      out.insert(out.end(), column, column + rows);
    }
    out.insert(out.end(), b + first, b + first + rows);
  }
  return out;
}

std::vector<float> mergeShardParameters(const Model& model, const TensorPlan& plan,
                                        const std::vector<std::vector<float>>& shards) {
  std::vector<float> whole(model.parameterCount());
  const auto offsets = layerOffsets(model);
  std::vector<std::size_t> read(shards.size(), 0);
  for (const auto& l : plan.layers) {
    float* w = whole.data() + offsets[l.layer];
    float* b = w + static_cast<std::size_t>(l.outputs) * l.inputs;
    for (int k = 0; k < plan.shards; ++k) {
      const auto& part = shards[static_cast<std::size_t>(k)];
      const int first = l.first[static_cast<std::size_t>(k)], rows = l.neurons(k);
      std::size_t& at = read[static_cast<std::size_t>(k)];
      if (part.size() < at + static_cast<std::size_t>(rows) * (l.inputs + 1)) {
        throw Error("tensor shard " + std::to_string(k) + " sent too few parameters");
      }
      for (int c = 0; c < l.inputs; ++c) {
        std::copy_n(part.data() + at, rows, w + static_cast<std::size_t>(c) * l.outputs + first);
        at += static_cast<std::size_t>(rows);
      }
      std::copy_n(part.data() + at, rows, b + first);
      at += static_cast<std::size_t>(rows);
    }
  }
  return whole;
}

}  // namespace distlab::engine
