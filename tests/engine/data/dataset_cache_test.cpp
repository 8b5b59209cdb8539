#include "data/dataset_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/rng.h"
#include "data/load.h"

namespace distlab::engine {
namespace {

namespace fs = std::filesystem;

/// A fresh folder, removed with the test.
struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& tag)
      : path(fs::temp_directory_path() /
             ("distlab_cache_" + tag + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

/// Sets an environment variable for one test and puts the old value back.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> old;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old) {
      ::setenv(name.c_str(), old->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
};

Dataset randomSet(int rows, Rng& rng) {
  Dataset d;
  d.shape = Shape{1, 2, 3};
  d.numClasses = 3;
  d.classNames = {"a", "b b", "c"};
  FeatureMatrix x(rows, 6);
  for (int i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(rng.normal());
  d.x = std::move(x);
  for (int i = 0; i < rows; ++i) d.labels.push_back(static_cast<int>(rng.uniform() * 3));
  return d;
}

TrainTest randomData(std::uint64_t seed) {
  Rng rng(seed);
  return {randomSet(1000, rng), randomSet(300, rng)};
}

void expectSame(const Dataset& a, const Dataset& b) {
  EXPECT_TRUE(a.x.view() == b.x.view());
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_EQ(a.shape, b.shape);
  EXPECT_EQ(a.numClasses, b.numClasses);
  EXPECT_EQ(a.classNames, b.classNames);
}

fs::path onlyFile(const fs::path& folder) {
  fs::path found;
  for (const auto& e : fs::directory_iterator(folder)) found = e.path();
  return found;
}

TEST(DatasetCacheTest, WhatIsStoredComesBackMappedAndEqual) {
  const TempFolder folder("roundtrip");
  const TrainTest data = randomData(1);
  const TrainTest stored = cacheDataset(folder.path, 77, data);
  EXPECT_TRUE(stored.train.x.isMapped());
  expectSame(stored.train, data.train);
  expectSame(stored.test, data.test);
  const auto again = mapCachedDataset(folder.path, 77);
  ASSERT_TRUE(again.has_value());
  expectSame(again->train, data.train);
  expectSame(again->test, data.test);
  EXPECT_FALSE(mapCachedDataset(folder.path, 78).has_value());  // another key: not there
}

TEST(DatasetCacheTest, ADamagedOrTruncatedFileIsNotUsed) {
  const TempFolder folder("damaged");
  cacheDataset(folder.path, 5, randomData(2));
  const fs::path file = onlyFile(folder.path);
  const auto size = fs::file_size(file);
  {  // a label in the middle of the file's label block, as a crash might leave it
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size - 700));
    const char junk[4] = {9, 9, 9, 9};
    f.write(junk, 4);
  }
  EXPECT_FALSE(mapCachedDataset(folder.path, 5).has_value());
  cacheDataset(folder.path, 5, randomData(2));
  ASSERT_TRUE(mapCachedDataset(folder.path, 5).has_value());
  fs::resize_file(file, size - 1);
  EXPECT_FALSE(mapCachedDataset(folder.path, 5).has_value());
}

TEST(DatasetCacheTest, KeepsOnlyTheMostRecentlyUsedFiles) {
  const TempFolder folder("evict");
  const TrainTest data = randomData(3);
  for (std::uint64_t key = 1; key <= kMaxCachedDataSets; ++key) {
    cacheDataset(folder.path, key, data);
  }
  int count = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder.path)) ++count;
  EXPECT_EQ(count, kMaxCachedDataSets);
  ASSERT_TRUE(mapCachedDataset(folder.path, 1).has_value());  // key 1 is now the newest used
  cacheDataset(folder.path, 100, data);
  EXPECT_TRUE(mapCachedDataset(folder.path, 1).has_value());
  EXPECT_TRUE(mapCachedDataset(folder.path, 100).has_value());
  EXPECT_FALSE(mapCachedDataset(folder.path, 2).has_value());  // the least recently used went
}

TEST(DatasetCacheTest, AFolderThatCannotBeWrittenLeavesTheCallerItsOwnCopy) {
  const TempFolder folder("blocked");
  fs::create_directories(folder.path.parent_path());
  std::ofstream(folder.path) << "a file where the folder should be";
  const TrainTest data = randomData(4);
  testing::internal::CaptureStderr();
  const TrainTest kept = cacheDataset(folder.path / "sets", 9, data);
  const std::string said = testing::internal::GetCapturedStderr();
  EXPECT_FALSE(kept.train.x.isMapped());
  expectSame(kept.train, data.train);
  EXPECT_NE(said.find("data cache not used"), std::string::npos) << said;
}

TEST(DatasetCacheTest, FolderComesFromTheEnvironment) {
  {
    const ScopedEnv cache("DISTLAB_DATA_CACHE", "/some/where");
    EXPECT_EQ(datasetCacheFolder(), fs::path("/some/where"));
  }
  {
    const ScopedEnv cache("DISTLAB_DATA_CACHE", "off");
    EXPECT_FALSE(datasetCacheFolder().has_value());
  }
  const ScopedEnv cache("DISTLAB_DATA_CACHE", "");
  const ScopedEnv xdg("XDG_CACHE_HOME", "/xdg");
  EXPECT_EQ(datasetCacheFolder(), fs::path("/xdg/distlab/datasets"));
}

// The real data set through loadDataset: decoded once, then mapped, and equal to a private load.
TEST(DatasetCacheTest, FashionMnistIsDecodedOnceThenMapped) {
  if (!fs::exists("/usr/share/datasets/fashion-mnist")) {
    GTEST_SKIP() << "needs the Debian package dataset-fashion-mnist (/usr/share/datasets)";
  }
  const TempFolder folder("fmnist");
  DatasetSpec spec;
  spec.name = "fashion-mnist";
  spec.trainLimit = 3000;
  spec.testLimit = 500;
  spec.normalize = "standardize";
  TrainTest own;
  {
    const ScopedEnv cache("DISTLAB_DATA_CACHE", "off");
    own = loadDataset(spec, 1);
  }
  EXPECT_FALSE(own.train.x.isMapped());
  const ScopedEnv cache("DISTLAB_DATA_CACHE", folder.path.string());
  const TrainTest first = loadDataset(spec, 1);
  const TrainTest second = loadDataset(spec, 1);
  EXPECT_TRUE(first.train.x.isMapped());
  EXPECT_TRUE(second.test.x.isMapped());
  expectSame(second.train, own.train);
  expectSame(second.test, own.test);
  spec.trainLimit = 2000;  // another limit: another file
  const TrainTest other = loadDataset(spec, 1);
  EXPECT_EQ(other.train.size(), 2000u);
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder.path)) ++files;
  EXPECT_EQ(files, 2);
}

// Unstandardised, every limit is a view of the whole set's one file: lessons with different
// limits share it instead of evicting each other.
TEST(DatasetCacheTest, EveryLimitOfARawDataSetSharesTheWholeSetsFile) {
  if (!fs::exists("/usr/share/datasets/fashion-mnist")) {
    GTEST_SKIP() << "needs the Debian package dataset-fashion-mnist (/usr/share/datasets)";
  }
  const TempFolder folder("fmnist_limits");
  DatasetSpec spec;
  spec.name = "fashion-mnist";
  TrainTest whole;
  {
    const ScopedEnv cache("DISTLAB_DATA_CACHE", "off");
    whole = loadDataset(spec, 1);
  }
  const ScopedEnv cache("DISTLAB_DATA_CACHE", folder.path.string());
  // The last pair is larger than the set: the whole set.
  for (const auto& [train, test] :
       {std::pair{3000, 500}, {2000, 0}, {0, 7}, {0, 0}, {70000, 20000}}) {
    spec.trainLimit = train;
    spec.testLimit = test;
    const TrainTest d = loadDataset(spec, 1);
    EXPECT_TRUE(d.train.x.isMapped());
    EXPECT_TRUE(d.test.x.isMapped());
    expectSame(d.train, whole.train.head(static_cast<std::size_t>(train)));
    expectSame(d.test, whole.test.head(static_cast<std::size_t>(test)));
    EXPECT_EQ(d.train.size(), std::min(train > 0 ? std::size_t(train) : whole.train.size(),
                                       whole.train.size()));
    EXPECT_EQ(d.test.size(), std::min(test > 0 ? std::size_t(test) : whole.test.size(),
                                      whole.test.size()));
  }
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder.path)) ++files;
  EXPECT_EQ(files, 1);
  // An unknown normalisation is still refused, by name, with the cache on.
  spec.normalize = "minmax";
  try {
    loadDataset(spec, 1);
    ADD_FAILURE() << "dataset.normalize \"minmax\" was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("dataset.normalize"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace distlab::engine
