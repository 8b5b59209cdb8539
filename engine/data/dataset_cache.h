#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>

#include "data/dataset.h"

namespace distlab::engine {

/// Decoded data sets kept as files that every process of a run maps read-only, so the four
/// workers and the coordinator share one copy of the floats instead of decoding five, and a rerun
/// skips the decoding. A cache only: any failure leaves the caller with its own copy.

/// The folder: $DISTLAB_DATA_CACHE, else $XDG_CACHE_HOME/distlab/datasets, else
/// ~/.cache/distlab/datasets; nullopt when DISTLAB_DATA_CACHE is "off" or no home is known.
std::optional<std::filesystem::path> datasetCacheFolder();

/// The data set stored under `key`, mapped, when a whole and valid file is there.
std::optional<TrainTest> mapCachedDataset(const std::filesystem::path& folder, std::uint64_t key);

/// Stores `data` under `key` (a temporary file renamed into place, so readers never see half a
/// file), keeps the newest kMaxCachedDataSets files, and returns the stored copy mapped. Returns
/// `data` itself, after one line on stderr, when the folder cannot take it.
TrainTest cacheDataset(const std::filesystem::path& folder, std::uint64_t key, TrainTest data);

inline constexpr int kMaxCachedDataSets = 4;

}  // namespace distlab::engine
