#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "nn/model.h"

namespace distlab::engine {

/// One parameter tensor of a model, named and shaped as PyTorch's nn.Sequential of the same
/// layers names and shapes it (its state_dict), and where it lies in the flat buffer.
struct NamedTensor {
  std::string name;                 ///< "3.weight": the layer's index in the model, then the part
  std::vector<std::int64_t> shape;  ///< PyTorch's: Linear (out, in), Conv2d (out, in, k, k), bias (n)
  std::size_t offset = 0;           ///< its first float in the flat buffer
  /// The flat buffer holds it as a column-major rows x cols matrix (a bias: rows = n, cols = 1).
  std::size_t rows = 0, cols = 0;
  std::size_t size() const { return rows * cols; }
};

/// The model's parameter tensors in buffer order (a layer's weight, then its bias).
std::vector<NamedTensor> namedTensors(const Model& model);
/// The tensor in PyTorch's row-major order, read from the flat buffer (parameters or gradients).
std::vector<float> rowMajorValues(const NamedTensor& tensor, std::span<const float> flat);
/// The inverse: writes row-major values into the tensor's place in the flat buffer.
void storeRowMajor(const NamedTensor& tensor, std::span<const float> values, std::span<float> flat);

/// The layers as a JSON array, one object each, enough to build the same network elsewhere:
/// {"type":"linear","in":784,"out":256}, {"type":"conv2d","in":1,"out":6,"kernel":5,
/// "stride":1,"padding":2}, {"type":"maxpool2d","kernel":2,"stride":2}, {"type":"relu"}, ...
std::string layersJson(const Model& model);

}  // namespace distlab::engine
