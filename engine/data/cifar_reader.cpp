#include "data/cifar_reader.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr int kCifarClasses = 10;
constexpr std::size_t kPixels = 3 * 32 * 32;
constexpr std::size_t kRecordSize = 1 + kPixels;

std::vector<std::uint8_t> readFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path + ": file not found");
  if (std::filesystem::is_directory(path, ec)) throw Error(path + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open");
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(path + ": read failed");
  return bytes;
}

}  // namespace

Dataset readCifar10(const std::vector<std::string>& files) {
  std::vector<std::vector<std::uint8_t>> contents;
  std::size_t records = 0;
  for (const std::string& path : files) {
    std::vector<std::uint8_t> bytes = readFile(path);
    if (bytes.empty() || bytes.size() % kRecordSize != 0) {
      throw Error(path + ": size mismatch: " + std::to_string(bytes.size()) +
                  " bytes is not a whole number of CIFAR-10 records of " +
                  std::to_string(kRecordSize) + " bytes");
    }
    const std::size_t n = bytes.size() / kRecordSize;
    for (std::size_t r = 0; r < n; ++r) {
      const int label = bytes[r * kRecordSize];
      if (label >= kCifarClasses) {
        throw Error(path + ": label value " + std::to_string(label) + " in record " +
                    std::to_string(r) + " is not below the number of classes (10)");
      }
    }
    records += n;
    contents.push_back(std::move(bytes));
  }

  Dataset out;
  out.shape = Shape{3, 32, 32};
  out.numClasses = kCifarClasses;
  out.classNames = {"airplane", "automobile", "bird",  "cat",  "deer",
                    "dog",      "frog",       "horse", "ship", "truck"};
  FeatureMatrix features(static_cast<Eigen::Index>(records), static_cast<Eigen::Index>(kPixels));
  out.labels.reserve(records);
  float* dst = features.data();
  for (const auto& bytes : contents) {
    for (std::size_t offset = 0; offset < bytes.size(); offset += kRecordSize) {
      out.labels.push_back(bytes[offset]);
      // The file's channel planes (all red, all green, all blue) are already c x h x w order.
      for (std::size_t p = 0; p < kPixels; ++p) {
        *dst++ = static_cast<float>(bytes[offset + 1 + p]) / 255.0f;
      }
    }
  }
  out.x = std::move(features);
  return out;
}

TrainTest loadCifar10(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string hint =
      " (expected the CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin, as in "
      "cifar-10-batches-bin)";
  if (!fs::is_directory(folder, ec)) throw Error(folder + ": folder not found" + hint);
  auto file = [&](const std::string& name) {
    const fs::path path = fs::path(folder) / name;
    if (!fs::exists(path, ec)) throw Error(path.string() + ": file not found" + hint);
    return path.string();
  };
  std::vector<std::string> trainFiles;
  for (int i = 1; i <= 5; ++i)
    trainFiles.push_back(file("data_batch_" + std::to_string(i) + ".bin"));
  const std::string testFile = file("test_batch.bin");
  TrainTest data;
  data.train = readCifar10(trainFiles);
  data.test = readCifar10({testFile});
  return data;
}

}  // namespace distlab::engine
