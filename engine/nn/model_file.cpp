#include "nn/model_file.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/float_bundle.h"
#include "core/npz_file.h"
#include "nn/builders.h"
#include "nn/model_tensors.h"

namespace distlab::engine {
namespace {

constexpr Signature kSignature = {'D', 'L', 'M', 'O', 'D', 'E', 'L', '\0'};
constexpr std::uint32_t kFormatVersion = 1;

nlohmann::json headerOf(const Model& layout, std::size_t parameters, const Spec& spec,
                        std::uint64_t version) {
  auto tensors = nlohmann::json::array();
  for (const auto& t : namedTensors(layout)) {
    tensors.push_back({{"name", t.name}, {"shape", t.shape}, {"offset", t.offset},
                       {"rows", t.rows}, {"cols", t.cols}});
  }
  const Shape in = layout.inputShape();
  return {{"format", "distlab-model"},
          {"parameters", parameters},
          {"input", {in.channels, in.height, in.width}},
          {"outputs", layout.outputShape().size()},
          {"version", version},
          {"layers", nlohmann::json::parse(layersJson(layout))},
          {"tensors", tensors},
          {"spec", specToJson(spec)}};
}

}  // namespace

void writeModelFile(const std::string& path, const Model& layout, std::span<const float> parameters,
                    const Spec& spec, std::uint64_t version) {
  if (parameters.size() != layout.parameterCount()) {
    throw Error("cannot write " + path + ": " + std::to_string(parameters.size()) +
                " parameters for a model of " + std::to_string(layout.parameterCount()));
  }
  const std::span<const float> sections[] = {parameters};
  writeFileAtomically(path, packBundle(kSignature, kFormatVersion,
                                       headerOf(layout, parameters.size(), spec, version).dump(),
                                       sections));
}

ModelFile readModelFile(const std::string& path) {
  const std::string text = readBinaryFile(path, "model file");
  return parseModelFile({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()},
                        "model file " + path);
}

ModelFile parseModelFile(std::span<const std::uint8_t> bytes, const std::string& what) {
  FloatBundle bundle = unpackBundle(bytes, kSignature, kFormatVersion, what);
  ModelFile file;
  try {
    const auto header = nlohmann::json::parse(bundle.header);
    if (bundle.sections.size() != 1 ||
        bundle.sections[0].size() != header.at("parameters").get<std::size_t>()) {
      throw Error(what + ": its parameters do not match its header");
    }
    const auto input = header.at("input").get<std::vector<int>>();
    if (input.size() != 3) throw Error(what + ": \"input\" is not [channels, height, width]");
    file.input = Shape{input[0], input[1], input[2]};
    file.outputs = header.at("outputs").get<int>();
    // Checked before anything is built from them: a file is input like any other.
    const bool sane = std::all_of(input.begin(), input.end(), [](int d) { return d >= 1 && d <= 65536; }) &&
                      static_cast<std::int64_t>(input[0]) * input[1] * input[2] <= (1 << 26) &&
                      file.outputs >= 1 && file.outputs <= (1 << 20);
    if (!sane) throw Error(what + ": \"input\" or \"outputs\" out of range");
    file.version = header.value("version", std::uint64_t{0});
    const auto problems = parseSpec(header.at("spec"), file.spec);
    if (!problems.empty()) throw Error(what + ": its spec: " + problems.front().text());
  } catch (const nlohmann::json::exception& e) {
    throw Error(what + ": unreadable header: " + e.what());
  }
  file.parameters = std::move(bundle.sections[0]);
  return file;
}

Model modelOf(const ModelFile& file) {
  Model model = buildModel(file.spec.model, file.input, file.outputs, file.spec.seed);
  if (model.parameterCount() != file.parameters.size()) {
    throw Error("model file: its spec builds " + std::to_string(model.parameterCount()) +
                " parameters, the file holds " + std::to_string(file.parameters.size()));
  }
  std::copy(file.parameters.begin(), file.parameters.end(), model.parameters().begin());
  return model;
}

std::vector<float> loadParametersFor(const std::string& path, const Model& layout) {
  ModelFile file = readModelFile(path);
  const Model saved = modelOf(file);
  const std::string want = layersJson(layout), have = layersJson(saved);
  if (want != have || !(saved.inputShape() == layout.inputShape())) {
    throw Error("model file " + path + " holds another model: its layers " + have +
                ", the spec's " + want);
  }
  return std::move(file.parameters);
}

void writeModelNpz(const std::string& path, const Model& layout, std::span<const float> parameters) {
  if (parameters.size() != layout.parameterCount())
    throw Error("cannot write " + path + ": parameters do not fit the model");
  std::vector<NpyArray> arrays;
  for (const auto& t : namedTensors(layout)) arrays.push_back({t.name, t.shape, rowMajorValues(t, parameters)});
  writeNpz(path, arrays);
}

void saveModel(const std::string& path, const Model& layout, std::span<const float> parameters,
               const Spec& spec, std::uint64_t version) {
  const bool npz = path.size() >= 4 && path.compare(path.size() - 4, 4, ".npz") == 0;
  if (npz) return writeModelNpz(path, layout, parameters);
  writeModelFile(path, layout, parameters, spec, version);
}

}  // namespace distlab::engine
