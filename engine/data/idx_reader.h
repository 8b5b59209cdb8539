#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace distlab::engine {

/// An IDX file (LeCun's MNIST format): big-endian magic 0x0000TTDD (TT = 0x08 unsigned byte,
/// DD = number of dimensions), DD big-endian u32 sizes, then the bytes.
struct IdxArray {
  std::vector<std::uint32_t> dims;
  std::vector<std::uint8_t> data;
};

/// Reads a raw or gzip-compressed IDX file (zlib detects which). Throws Error naming the file on:
/// a missing file, a wrong magic, a type other than unsigned byte, truncation, trailing bytes, or
/// corrupt gzip data.
IdxArray readIdxFile(const std::string& path);

/// Images (N x H x W, scaled to [0,1]) plus labels (N); throws Error when the counts differ.
Dataset readIdxDataset(const std::string& imagesPath, const std::string& labelsPath, int numClasses,
                       std::vector<std::string> classNames);

/// Fashion-MNIST / MNIST from a folder holding train-images-idx3-ubyte[.gz] etc.
TrainTest loadFashionMnist(const std::string& folder);
TrainTest loadMnist(const std::string& folder);

inline constexpr const char* kDefaultFashionMnistFolder = "/usr/share/datasets/fashion-mnist";
inline constexpr const char* kDefaultMnistFolder = "/usr/share/datasets/mnist";

}  // namespace distlab::engine
