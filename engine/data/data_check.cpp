#include "data/data_check.h"

#include <zlib.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "data/load.h"

namespace distlab::engine {
namespace {

namespace fs = std::filesystem;

std::uint32_t bigEndian32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

/// folder/name or folder/name.gz, whichever is there.
std::optional<fs::path> findFile(const fs::path& folder, const std::string& name) {
  std::error_code ec;
  for (const auto& candidate : {folder / name, folder / (name + ".gz")}) {
    if (fs::exists(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

/// The file's length once decompressed: its size, or a gzip file's ISIZE trailer (mod 2^32).
std::optional<std::uint64_t> dataLength(const fs::path& file, bool& gzip) {
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(file.c_str(), "rb"), std::fclose);
  if (!in) return std::nullopt;
  unsigned char head[2] = {0, 0};
  gzip = std::fread(head, 1, 2, in.get()) == 2 && head[0] == 0x1f && head[1] == 0x8b;
  if (std::fseek(in.get(), gzip ? -4 : 0, SEEK_END) != 0) return std::nullopt;
  const long end = std::ftell(in.get());
  if (!gzip) return static_cast<std::uint64_t>(std::max(0L, end));
  unsigned char tail[4];
  if (std::fread(tail, 1, 4, in.get()) != 4) return std::nullopt;
  return std::uint64_t{tail[0]} | (std::uint64_t{tail[1]} << 8) | (std::uint64_t{tail[2]} << 16) |
         (std::uint64_t{tail[3]} << 24);
}

/// An IDX file's dimensions from its header, checked against the file's length; a problem
/// otherwise.
struct IdxHeader {
  std::vector<std::uint32_t> dims;
};

std::optional<IdxHeader> readIdxHeader(const fs::path& file, int dims,
                                       std::vector<std::string>& problems) {
  const std::string name = file.string();
  std::unique_ptr<gzFile_s, int (*)(gzFile_s*)> in(gzopen(file.c_str(), "rb"), gzclose);
  std::error_code ec;
  if (fs::is_directory(file, ec) || !in) {
    problems.push_back(name + ": cannot be read");
    return std::nullopt;
  }
  std::array<std::uint8_t, 16> head{};
  const std::size_t headerSize = 4 + 4 * static_cast<std::size_t>(dims);
  const int got = gzread(in.get(), head.data(), static_cast<unsigned>(headerSize));
  if (got < static_cast<int>(headerSize)) {
    problems.push_back(name + ": truncated or corrupt: no " + std::to_string(headerSize) +
                       "-byte IDX header");
    return std::nullopt;
  }
  if (bigEndian32(head.data()) != (0x0800u | static_cast<std::uint32_t>(dims))) {
    char magic[16];
    std::snprintf(magic, sizeof magic, "0x%08X", bigEndian32(head.data()));
    problems.push_back(name + ": not an IDX file of " + std::to_string(dims) +
                       " dimension(s) of unsigned bytes: magic number " + magic);
    return std::nullopt;
  }
  IdxHeader out;
  std::uint64_t bytes = headerSize, product = 1;
  for (int d = 0; d < dims; ++d) {
    out.dims.push_back(bigEndian32(head.data() + 4 + 4 * d));
    product *= out.dims.back();
  }
  bytes += product;
  bool gzip = false;
  const auto length = dataLength(file, gzip);
  // A gzip trailer holds the length mod 2^32.
  const std::uint64_t expected = gzip ? bytes & 0xffffffffu : bytes;
  if (!length || *length != expected) {
    problems.push_back(name + ": size mismatch: the header declares " + std::to_string(bytes) +
                       " bytes, the file holds " + (length ? std::to_string(*length) : "?") +
                       (gzip ? " (gzip trailer; truncated or corrupt?)" : ""));
    return std::nullopt;
  }
  return out;
}

void checkIdxFolder(const std::string& folder, std::vector<std::string>& problems) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    problems.push_back(folder + ": folder not found (dataset.path, or install the Debian "
                       "package dataset-fashion-mnist)");
    return;
  }
  for (const std::string split : {"train", "t10k"}) {
    const auto images = findFile(folder, split + "-images-idx3-ubyte");
    const auto labels = findFile(folder, split + "-labels-idx1-ubyte");
    for (const auto& [file, name] : {std::pair{images, split + "-images-idx3-ubyte"},
                                     std::pair{labels, split + "-labels-idx1-ubyte"}}) {
      if (!file) problems.push_back(folder + ": neither " + name + " nor " + name + ".gz found");
    }
    if (!images || !labels) continue;
    const auto imageHeader = readIdxHeader(*images, 3, problems);
    const auto labelHeader = readIdxHeader(*labels, 1, problems);
    if (imageHeader && labelHeader && imageHeader->dims[0] != labelHeader->dims[0]) {
      problems.push_back(labels->string() + ": " + std::to_string(labelHeader->dims[0]) +
                         " labels for the " + std::to_string(imageHeader->dims[0]) +
                         " images of " + images->string());
    }
  }
}

void checkCifarFolder(const std::string& folder, std::vector<std::string>& problems) {
  constexpr std::uint64_t kRecord = 1 + 3 * 32 * 32;
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) {
    problems.push_back((folder.empty() ? std::string("dataset.path") : folder) +
                       ": the folder of the CIFAR-10 binary files (cifar-10-batches-bin) is "
                       "needed and not found");
    return;
  }
  std::vector<std::string> names = {"test_batch.bin"};
  for (int i = 1; i <= 5; ++i) names.push_back("data_batch_" + std::to_string(i) + ".bin");
  for (const auto& name : names) {
    const fs::path file = fs::path(folder) / name;
    if (!fs::is_regular_file(file, ec)) {
      problems.push_back(file.string() + ": file not found");
      continue;
    }
    const auto size = fs::file_size(file, ec);
    if (ec || size == 0 || size % kRecord != 0) {
      problems.push_back(file.string() + ": size mismatch: " + std::to_string(size) +
                         " bytes is not a whole number of CIFAR-10 records of " +
                         std::to_string(kRecord) + " bytes");
    }
  }
}

}  // namespace

std::vector<std::string> checkDataFiles(const DatasetSpec& dataset) {
  std::vector<std::string> problems;
  if (dataset.name == "fashion-mnist" || dataset.name == "mnist") {
    checkIdxFolder(dataFolderOf(dataset), problems);
  } else if (dataset.name == "cifar10") {
    checkCifarFolder(dataFolderOf(dataset), problems);
  }
  return problems;
}

}  // namespace distlab::engine
