#include "data/cifar_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
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
constexpr std::size_t kPixels = 3072;

/// One record: the label, then pixel p has value (p * step + label) mod 256.
Bytes record(std::uint8_t label, std::size_t step) {
  Bytes out = {label};
  for (std::size_t p = 0; p < kPixels; ++p)
    out.push_back(static_cast<std::uint8_t>((p * step + label) % 256));
  return out;
}

Bytes records(std::initializer_list<std::uint8_t> labels) {
  Bytes out;
  for (std::uint8_t label : labels) {
    const Bytes r = record(label, 3);
    out.insert(out.end(), r.begin(), r.end());
  }
  return out;
}

class CifarReaderTest : public testing::TempDirTest {};

TEST_F(CifarReaderTest, ReadsValuesLabelsAndShape) {
  writeRaw(path("a.bin"), records({3, 9}));
  writeRaw(path("b.bin"), records({0}));
  const Dataset d = readCifar10({path("a.bin"), path("b.bin")});
  ASSERT_EQ(d.size(), 3u);
  ASSERT_EQ(d.x.cols(), 3072);
  EXPECT_EQ(d.shape, (Shape{3, 32, 32}));
  EXPECT_EQ(d.numClasses, 10);
  ASSERT_EQ(d.classNames.size(), 10u);
  EXPECT_EQ(d.classNames.front(), "airplane");
  EXPECT_EQ(d.classNames.back(), "truck");
  EXPECT_EQ(d.labels, (std::vector<int>{3, 9, 0}));
  for (int r = 0; r < 3; ++r) {
    for (std::size_t p = 0; p < kPixels; p += 97) {
      const auto expected = static_cast<float>(
          (p * 3 + static_cast<std::size_t>(d.labels[static_cast<std::size_t>(r)])) % 256);
      EXPECT_FLOAT_EQ(d.x(r, static_cast<Eigen::Index>(p)), expected / 255.0f) << r << " " << p;
    }
  }
  // Channel planes: pixel (c, y, x) is column c*1024 + y*32 + x.
  EXPECT_FLOAT_EQ(d.x(0, 2 * 1024 + 5 * 32 + 7), ((2 * 1024 + 5 * 32 + 7) * 3 + 3) % 256 / 255.0f);
  EXPECT_GE(d.x.view().minCoeff(), 0.0f);
  EXPECT_LE(d.x.view().maxCoeff(), 1.0f);
}

TEST_F(CifarReaderTest, LoadsFolder) {
  for (int i = 1; i <= 5; ++i) {
    writeRaw(path("data_batch_" + std::to_string(i) + ".bin"),
             records({static_cast<std::uint8_t>(i), 0}));
  }
  writeRaw(path("test_batch.bin"), records({7}));
  const TrainTest data = loadCifar10(m_dir.string());
  EXPECT_EQ(data.train.size(), 10u);
  EXPECT_EQ(data.test.size(), 1u);
  EXPECT_EQ(data.train.labels, (std::vector<int>{1, 0, 2, 0, 3, 0, 4, 0, 5, 0}));
  EXPECT_EQ(data.test.labels, (std::vector<int>{7}));
}

TEST_F(CifarReaderTest, WrongSize) {
  Bytes bytes = records({1, 2});
  bytes.resize(bytes.size() + 5);
  writeRaw(path("odd.bin"), bytes);
  const std::string message = errorOf([&] { readCifar10({path("odd.bin")}); });
  EXPECT_NE(message.find(path("odd.bin")), std::string::npos) << message;
  EXPECT_NE(message.find("6151 bytes is not a whole number"), std::string::npos) << message;
  EXPECT_NE(message.find("3073"), std::string::npos) << message;
}

TEST_F(CifarReaderTest, EmptyFile) {
  writeRaw(path("empty.bin"), {});
  const std::string message = errorOf([&] { readCifar10({path("empty.bin")}); });
  EXPECT_NE(message.find(path("empty.bin")), std::string::npos) << message;
  EXPECT_NE(message.find("0 bytes"), std::string::npos) << message;
}

TEST_F(CifarReaderTest, BadLabel) {
  writeRaw(path("bad.bin"), records({1, 10}));
  const std::string message = errorOf([&] { readCifar10({path("bad.bin")}); });
  EXPECT_NE(message.find(path("bad.bin")), std::string::npos) << message;
  EXPECT_NE(message.find("label value 10 in record 1"), std::string::npos) << message;
}

TEST_F(CifarReaderTest, MissingFile) {
  const std::string message = errorOf([&] { readCifar10({path("absent.bin")}); });
  EXPECT_NE(message.find(path("absent.bin")), std::string::npos) << message;
  EXPECT_NE(message.find("not found"), std::string::npos) << message;
}

TEST_F(CifarReaderTest, MissingFileInFolder) {
  for (int i = 1; i <= 5; ++i) {
    if (i != 4) writeRaw(path("data_batch_" + std::to_string(i) + ".bin"), records({0}));
  }
  writeRaw(path("test_batch.bin"), records({0}));
  const std::string message = errorOf([&] { loadCifar10(m_dir.string()); });
  EXPECT_NE(message.find(path("data_batch_4.bin")), std::string::npos) << message;
  EXPECT_NE(message.find("not found"), std::string::npos) << message;
}

}  // namespace
}  // namespace distlab::engine
