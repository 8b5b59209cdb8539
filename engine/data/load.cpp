#include "data/load.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec_hash.h"
#include "data/dataset_cache.h"
#include "core/rng.h"
#include "data/cifar_reader.h"
#include "data/idx_reader.h"
#include "data/preprocess.h"
#include "data/synthetic.h"

namespace distlab::engine {
namespace {

TrainTest makeSynthetic(const DatasetSpec& spec, std::uint64_t seed) {
  Rng rng = Rng::stream(seed, RngPurpose::Data);
  Dataset all;
  if (spec.name == "height-weight") {
    all = makeHeightWeight(spec.samples > 0 ? spec.samples : 100, spec.noise, rng);
  } else if (spec.name == "blobs") {
    all = makeBlobs(spec.samples > 0 ? spec.samples : 1000, spec.classes, spec.noise, rng);
  } else {
    all = makeSpirals(spec.samples > 0 ? spec.samples : 1000, spec.noise, rng);
  }
  return splitTrainTest(all, spec.testFraction, rng);
}

TrainTest loadFromFiles(const DatasetSpec& spec) {
  const std::string folder = dataFolderOf(spec);
  if (spec.name == "fashion-mnist") return loadFashionMnist(folder);
  if (spec.name == "mnist") return loadMnist(folder);
  if (folder.empty()) {
    throw Error(
        "dataset.path: cifar10 needs the folder of the CIFAR-10 binary files "
        "(cifar-10-batches-bin); no Debian package provides it");
  }
  return loadCifar10(spec.path);
}

bool fromFiles(const DatasetSpec& spec) {
  return spec.name == "fashion-mnist" || spec.name == "mnist" || spec.name == "cifar10";
}

/// What the decoded data depend on: the spec's data fields and every file of the folder (name,
/// size, modification time), so a replaced file is decoded afresh. nullopt: no folder to read.
std::optional<std::uint64_t> cacheKey(const DatasetSpec& spec) {
  namespace fs = std::filesystem;
  const std::string named = dataFolderOf(spec);
  if (named.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path folder = fs::canonical(named, ec);
  if (ec) return std::nullopt;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const auto stamp = entry.last_write_time(ec).time_since_epoch().count();
    files.push_back(entry.path().filename().string() + ":" + std::to_string(entry.file_size(ec)) +
                    ":" + std::to_string(stamp));
  }
  if (ec) return std::nullopt;
  std::sort(files.begin(), files.end());
  std::string text = "format 2|" + spec.name + "|" + folder.string() + "|" +
                     std::to_string(spec.trainLimit) + "|" + std::to_string(spec.testLimit) + "|" +
                     spec.normalize;
  for (const auto& f : files) text += "|" + f;
  return fnv1a(text);
}

void applyLimits(TrainTest& data, const DatasetSpec& spec) {
  if (spec.trainLimit > 0) data.train = data.train.head(static_cast<std::size_t>(spec.trainLimit));
  if (spec.testLimit > 0) data.test = data.test.head(static_cast<std::size_t>(spec.testLimit));
}

TrainTest loadUncached(const DatasetSpec& spec, std::uint64_t seed) {
  TrainTest data;
  if (fromFiles(spec)) {
    data = loadFromFiles(spec);
  } else if (spec.name == "height-weight" || spec.name == "blobs" || spec.name == "spirals") {
    data = makeSynthetic(spec, seed);
  } else {
    throw Error("dataset.name: unknown data set \"" + spec.name +
                "\"; allowed: fashion-mnist, mnist, cifar10, height-weight, blobs, spirals");
  }
  applyLimits(data, spec);
  // Only features are standardised: height-weight targets stay in kg, as the lecture reads them.
  if (spec.normalize == "standardize") {
    standardize(data);
  } else if (spec.normalize != "none") {
    throw Error("dataset.normalize: unknown value \"" + spec.normalize +
                "\"; allowed: none, standardize");
  }
  return data;
}

}  // namespace

std::string dataFolderOf(const DatasetSpec& spec) {
  if (!spec.path.empty()) return spec.path;
  if (spec.name == "fashion-mnist") return kDefaultFashionMnistFolder;
  return spec.name == "mnist" ? kDefaultMnistFolder : "";
}

TrainTest loadDataset(const DatasetSpec& spec, std::uint64_t seed) {
  // Generated sets are small and quick to make; decoded files are what five processes duplicate.
  const auto folder = fromFiles(spec) ? datasetCacheFolder() : std::nullopt;
  // Without standardising, a limit only keeps the first rows, so every limit is a view of the
  // whole set's one file: lessons with different limits share it instead of evicting each
  // other's. Standardised features depend on the limit, so those are stored per limit.
  DatasetSpec stored = spec;
  if (spec.normalize == "none") stored.trainLimit = stored.testLimit = 0;
  const auto key = folder ? cacheKey(stored) : std::nullopt;
  if (!key) return loadUncached(spec, seed);
  auto cached = mapCachedDataset(*folder, *key);
  TrainTest data = cached ? std::move(*cached)
                          : cacheDataset(*folder, *key, loadUncached(stored, seed));
  applyLimits(data, spec);
  return data;
}

}  // namespace distlab::engine
