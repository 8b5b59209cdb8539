// What `validate` finds in a data folder without decoding it: folders and files that are not
// there, headers that are not IDX, files shorter or longer than their headers (raw or gzip),
// labels that do not match the images, CIFAR-10 files of the wrong size. Every problem at once,
// each naming its file; the loader is the independent judge of which folders are good.
#include "data/data_check.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>

#include "../test_support.h"
#include "core/error.h"
#include "data/load.h"

namespace distlab::engine {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;
using testing::writeRaw;

Bytes idx(const std::vector<std::uint32_t>& dims) {
  Bytes out = {0, 0, 0x08, static_cast<std::uint8_t>(dims.size())};
  std::size_t n = 1;
  for (std::uint32_t d : dims) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(d >> s));
    n *= d;
  }
  for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<std::uint8_t>(i % 10));
  return out;
}

void writeGz(const fs::path& path, const Bytes& bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())),
            static_cast<int>(bytes.size()));
  ASSERT_EQ(gzclose(file), Z_OK);
}

class DataCheckTest : public testing::TempDirTest {
 protected:
  /// A small Fashion-MNIST-like folder: raw training files, gzip test files.
  fs::path goodFolder() {
    const fs::path folder = path("fm");
    fs::create_directories(folder);
    writeRaw(folder / "train-images-idx3-ubyte", idx({12, 28, 28}));
    writeRaw(folder / "train-labels-idx1-ubyte", idx({12}));
    writeGz(folder / "t10k-images-idx3-ubyte.gz", idx({5, 28, 28}));
    writeGz(folder / "t10k-labels-idx1-ubyte.gz", idx({5}));
    return folder;
  }
  static DatasetSpec at(const fs::path& folder, const std::string& name = "fashion-mnist") {
    DatasetSpec d;
    d.name = name;
    d.path = folder.string();
    return d;
  }
  static bool mentions(const std::vector<std::string>& problems, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
  }
};

TEST_F(DataCheckTest, AGoodFolderHasNoProblemAndTheLoaderAgrees) {
  const auto folder = goodFolder();
  EXPECT_TRUE(checkDataFiles(at(folder)).empty());
  EXPECT_NO_THROW(loadDataset(at(folder), 1));
  DatasetSpec blobs;
  blobs.name = "blobs";
  EXPECT_TRUE(checkDataFiles(blobs).empty());
}

TEST_F(DataCheckTest, AMissingFolderIsNamed) {
  const auto problems = checkDataFiles(at(path("nowhere")));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(path("nowhere").string() + ": folder not found"), std::string::npos);
  EXPECT_THROW(loadDataset(at(path("nowhere")), 1), Error);
}

// Four broken files in one folder: four problems, found in one pass, each naming its file; the
// loader refuses the folder too.
TEST_F(DataCheckTest, EveryBrokenFileIsListedAtOnce) {
  const auto folder = goodFolder();
  auto truncated = idx({12, 28, 28});
  truncated.resize(truncated.size() - 100);
  writeRaw(folder / "train-images-idx3-ubyte", truncated);
  writeRaw(folder / "train-labels-idx1-ubyte", idx({11}));  // one label short of 12 images
  auto gz = idx({5, 28, 28});
  writeGz(folder / "t10k-images-idx3-ubyte.gz", gz);
  {  // cut the gzip file short: its trailer is gone
    Bytes whole;
    std::ifstream in(folder / "t10k-images-idx3-ubyte.gz", std::ios::binary);
    whole.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    whole.resize(whole.size() / 2);
    writeRaw(folder / "t10k-images-idx3-ubyte.gz", whole);
  }
  writeGz(folder / "t10k-labels-idx1-ubyte.gz", Bytes{0, 0, 0x08, 0x03, 0, 0, 0, 5});
  const auto problems = checkDataFiles(at(folder));
  EXPECT_EQ(problems.size(), 3u) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, "train-images-idx3-ubyte: size mismatch"));
  EXPECT_TRUE(mentions(problems, "t10k-images-idx3-ubyte.gz: "));  // cut short: no header or trailer
  EXPECT_TRUE(mentions(problems, "t10k-labels-idx1-ubyte.gz: not an IDX file of 1 dimension"));
  EXPECT_THROW(loadDataset(at(folder), 1), Error);
  // With the images whole again, the short labels show.
  writeRaw(folder / "train-images-idx3-ubyte", idx({12, 28, 28}));
  EXPECT_TRUE(mentions(checkDataFiles(at(folder)),
                       "train-labels-idx1-ubyte: 11 labels for the 12 images"));
  fs::remove(folder / "train-labels-idx1-ubyte");
  EXPECT_TRUE(mentions(checkDataFiles(at(folder)),
                       "neither train-labels-idx1-ubyte nor train-labels-idx1-ubyte.gz found"));
}

TEST_F(DataCheckTest, CifarNeedsItsFolderAndWholeRecords) {
  EXPECT_TRUE(mentions(checkDataFiles(at("", "cifar10")), "dataset.path: the folder of the CIFAR-10"));
  const fs::path folder = path("cifar");
  fs::create_directories(folder);
  const Bytes record(3073, 1);
  for (const std::string name : {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                                 "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"}) {
    writeRaw(folder / name, record);
  }
  EXPECT_TRUE(checkDataFiles(at(folder, "cifar10")).empty());
  writeRaw(folder / "data_batch_3.bin", Bytes(3000, 1));
  fs::remove(folder / "test_batch.bin");
  const auto problems = checkDataFiles(at(folder, "cifar10"));
  EXPECT_EQ(problems.size(), 2u);
  EXPECT_TRUE(mentions(problems, "data_batch_3.bin: size mismatch"));
  EXPECT_TRUE(mentions(problems, "test_batch.bin: file not found"));
}

}  // namespace
}  // namespace distlab::engine
