#include "data/load.h"

#include "core/error.h"
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
  if (spec.name == "fashion-mnist") {
    return loadFashionMnist(spec.path.empty() ? kDefaultFashionMnistFolder : spec.path);
  }
  if (spec.name == "mnist") return loadMnist(spec.path.empty() ? kDefaultMnistFolder : spec.path);
  if (spec.path.empty()) {
    throw Error(
        "dataset.path: cifar10 needs the folder of the CIFAR-10 binary files "
        "(cifar-10-batches-bin); no Debian package provides it");
  }
  return loadCifar10(spec.path);
}

}  // namespace

TrainTest loadDataset(const DatasetSpec& spec, std::uint64_t seed) {
  TrainTest data;
  if (spec.name == "fashion-mnist" || spec.name == "mnist" || spec.name == "cifar10") {
    data = loadFromFiles(spec);
  } else if (spec.name == "height-weight" || spec.name == "blobs" || spec.name == "spirals") {
    data = makeSynthetic(spec, seed);
  } else {
    throw Error("dataset.name: unknown data set \"" + spec.name +
                "\"; allowed: fashion-mnist, mnist, cifar10, height-weight, blobs, spirals");
  }
  if (spec.trainLimit > 0) data.train = data.train.head(static_cast<std::size_t>(spec.trainLimit));
  if (spec.testLimit > 0) data.test = data.test.head(static_cast<std::size_t>(spec.testLimit));
  // Only features are standardised: height-weight targets stay in kg, as the lecture reads them.
  if (spec.normalize == "standardize") {
    standardize(data);
  } else if (spec.normalize != "none") {
    throw Error("dataset.normalize: unknown value \"" + spec.normalize +
                "\"; allowed: none, standardize");
  }
  return data;
}

}  // namespace distlab::engine
