#pragma once
#include <cstdint>

#include "core/spec.h"
#include "data/dataset.h"

namespace distlab::engine {

/// Loads, generates, splits, limits and normalises the data set a spec names. Deterministic in
/// (spec, seed). Throws Error with a one-line reason (e.g. the missing file and the package
/// that provides it).
TrainTest loadDataset(const DatasetSpec& spec, std::uint64_t seed);

}  // namespace distlab::engine
