#include "data/idx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../test_support.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

using testing::errorOf;
using testing::writeRaw;

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

void appendBigEndian(Bytes& out, std::uint32_t value) {
  out.push_back(static_cast<std::uint8_t>(value >> 24));
  out.push_back(static_cast<std::uint8_t>(value >> 16));
  out.push_back(static_cast<std::uint8_t>(value >> 8));
  out.push_back(static_cast<std::uint8_t>(value));
}

Bytes idxBytes(const std::vector<std::uint32_t>& dims, const Bytes& data,
               std::uint8_t type = 0x08) {
  Bytes out = {0, 0, type, static_cast<std::uint8_t>(dims.size())};
  for (std::uint32_t d : dims) appendBigEndian(out, d);
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

Bytes iota(std::size_t n) {
  Bytes out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(i * 7 % 256);
  return out;
}

void writeGz(const fs::path& path, const Bytes& bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr) << path;
  ASSERT_EQ(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())),
            static_cast<int>(bytes.size()));
  ASSERT_EQ(gzclose(file), Z_OK);
}

Bytes readRaw(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class IdxReaderTest : public testing::TempDirTest {};

TEST_F(IdxReaderTest, ReadsRawFile) {
  const Bytes data = iota(2 * 3 * 4);
  writeRaw(path("a.idx"), idxBytes({2, 3, 4}, data));
  const IdxArray idx = readIdxFile(path("a.idx"));
  EXPECT_EQ(idx.dims, (std::vector<std::uint32_t>{2, 3, 4}));
  EXPECT_EQ(idx.data, data);
}

TEST_F(IdxReaderTest, ReadsGzipFile) {
  const Bytes data = iota(5000);
  writeGz(path("a.idx.gz"), idxBytes({5000}, data));
  const IdxArray idx = readIdxFile(path("a.idx.gz"));
  EXPECT_EQ(idx.dims, (std::vector<std::uint32_t>{5000}));
  EXPECT_EQ(idx.data, data);
}

// gzip's trailer gives the size of the last member only: with two members the reader's first
// guess is short, and it must grow its buffer without losing a byte.
TEST_F(IdxReaderTest, ReadsAGzipFileOfTwoMembers) {
  const Bytes data = iota(300000);
  const Bytes whole = idxBytes({300000}, data);
  const Bytes first(whole.begin(), whole.begin() + 250000), second(whole.begin() + 250000, whole.end());
  writeGz(path("two.gz"), first);
  const Bytes one = readRaw(path("two.gz"));
  writeGz(path("second.gz"), second);
  Bytes both = one;
  const Bytes tail = readRaw(path("second.gz"));
  both.insert(both.end(), tail.begin(), tail.end());
  writeRaw(path("two.gz"), both);
  const IdxArray idx = readIdxFile(path("two.gz"));
  EXPECT_EQ(idx.dims, (std::vector<std::uint32_t>{300000}));
  EXPECT_EQ(idx.data, data);
}

TEST_F(IdxReaderTest, DatasetScalesPixelsAndKeepsLabels) {
  const Bytes pixels = {0, 255, 51, 102, 1, 2, 3, 4, 200, 100, 50, 25};
  writeGz(path("img.gz"), idxBytes({3, 2, 2}, pixels));
  writeRaw(path("lab"), idxBytes({3}, {2, 0, 1}));
  const Dataset d = readIdxDataset(path("img.gz"), path("lab"), 3, {"a", "b", "c"});
  ASSERT_EQ(d.size(), 3u);
  ASSERT_EQ(d.x.cols(), 4);
  EXPECT_EQ(d.shape, (Shape{1, 2, 2}));
  EXPECT_EQ(d.numClasses, 3);
  EXPECT_EQ(d.classNames, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(d.labels, (std::vector<int>{2, 0, 1}));
  EXPECT_EQ(d.targets.size(), 0);
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 4; ++c) {
      EXPECT_FLOAT_EQ(d.x(r, c), pixels[static_cast<std::size_t>(r * 4 + c)] / 255.0f);
    }
  }
  EXPECT_EQ(d.x(0, 0), 0.0f);
  EXPECT_EQ(d.x(0, 1), 1.0f);
  EXPECT_FLOAT_EQ(d.x(0, 2), 0.2f);
}

TEST_F(IdxReaderTest, FolderFindsRawAndGzipFiles) {
  writeRaw(path("train-images-idx3-ubyte"), idxBytes({4, 3, 2}, iota(24)));
  writeGz(path("train-labels-idx1-ubyte.gz"), idxBytes({4}, {9, 0, 5, 5}));
  writeGz(path("t10k-images-idx3-ubyte.gz"), idxBytes({2, 3, 2}, iota(12)));
  writeRaw(path("t10k-labels-idx1-ubyte"), idxBytes({2}, {1, 7}));
  const TrainTest mnist = loadMnist(m_dir);
  EXPECT_EQ(mnist.train.size(), 4u);
  EXPECT_EQ(mnist.test.size(), 2u);
  EXPECT_EQ(mnist.train.shape, (Shape{1, 3, 2}));
  EXPECT_EQ(mnist.train.labels, (std::vector<int>{9, 0, 5, 5}));
  EXPECT_EQ(mnist.test.labels, (std::vector<int>{1, 7}));
  EXPECT_EQ(mnist.train.numClasses, 10);
  EXPECT_EQ(mnist.train.classNames.front(), "0");
  EXPECT_EQ(mnist.train.classNames.back(), "9");
  const TrainTest fashion = loadFashionMnist(m_dir);
  EXPECT_EQ(fashion.test.classNames.front(), "T-shirt/top");
  EXPECT_EQ(fashion.test.classNames.back(), "Ankle boot");
}

TEST_F(IdxReaderTest, MissingFile) {
  const std::string file = path("nothing-here-idx3-ubyte");
  const std::string message = errorOf([&] { readIdxFile(file); });
  EXPECT_NE(message.find(file), std::string::npos) << message;
  EXPECT_NE(message.find("not found"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, MissingFilesInFolder) {
  writeRaw(path("train-images-idx3-ubyte"), idxBytes({1, 1, 1}, {0}));
  const std::string message = errorOf([&] { loadFashionMnist(m_dir); });
  EXPECT_NE(message.find(m_dir.string()), std::string::npos) << message;
  EXPECT_NE(message.find("train-labels-idx1-ubyte.gz"), std::string::npos) << message;
  const std::string absent = path("absent");
  const std::string folderMessage = errorOf([&] { loadMnist(absent); });
  EXPECT_NE(folderMessage.find(absent), std::string::npos) << folderMessage;
  EXPECT_NE(folderMessage.find("not found"), std::string::npos) << folderMessage;
}

TEST_F(IdxReaderTest, TruncatedData) {
  Bytes bytes = idxBytes({2, 3, 4}, iota(24));
  bytes.resize(bytes.size() - 4);
  writeGz(path("short.gz"), bytes);
  const std::string message = errorOf([&] { readIdxFile(path("short.gz")); });
  EXPECT_NE(message.find(path("short.gz").string()), std::string::npos) << message;
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
  EXPECT_NE(message.find("expected 24 bytes of data, got 20"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, TruncatedHeader) {
  Bytes bytes = idxBytes({2, 3, 4}, {});
  bytes.resize(10);
  writeRaw(path("head"), bytes);
  const std::string message = errorOf([&] { readIdxFile(path("head")); });
  EXPECT_NE(message.find(path("head").string()), std::string::npos) << message;
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, WrongMagic) {
  writeRaw(path("png"), {0x89, 'P', 'N', 'G', 0, 0, 0, 0});
  const std::string message = errorOf([&] { readIdxFile(path("png")); });
  EXPECT_NE(message.find(path("png").string()), std::string::npos) << message;
  EXPECT_NE(message.find("magic"), std::string::npos) << message;
  EXPECT_NE(message.find("0x89504E47"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, LabelsFileWhereImagesExpected) {
  writeRaw(path("labels-a"), idxBytes({2}, {0, 1}));
  writeRaw(path("labels-b"), idxBytes({2}, {0, 1}));
  const std::string message =
      errorOf([&] { readIdxDataset(path("labels-a"), path("labels-b"), 10, {}); });
  EXPECT_NE(message.find(path("labels-a").string()), std::string::npos) << message;
  EXPECT_NE(message.find("0x00000801"), std::string::npos) << message;
  EXPECT_NE(message.find("expected 0x00000803"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, WrongTypeByte) {
  writeRaw(path("floats"), idxBytes({1}, {0, 0, 0, 0}, 0x0D));
  const std::string message = errorOf([&] { readIdxFile(path("floats")); });
  EXPECT_NE(message.find(path("floats").string()), std::string::npos) << message;
  EXPECT_NE(message.find("type byte is 0x0D"), std::string::npos) << message;
  EXPECT_NE(message.find("0x08"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, GzipHeaderThenGarbage) {
  Bytes bytes = {0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03};
  bytes.insert(bytes.end(), 64, 0xFF);
  writeRaw(path("garbage.gz"), bytes);
  const std::string message = errorOf([&] { readIdxFile(path("garbage.gz")); });
  EXPECT_NE(message.find(path("garbage.gz").string()), std::string::npos) << message;
  EXPECT_NE(message.find("gzip data is corrupt"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, TruncatedGzipStream) {
  writeGz(path("whole.gz"), idxBytes({20000}, iota(20000)));
  Bytes compressed = readRaw(path("whole.gz"));
  ASSERT_GT(compressed.size(), 40u);
  compressed.resize(compressed.size() / 2);
  writeRaw(path("half.gz"), compressed);
  const std::string message = errorOf([&] { readIdxFile(path("half.gz")); });
  EXPECT_NE(message.find(path("half.gz").string()), std::string::npos) << message;
  EXPECT_NE(message.find("gzip data is corrupt"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, GzipChecksumMismatch) {
  writeGz(path("crc.gz"), idxBytes({100}, iota(100)));
  Bytes compressed = readRaw(path("crc.gz"));
  compressed[compressed.size() - 6] ^= 0x5A;  // inside the CRC-32 of the gzip trailer
  writeRaw(path("crc.gz"), compressed);
  const std::string message = errorOf([&] { readIdxFile(path("crc.gz")); });
  EXPECT_NE(message.find(path("crc.gz").string()), std::string::npos) << message;
  EXPECT_NE(message.find("gzip data is corrupt"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, TrailingBytes) {
  Bytes bytes = idxBytes({3}, {1, 2, 3});
  bytes.push_back(4);
  bytes.push_back(5);
  writeRaw(path("long"), bytes);
  const std::string message = errorOf([&] { readIdxFile(path("long")); });
  EXPECT_NE(message.find(path("long").string()), std::string::npos) << message;
  EXPECT_NE(message.find("2 trailing bytes"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, LabelCountDiffersFromImageCount) {
  writeRaw(path("img"), idxBytes({3, 2, 2}, iota(12)));
  writeRaw(path("lab"), idxBytes({2}, {0, 1}));
  const std::string message = errorOf([&] { readIdxDataset(path("img"), path("lab"), 10, {}); });
  EXPECT_NE(message.find(path("lab").string()), std::string::npos) << message;
  EXPECT_NE(message.find("label count 2"), std::string::npos) << message;
  EXPECT_NE(message.find("image count 3"), std::string::npos) << message;
}

TEST_F(IdxReaderTest, LabelNotBelowNumClasses) {
  writeRaw(path("img"), idxBytes({3, 1, 1}, {0, 0, 0}));
  writeRaw(path("lab"), idxBytes({3}, {0, 10, 1}));
  const std::string message = errorOf([&] { readIdxDataset(path("img"), path("lab"), 10, {}); });
  EXPECT_NE(message.find(path("lab").string()), std::string::npos) << message;
  EXPECT_NE(message.find("label value 10 at index 1"), std::string::npos) << message;
}

// Fashion-MNIST is a required dependency (Debian package dataset-fashion-mnist): fail, never skip.
TEST(FashionMnistTest, LoadsTheInstalledDataSet) {
  ASSERT_TRUE(fs::is_directory(kDefaultFashionMnistFolder))
      << kDefaultFashionMnistFolder
      << " is missing; install the Debian package dataset-fashion-mnist";
  const TrainTest data = loadFashionMnist(kDefaultFashionMnistFolder);
  ASSERT_EQ(data.train.x.rows(), 60000);
  ASSERT_EQ(data.train.x.cols(), 784);
  ASSERT_EQ(data.test.x.rows(), 10000);
  ASSERT_EQ(data.test.x.cols(), 784);
  EXPECT_EQ(data.train.shape, (Shape{1, 28, 28}));
  EXPECT_EQ(data.train.numClasses, 10);
  ASSERT_EQ(data.train.classNames.size(), 10u);
  EXPECT_EQ(data.train.classNames[0], "T-shirt/top");
  EXPECT_EQ(data.train.classNames[9], "Ankle boot");

  std::vector<int> trainCounts(10, 0);
  for (int label : data.train.labels) {
    ASSERT_GE(label, 0);
    ASSERT_LE(label, 9);
    ++trainCounts[static_cast<std::size_t>(label)];
  }
  EXPECT_EQ(trainCounts, std::vector<int>(10, 6000));
  std::vector<int> testCounts(10, 0);
  for (int label : data.test.labels) {
    ASSERT_GE(label, 0);
    ASSERT_LE(label, 9);
    ++testCounts[static_cast<std::size_t>(label)];
  }
  EXPECT_EQ(testCounts, std::vector<int>(10, 1000));

  EXPECT_EQ(data.train.x.view().minCoeff(), 0.0f);
  EXPECT_EQ(data.train.x.view().maxCoeff(), 1.0f);
  EXPECT_GE(data.test.x.view().minCoeff(), 0.0f);
  EXPECT_LE(data.test.x.view().maxCoeff(), 1.0f);
}

}  // namespace
}  // namespace distlab::engine
