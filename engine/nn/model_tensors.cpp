#include "nn/model_tensors.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "nn/activations.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/pooling.h"

namespace distlab::engine {

std::vector<NamedTensor> namedTensors(const Model& model) {
  std::vector<NamedTensor> tensors;
  std::size_t offset = 0;
  const auto& layers = model.layers();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const Layer& layer = *layers[i];
    if (layer.parameterCount() == 0) continue;
    const std::string prefix = std::to_string(i) + ".";
    std::size_t out = 0, patch = 0;
    std::vector<std::int64_t> weightShape;
    if (const auto* dense = dynamic_cast<const Dense*>(&layer)) {
      out = static_cast<std::size_t>(dense->outputs());
      patch = static_cast<std::size_t>(dense->inputs());
      weightShape = {dense->outputs(), dense->inputs()};
    } else if (const auto* conv = dynamic_cast<const Conv2D*>(&layer)) {
      out = static_cast<std::size_t>(conv->outChannels());
      patch = static_cast<std::size_t>(conv->inputShape().channels) * conv->kernel() * conv->kernel();
      weightShape = {conv->outChannels(), conv->inputShape().channels, conv->kernel(),
                     conv->kernel()};
    } else {
      throw Error("layer " + std::to_string(i) + " (" + layer.describe() +
                  ") has parameters but no PyTorch name");
    }
    // Both keep W as a column-major out x patch matrix, then the bias.
    tensors.push_back({prefix + "weight", weightShape, offset, out, patch});
    tensors.push_back({prefix + "bias", {static_cast<std::int64_t>(out)}, offset + out * patch, out, 1});
    offset += layer.parameterCount();
  }
  return tensors;
}

std::vector<float> rowMajorValues(const NamedTensor& tensor, std::span<const float> flat) {
  if (tensor.offset + tensor.size() > flat.size()) throw Error(tensor.name + ": beyond the buffer");
  std::vector<float> values(tensor.size());
  for (std::size_t r = 0; r < tensor.rows; ++r)
    for (std::size_t c = 0; c < tensor.cols; ++c)
      values[r * tensor.cols + c] = flat[tensor.offset + c * tensor.rows + r];
  return values;
}

void storeRowMajor(const NamedTensor& tensor, std::span<const float> values, std::span<float> flat) {
  if (values.size() != tensor.size() || tensor.offset + tensor.size() > flat.size()) {
    throw Error(tensor.name + ": " + std::to_string(values.size()) + " values for a tensor of " +
                std::to_string(tensor.size()));
  }
  for (std::size_t r = 0; r < tensor.rows; ++r)
    for (std::size_t c = 0; c < tensor.cols; ++c)
      flat[tensor.offset + c * tensor.rows + r] = values[r * tensor.cols + c];
}

namespace {

nlohmann::json layerJson(const Layer& layer) {
  if (const auto* dense = dynamic_cast<const Dense*>(&layer))
    return {{"type", "linear"}, {"in", dense->inputs()}, {"out", dense->outputs()}};
  if (const auto* conv = dynamic_cast<const Conv2D*>(&layer)) {
    return {{"type", "conv2d"},          {"in", conv->inputShape().channels},
            {"out", conv->outChannels()}, {"kernel", conv->kernel()},
            {"stride", conv->stride()},   {"padding", conv->padding()}};
  }
  if (const auto* pool = dynamic_cast<const Pool2D*>(&layer)) {
    const bool max = dynamic_cast<const MaxPool2D*>(&layer) != nullptr;
    return {{"type", max ? "maxpool2d" : "avgpool2d"}, {"kernel", pool->kernel()},
            {"stride", pool->stride()}};
  }
  if (dynamic_cast<const ReLU*>(&layer)) return {{"type", "relu"}};
  if (dynamic_cast<const Sigmoid*>(&layer)) return {{"type", "sigmoid"}};
  if (dynamic_cast<const Tanh*>(&layer)) return {{"type", "tanh"}};
  if (dynamic_cast<const Softplus*>(&layer)) return {{"type", "softplus"}};
  if (dynamic_cast<const Flatten*>(&layer)) return {{"type", "flatten"}};
  throw Error("layer " + layer.describe() + " cannot be described");
}

}  // namespace

std::string layersJson(const Model& model) {
  auto layers = nlohmann::json::array();
  for (const auto& layer : model.layers()) layers.push_back(layerJson(*layer));
  return layers.dump();
}

}  // namespace distlab::engine
