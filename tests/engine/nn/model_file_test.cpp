// Model files: the native file round-trips bit for bit and refuses damaged or foreign files;
// the .npz export is read by NumPy and PyTorch as the same network (loss, gradients, logits).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/npz_file.h"
#include "nn/builders.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/loss.h"
#include "nn/model_file.h"
#include "nn/model_tensors.h"
#include "nn_test_util.h"
#include "../test_support.h"

namespace distlab::engine::testing {
namespace {

constexpr Shape kImage{1, 28, 28};

Spec specWith(const std::string& arch, std::vector<int> hidden = {32, 16},
              const std::string& activation = "relu") {
  Spec spec;
  spec.model.arch = arch;
  spec.model.hidden = std::move(hidden);
  spec.model.activation = activation;
  return spec;
}

Model modelFor(const Spec& spec) { return buildModel(spec.model, kImage, 10, spec.seed); }

class ModelFileTest : public TempDirTest {};

TEST_F(ModelFileTest, RoundTripsBitForBitWithItsSpec) {
  for (const std::string arch : {"mlp", "lenet5"}) {
    const Spec spec = specWith(arch);
    Model model = modelFor(spec);
    const std::string file = path(arch + ".dlm").string();
    writeModelFile(file, model, model.parameters(), spec, 1234);
    const ModelFile read = readModelFile(file);
    ASSERT_EQ(read.parameters.size(), model.parameterCount()) << arch;
    EXPECT_EQ(0, std::memcmp(read.parameters.data(), model.parameters().data(),
                             model.parameters().size_bytes())) << arch;
    EXPECT_EQ(read.version, 1234u);
    EXPECT_EQ(read.spec.model.arch, arch);
    EXPECT_EQ(read.input, kImage);
    EXPECT_EQ(read.outputs, 10);
    const auto loaded = loadParametersFor(file, modelFor(spec));
    EXPECT_EQ(loaded, read.parameters);
    EXPECT_FALSE(std::filesystem::exists(file + ".part"));
  }
}

TEST_F(ModelFileTest, RefusesDamagedCutAndForeignFiles) {
  const Spec spec = specWith("mlp");
  Model model = modelFor(spec);
  const std::string file = path("m.dlm").string();
  writeModelFile(file, model, model.parameters(), spec, 0);
  const std::string good = readBinaryFile(file, "model");

  std::string damaged = good;
  damaged[damaged.size() / 2] ^= 0x10;  // one bit in the parameters
  std::ofstream(path("damaged.dlm"), std::ios::binary) << damaged;
  EXPECT_NE(errorOf([&] { readModelFile(path("damaged.dlm").string()); }).find("checksum"),
            std::string::npos);

  std::ofstream(path("cut.dlm"), std::ios::binary) << good.substr(0, good.size() - 100);
  EXPECT_NE(errorOf([&] { readModelFile(path("cut.dlm").string()); }).find("cut short"),
            std::string::npos);

  std::ofstream(path("other.dlm"), std::ios::binary) << "PK\x03\x04" + good.substr(4);
  EXPECT_NE(errorOf([&] { readModelFile(path("other.dlm").string()); }).find("signature"),
            std::string::npos);

  // A model of other layers: the error names both.
  const auto message = errorOf([&] { loadParametersFor(file, modelFor(specWith("mlp", {64}))); });
  EXPECT_NE(message.find("holds another model"), std::string::npos) << message;
  EXPECT_NE(message.find("\"out\":64"), std::string::npos) << message;

  EXPECT_NE(errorOf([&] { readModelFile(path("missing.dlm").string()); }).find("cannot read"),
            std::string::npos);
}

// The PyTorch names and layouts, against the layers' own accessors.
TEST(ModelTensorsTest, NamesAndLayoutsAreNnSequentials) {
  Model model = modelFor(specWith("lenet5"));
  const auto tensors = namedTensors(model);
  ASSERT_EQ(tensors.size(), 10u);  // two conv and three linear layers, weight and bias each
  EXPECT_EQ(tensors[0].name, "0.weight");
  EXPECT_EQ(tensors[0].shape, (std::vector<std::int64_t>{6, 1, 5, 5}));
  EXPECT_EQ(tensors[4].name, "7.weight");
  EXPECT_EQ(tensors[4].shape, (std::vector<std::int64_t>{120, 400}));
  const auto* conv = dynamic_cast<const Conv2D*>(model.layers()[3].get());
  ASSERT_NE(conv, nullptr);
  const auto convWeight = rowMajorValues(tensors[2], model.parameters());  // (16, 6, 5, 5)
  EXPECT_EQ(convWeight[((7 * 6 + 4) * 5 + 2) * 5 + 3], conv->weights()(7, (4 * 5 + 2) * 5 + 3));
  const auto* dense = dynamic_cast<const Dense*>(model.layers()[7].get());
  const auto denseWeight = rowMajorValues(tensors[4], model.parameters());
  EXPECT_EQ(denseWeight[17 * 400 + 399], dense->weights()(17, 399));
  const auto bias = rowMajorValues(tensors[5], model.parameters());
  EXPECT_EQ(bias[119], dense->bias()(119));

  // storeRowMajor is its inverse.
  std::vector<float> flat(model.parameterCount(), 0.0f);
  for (const auto& t : tensors) storeRowMajor(t, rowMajorValues(t, model.parameters()), flat);
  EXPECT_TRUE(std::equal(flat.begin(), flat.end(), model.parameters().begin()));
}

std::string python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

/// Runs tests/python/check_model_export.py on folder; its exit code and output.
std::pair<int, std::string> checkExport(const std::filesystem::path& folder, const std::string& mode) {
  const auto r = runShell(python() + " " + DISTLAB_SOURCE_DIR +
                          "/tests/python/check_model_export.py " + folder.string() + " " + mode);
  return {r.exitCode, r.output};
}

/// Writes the export of spec's model (trained a few steps, so no tensor is at its init) and
/// one batch with DistLab's logits, loss and gradients on it into folder.
void writeExportCase(const Spec& spec, const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  Model model = modelFor(spec);
  constexpr int kBatch = 16;
  const Matrix x = randomMatrix(kImage.size(), kBatch, 5, 0.0f, 1.0f);
  std::vector<int> labels(kBatch);
  for (int i = 0; i < kBatch; ++i) labels[static_cast<std::size_t>(i)] = (i * 7) % 10;
  Matrix gradient;
  for (int step = 0; step < 3; ++step) {  // move every tensor off its initialisation
    softmaxCrossEntropy(model.forward(x), labels, &gradient);
    model.backward(gradient);
    for (std::size_t i = 0; i < model.parameterCount(); ++i)
      model.parameters()[i] -= 0.1f * model.gradients()[i];
  }
  const Matrix logits = model.forward(x);
  const double loss = softmaxCrossEntropy(logits, labels, &gradient);
  model.backward(gradient);

  writeModelNpz((folder / "model.npz").string(), model, model.parameters());
  std::ofstream(folder / "layers.json") << layersJson(model);
  std::vector<std::int64_t> y(labels.begin(), labels.end());
  const std::vector<NpyArray> batch = {
      {"x", {kBatch, kImage.channels, kImage.height, kImage.width},
       std::vector<float>(x.data(), x.data() + x.size())},
      {"y", {kBatch}, y}};
  writeNpz((folder / "batch.npz").string(), batch);
  // A column per example is, read row-major, one row per example: (batch, classes).
  std::vector<NpyArray> expected = {
      {"logits", {kBatch, 10}, std::vector<float>(logits.data(), logits.data() + logits.size())},
      {"loss", {}, std::vector<float>{static_cast<float>(loss)}}};
  for (const auto& t : namedTensors(model))
    expected.push_back({t.name, t.shape, rowMajorValues(t, model.gradients())});
  writeNpz((folder / "expected.npz").string(), expected);
}

class ModelExportTest : public TempDirTest {};

TEST_F(ModelExportTest, NumPyRebuildsTheMlpLogitsFromTheExport) {
  writeExportCase(specWith("mlp", {32, 16}, "tanh"), path("mlp"));
  const auto [code, output] = checkExport(path("mlp"), "numpy");
  if (code == 77) GTEST_SKIP() << "python3-numpy is not installed";
  EXPECT_EQ(code, 0) << output;
  EXPECT_NE(output.find("logits: relative error"), std::string::npos) << output;
}

TEST_F(ModelExportTest, PyTorchGetsTheSameLossAndGradientsOnABatch) {
  for (const auto& spec : {specWith("mlp", {64, 32}, "relu"), specWith("lenet5", {}, "relu"),
                           specWith("lenet5", {}, "sigmoid")}) {
    const auto folder = path(spec.model.arch + "-" + spec.model.activation);
    writeExportCase(spec, folder);
    const auto [code, output] = checkExport(folder, "torch");
    if (code == 77) GTEST_SKIP() << "python3-torch is not installed";
    EXPECT_EQ(code, 0) << spec.model.arch << " " << spec.model.activation << ":\n" << output;
    // Every tensor was compared, not only the loss.
    for (const auto& t : namedTensors(modelFor(spec)))
      EXPECT_NE(output.find("gradient " + t.name + ": relative error"), std::string::npos) << output;
    std::printf("%s %s:\n%s", spec.model.arch.c_str(), spec.model.activation.c_str(), output.c_str());
  }
}

TEST(NpzFileTest, NpyHeaderIsNumPysFormat) {
  const auto bytes = npyBytes({"a", {2, 3}, std::vector<float>(6, 1.0f)});
  const std::string text(bytes.begin(), bytes.end());
  EXPECT_EQ(text.substr(1, 5), "NUMPY");
  const std::size_t headerLength = bytes[8] | (bytes[9] << 8);
  EXPECT_EQ((10 + headerLength) % 64, 0u);
  EXPECT_NE(text.find("'shape': (2, 3)"), std::string::npos);
  EXPECT_EQ(bytes.size(), 10 + headerLength + 6 * sizeof(float));
  const auto ints = npyBytes({"b", {4}, std::vector<std::int64_t>(4)});
  EXPECT_NE(std::string(ints.begin(), ints.end())
                .find("'descr': '<i8', 'fortran_order': False, 'shape': (4,)"),
            std::string::npos);
  const auto scalar = npyBytes({"loss", {}, std::vector<float>{1.5f}});
  EXPECT_NE(std::string(scalar.begin(), scalar.end()).find("'shape': ()"), std::string::npos);
  EXPECT_NE(errorOf([] { npyBytes({"c", {2, 2}, std::vector<float>(3)}); }).find("holds 4 values"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine::testing
