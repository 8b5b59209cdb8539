#include "data/idx_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/huge_pages.h"

namespace distlab::engine {
namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;

std::string hex32(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", value);
  return text;
}

std::string hex8(std::uint8_t value) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", value);
  return text;
}

const char* idxTypeName(std::uint8_t type) {
  switch (type) {
    case 0x08:
      return "unsigned byte";
    case 0x09:
      return "signed byte";
    case 0x0B:
      return "16-bit integer";
    case 0x0C:
      return "32-bit integer";
    case 0x0D:
      return "float";
    case 0x0E:
      return "double";
    default:
      return "unknown";
  }
}

std::uint32_t bigEndian32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

struct GzCloser {
  void operator()(gzFile_s* file) const { gzclose(file); }
};

/// A file's bytes in one buffer that nothing zero-fills first: the pages are touched once, by
/// the read (page faults are most of the cost of loading a data set on these VMs).
struct FileBytes {
  std::unique_ptr<std::uint8_t[]> data;
  std::size_t size = 0;
};

/// How many bytes the file holds once decompressed: a gzip file's trailer says (ISIZE, mod 2^32
/// and for the last member only, so it is a first guess), any other file its own size.
std::size_t likelySize(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) return 0;
  unsigned char head[2] = {0, 0};
  const bool gzip = std::fread(head, 1, 2, file.get()) == 2 && head[0] == 0x1f && head[1] == 0x8b;
  if (std::fseek(file.get(), gzip ? -4 : 0, SEEK_END) != 0) return 0;
  const auto stored = static_cast<std::size_t>(std::max(0L, std::ftell(file.get())));
  if (!gzip) return stored;
  unsigned char tail[4];
  if (std::fread(tail, 1, 4, file.get()) != 4) return 0;
  const std::size_t isize = std::size_t{tail[0]} | (std::size_t{tail[1]} << 8) |
                            (std::size_t{tail[2]} << 16) | (std::size_t{tail[3]} << 24);
  // Deflate expands at most ~1032x: a larger trailer is corrupt; the reads will say so.
  return std::min(isize, (stored + 4) * 1032);
}

/// The whole file, decompressed when it is gzip (zlib passes other files through unchanged).
FileBytes readAllBytes(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path + ": file not found");
  if (std::filesystem::is_directory(path, ec)) throw Error(path + ": is a folder, not a file");
  std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
  if (!file) throw Error(path + ": cannot open: " + std::strerror(errno));
  // A large internal buffer and big reads: per-byte gzread would take seconds on Fashion-MNIST.
  gzbuffer(file.get(), 1u << 18);
  constexpr std::size_t kChunk = std::size_t{1} << 22;
  // One byte more than the guess, so that a right guess ends with a read of 0 bytes.
  std::size_t capacity = std::max<std::size_t>(likelySize(path) + 1, 4096);
  FileBytes bytes{std::unique_ptr<std::uint8_t[]>(new std::uint8_t[capacity]), 0};
  preferHugePages(bytes.data.get(), capacity);
  for (;;) {
    if (bytes.size == capacity) {  // a wrong guess: grow
      capacity *= 2;
      std::unique_ptr<std::uint8_t[]> bigger(new std::uint8_t[capacity]);
      std::memcpy(bigger.get(), bytes.data.get(), bytes.size);
      bytes.data = std::move(bigger);
    }
    const auto want = static_cast<unsigned>(std::min(kChunk, capacity - bytes.size));
    const int got = gzread(file.get(), bytes.data.get() + bytes.size, want);
    if (got <= 0) break;
    bytes.size += static_cast<std::size_t>(got);
  }
  // A truncated gzip stream ends the reads early with Z_BUF_ERROR set instead of failing them.
  int errnum = Z_OK;
  const char* message = gzerror(file.get(), &errnum);
  if (errnum != Z_OK) {
    if (errnum == Z_ERRNO) throw Error(path + ": read failed: " + std::strerror(errno));
    throw Error(path + ": gzip data is corrupt (zlib: " + message + ")");
  }
  return bytes;
}

/// An IDX file as read: its dimensions and the payload inside the file's bytes.
struct IdxView {
  FileBytes file;
  std::size_t headerSize = 0;
  std::vector<std::uint32_t> dims;
  const std::uint8_t* payload() const { return file.data.get() + headerSize; }
  std::size_t payloadSize() const { return file.size - headerSize; }
};

std::string expectedMagicText(int expectedDims) {
  const std::string magic = hex32(0x0800u | static_cast<std::uint32_t>(expectedDims));
  if (expectedDims == 3) return magic + " (images: count x rows x columns)";
  if (expectedDims == 1) return magic + " (labels: count)";
  if (expectedDims > 0) return magic;
  return "0x000008DD (DD = number of dimensions, e.g. 0x00000803 for images, 0x00000801 for "
         "labels)";
}

/// readIdxFile with the number of dimensions the caller needs (0 = any).
IdxView readIdx(const std::string& path, int expectedDims) {
  FileBytes file = readAllBytes(path);
  const std::span<const std::uint8_t> bytes{file.data.get(), file.size};
  if (bytes.size() < 4) {
    throw Error(path + ": truncated: expected a 4-byte IDX magic number, got " +
                std::to_string(bytes.size()) + " bytes");
  }
  const std::uint32_t magic = bigEndian32(bytes.data());
  const std::uint8_t type = bytes[2];
  const int numDims = bytes[3];
  if (bytes[0] != 0 || bytes[1] != 0 || numDims == 0) {
    throw Error(path + ": not an IDX file: magic number is " + hex32(magic) + ", expected " +
                expectedMagicText(expectedDims));
  }
  if (type != kUnsignedByteType) {
    throw Error(path + ": IDX type byte is " + hex8(type) + " (" + idxTypeName(type) +
                "); only 0x08 (unsigned byte) is supported (magic " + hex32(magic) + ")");
  }
  if (expectedDims > 0 && numDims != expectedDims) {
    throw Error(path + ": wrong IDX magic number " + hex32(magic) + " (" + std::to_string(numDims) +
                "-dimensional), expected " + expectedMagicText(expectedDims));
  }
  const std::size_t headerSize = 4 + 4 * static_cast<std::size_t>(numDims);
  if (bytes.size() < headerSize) {
    throw Error(path + ": truncated: expected a " + std::to_string(headerSize) +
                "-byte header, got " + std::to_string(bytes.size()) + " bytes");
  }
  IdxView out;
  out.dims.resize(static_cast<std::size_t>(numDims));
  // The product saturates, so a header claiming more than 2^64 bytes is reported as truncation.
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t expected = 1;
  for (int d = 0; d < numDims; ++d) {
    const std::uint32_t dim = bigEndian32(bytes.data() + 4 + 4 * d);
    out.dims[static_cast<std::size_t>(d)] = dim;
    expected = (dim != 0 && expected > kMax / dim) ? kMax : expected * dim;
  }
  const std::uint64_t got = bytes.size() - headerSize;
  if (got < expected) {
    throw Error(path + ": truncated: expected " + std::to_string(expected) +
                " bytes of data, got " + std::to_string(got));
  }
  if (got > expected) {
    throw Error(path + ": size mismatch: " + std::to_string(got - expected) +
                " trailing bytes after the " + std::to_string(expected) +
                " bytes of data the header declares");
  }
  out.headerSize = headerSize;
  out.file = std::move(file);
  return out;
}

/// folder/name, or folder/name.gz; throws naming both when neither exists.
std::string findInFolder(const std::string& folder, const std::string& name,
                         const std::string& hint) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw Error(folder + ": folder not found" + hint);
  const fs::path raw = fs::path(folder) / name;
  if (fs::exists(raw, ec)) return raw.string();
  const fs::path gz = fs::path(folder) / (name + ".gz");
  if (fs::exists(gz, ec)) return gz.string();
  throw Error(folder + ": neither " + name + " nor " + name + ".gz found" + hint);
}

TrainTest loadIdxFolder(const std::string& folder, const std::vector<std::string>& classNames,
                        const std::string& hint) {
  const std::string trainImages = findInFolder(folder, "train-images-idx3-ubyte", hint);
  const std::string trainLabels = findInFolder(folder, "train-labels-idx1-ubyte", hint);
  const std::string testImages = findInFolder(folder, "t10k-images-idx3-ubyte", hint);
  const std::string testLabels = findInFolder(folder, "t10k-labels-idx1-ubyte", hint);
  const int numClasses = static_cast<int>(classNames.size());
  TrainTest data;
  data.train = readIdxDataset(trainImages, trainLabels, numClasses, classNames);
  data.test = readIdxDataset(testImages, testLabels, numClasses, classNames);
  if (data.train.shape != data.test.shape) {
    throw Error(testImages + ": images are " + std::to_string(data.test.shape.height) + "x" +
                std::to_string(data.test.shape.width) + " but the training images are " +
                std::to_string(data.train.shape.height) + "x" +
                std::to_string(data.train.shape.width));
  }
  return data;
}

}  // namespace

IdxArray readIdxFile(const std::string& path) {
  const IdxView idx = readIdx(path, 0);
  return {idx.dims, std::vector<std::uint8_t>(idx.payload(), idx.payload() + idx.payloadSize())};
}

Dataset readIdxDataset(const std::string& imagesPath, const std::string& labelsPath, int numClasses,
                       std::vector<std::string> classNames) {
  const IdxView images = readIdx(imagesPath, 3);
  const IdxView labels = readIdx(labelsPath, 1);
  const std::uint32_t count = images.dims[0];
  const std::uint64_t pixels = std::uint64_t{images.dims[1]} * images.dims[2];
  constexpr auto kIntMax = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
  if (images.dims[1] > kIntMax || images.dims[2] > kIntMax || pixels > kIntMax) {
    throw Error(imagesPath + ": images of " + std::to_string(images.dims[1]) + "x" +
                std::to_string(images.dims[2]) + " pixels are too large");
  }
  if (labels.dims[0] != count) {
    throw Error(labelsPath + ": label count " + std::to_string(labels.dims[0]) +
                " differs from the image count " + std::to_string(count) + " of " + imagesPath);
  }
  Dataset out;
  out.numClasses = numClasses;
  out.classNames = std::move(classNames);
  out.shape = Shape{1, static_cast<int>(images.dims[1]), static_cast<int>(images.dims[2])};
  out.labels.resize(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const int label = labels.payload()[i];
    if (numClasses > 0 && label >= numClasses) {
      throw Error(labelsPath + ": label value " + std::to_string(label) + " at index " +
                  std::to_string(i) + " is not below the number of classes (" +
                  std::to_string(numClasses) + ")");
    }
    out.labels[i] = label;
  }
  FeatureMatrix features(static_cast<Eigen::Index>(count), static_cast<Eigen::Index>(pixels));
  const std::size_t total = images.payloadSize();
  float* dst = features.data();
  preferHugePages(dst, total * sizeof(float));
  // One pass over all bytes (vectorisable) instead of a per-image loop.
  const std::uint8_t* in = images.payload();
  for (std::size_t i = 0; i < total; ++i) dst[i] = static_cast<float>(in[i]) / 255.0f;
  out.x = std::move(features);
  return out;
}

TrainTest loadFashionMnist(const std::string& folder) {
  std::string normalized = folder;
  while (normalized.size() > 1 && normalized.back() == '/') normalized.pop_back();
  const std::string hint = normalized == kDefaultFashionMnistFolder
                               ? "; install the Debian package dataset-fashion-mnist"
                               : "";
  return loadIdxFolder(folder,
                       {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                        "Sneaker", "Bag", "Ankle boot"},
                       hint);
}

TrainTest loadMnist(const std::string& folder) {
  return loadIdxFolder(folder, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "");
}

}  // namespace distlab::engine
