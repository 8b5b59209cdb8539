#pragma once
#include <string>
#include <cstdint>

#include "core/spec.h"
#include "data/dataset.h"

namespace distlab::engine {

/// Loads, generates, splits, limits and normalises the data set a spec names. Deterministic in
/// (spec, seed). Throws Error with a one-line reason (e.g. the missing file and the package
/// that provides it).
TrainTest loadDataset(const DatasetSpec& spec, std::uint64_t seed);
/// The folder a file-based set is read from: dataset.path, else the Debian package's (empty for
/// cifar10, which has no package, and for the synthetic sets).
std::string dataFolderOf(const DatasetSpec& spec);

}  // namespace distlab::engine
