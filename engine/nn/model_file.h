#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "nn/model.h"

namespace distlab::engine {

/// A trained model on disk (docs/model-file.md): a FloatBundle signed "DLMODEL\0" whose JSON
/// header holds the spec it was trained with, its layers and its PyTorch-named tensors, and whose
/// one section is the flat float32 parameter buffer.
struct ModelFile {
  Spec spec;                    ///< the spec the model was built from
  Shape input;                  ///< one example's shape
  int outputs = 0;              ///< classes (or regression targets)
  std::uint64_t version = 0;    ///< server updates behind it (0: untrained or single process)
  std::vector<float> parameters;
};

/// Writes the model: a .npz path gets NumPy's format with PyTorch's names and layouts
/// (writeModelNpz), any other the native file. Atomic; throws Error naming what failed.
void saveModel(const std::string& path, const Model& layout, std::span<const float> parameters,
               const Spec& spec, std::uint64_t version = 0);
/// The native file only.
void writeModelFile(const std::string& path, const Model& layout, std::span<const float> parameters,
                    const Spec& spec, std::uint64_t version);
/// Reads a native file; throws Error when it is not one, is cut short or damaged (its checksum).
ModelFile readModelFile(const std::string& path);
/// The same from a file's bytes; errors start with `what`.
ModelFile parseModelFile(std::span<const std::uint8_t> bytes, const std::string& what);
/// The parameters of the file at `path` for a model laid out as `layout`: throws Error naming
/// the first difference (layers, sizes) when the file's model is another.
std::vector<float> loadParametersFor(const std::string& path, const Model& layout);
/// One array per parameter tensor, named as nn.Sequential's state_dict ("0.weight", ...), in
/// PyTorch's shapes and row-major order: np.load(path) feeds model.load_state_dict directly.
void writeModelNpz(const std::string& path, const Model& layout, std::span<const float> parameters);
/// The model a file was built as (its layers, initialised, then the file's parameters).
Model modelOf(const ModelFile& file);

}  // namespace distlab::engine
