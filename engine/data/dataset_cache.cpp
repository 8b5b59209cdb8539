#include "data/dataset_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "core/error.h"

namespace distlab::engine {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'D', 'L', 'D', 'A', 'T', 'A', '0', '2'};
constexpr std::uint64_t kAlign = 4096;  // each block starts on a page
constexpr std::uint64_t kChecksumSamples = 4093;  // floats of each matrix in the checksum

/// The file's first bytes; every block offset is from the file's start.
struct Header {
  char magic[8];
  std::uint64_t key;
  std::int32_t channels, height, width, numClasses;
  std::uint64_t trainRows, testRows, cols;
  std::uint64_t trainX, testX, trainLabels, testLabels, names, namesBytes, totalBytes;
  std::uint64_t checksum;
};

std::uint64_t alignUp(std::uint64_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += n + '\n';
  return out;
}

// Labels are stored as the ints they are in memory.
static_assert(std::is_same_v<std::int32_t, int>, "labels are written and read as int32");

/// Places the blocks after the header from its counts: page-aligned floats, then labels, then
/// names. The writer lays a file out with it and the reader checks a file's offsets against it.
void placeBlocks(Header& h) {
  const std::uint64_t f = sizeof(float), l = sizeof(std::int32_t);
  h.trainX = alignUp(sizeof(Header));
  h.testX = alignUp(h.trainX + h.trainRows * h.cols * f);
  h.trainLabels = alignUp(h.testX + h.testRows * h.cols * f);
  h.testLabels = h.trainLabels + h.trainRows * l;
  h.names = h.testLabels + h.testRows * l;
  h.totalBytes = h.names + h.namesBytes;
}

Header layoutFor(std::uint64_t key, const TrainTest& d, std::uint64_t namesBytes) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.key = key;
  h.channels = d.train.shape.channels;
  h.height = d.train.shape.height;
  h.width = d.train.shape.width;
  h.numClasses = d.train.numClasses;
  h.trainRows = d.train.size();
  h.testRows = d.test.size();
  h.cols = static_cast<std::uint64_t>(d.train.x.cols());
  h.namesBytes = namesBytes;
  placeBlocks(h);
  return h;
}

/// Every label and ~4,000 floats spread over each matrix: enough to tell a file whose pages never
/// all reached the disk (zeros after a crash) from a whole one. One float per page cost each
/// process ~85 ms here (a TLB miss per read); this costs a few ms.
std::uint64_t checksumOf(const float* trainX, const float* testX, const Header& h,
                         const std::int32_t* trainLabels, const std::int32_t* testLabels) {
  std::uint64_t sum = 0x9e3779b97f4a7c15ull;
  auto mix = [&sum](std::uint32_t word) { sum = (sum ^ word) * 0x100000001b3ull; };
  auto floats = [&](const float* p, std::uint64_t n) {
    const std::uint64_t stride = std::max<std::uint64_t>(1, n / kChecksumSamples);
    for (std::uint64_t i = 0; i < n; i += stride) {
      std::uint32_t bits;
      std::memcpy(&bits, p + i, sizeof bits);
      mix(bits);
    }
  };
  floats(trainX, h.trainRows * h.cols);
  floats(testX, h.testRows * h.cols);
  for (std::uint64_t i = 0; i < h.trainRows; ++i) mix(static_cast<std::uint32_t>(trainLabels[i]));
  for (std::uint64_t i = 0; i < h.testRows; ++i) mix(static_cast<std::uint32_t>(testLabels[i]));
  return sum;
}

fs::path fileFor(const fs::path& folder, std::uint64_t key) {
  char name[40];
  std::snprintf(name, sizeof name, "%016llx.dldata", static_cast<unsigned long long>(key));
  return folder / name;
}

/// A read-only mapping of a whole file, unmapped with its last user.
struct Mapping {
  void* address = MAP_FAILED;
  std::size_t bytes = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (address != MAP_FAILED) munmap(address, bytes);
  }
  const char* at(std::uint64_t offset) const { return static_cast<const char*>(address) + offset; }
};

std::shared_ptr<Mapping> mapWhole(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st{};
  auto mapping = std::make_shared<Mapping>();
  if (fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(Header))) {
    mapping->bytes = static_cast<std::size_t>(st.st_size);
    // MAP_POPULATE: the page tables are filled in one call rather than a fault per 4 KiB page.
    mapping->address = mmap(nullptr, mapping->bytes, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
  }
  ::close(fd);
  return mapping->address == MAP_FAILED ? nullptr : mapping;
}

bool headerIsSound(const Header& h, std::uint64_t key, std::uint64_t fileBytes) {
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.key != key) return false;
  if (h.totalBytes != fileBytes || h.cols == 0 || h.channels <= 0 || h.height <= 0 ||
      h.width <= 0 || h.numClasses < 0)
    return false;
  std::uint64_t shapeSize = 0;
  if (__builtin_mul_overflow(static_cast<std::uint64_t>(h.channels),
                             static_cast<std::uint64_t>(h.height), &shapeSize) ||
      __builtin_mul_overflow(shapeSize, static_cast<std::uint64_t>(h.width), &shapeSize) ||
      shapeSize != h.cols)
    return false;
  // Bounded by the file's size, so no product below can overflow.
  const std::uint64_t rowBytes = h.cols * sizeof(float);
  if (h.cols > fileBytes || h.trainRows > fileBytes / rowBytes || h.testRows > fileBytes / rowBytes)
    return false;
  if (h.namesBytes > fileBytes) return false;
  Header expected = h;
  placeBlocks(expected);
  return std::memcmp(&expected, &h, sizeof h) == 0;
}

Dataset datasetFrom(const std::shared_ptr<Mapping>& m, const Header& h, std::uint64_t xAt,
                    std::uint64_t labelsAt, std::uint64_t rows,
                    const std::vector<std::string>& names) {
  Dataset d;
  d.shape = Shape{h.channels, h.height, h.width};
  d.numClasses = h.numClasses;
  d.classNames = names;
  d.x = FeatureRows(m, reinterpret_cast<const float*>(m->at(xAt)), static_cast<Eigen::Index>(rows),
                    static_cast<Eigen::Index>(h.cols));
  const auto* labels = reinterpret_cast<const std::int32_t*>(m->at(labelsAt));
  d.labels.assign(labels, labels + rows);
  return d;
}

void writeAll(int fd, const void* data, std::uint64_t bytes, std::uint64_t offset) {
  const char* p = static_cast<const char*>(data);
  while (bytes > 0) {
    const ssize_t n = ::pwrite(fd, p, std::min<std::uint64_t>(bytes, 1u << 30),
                               static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(std::string("cannot write: ") + std::strerror(errno));
    p += n;
    offset += static_cast<std::uint64_t>(n);
    bytes -= static_cast<std::uint64_t>(n);
  }
}

void writeFile(const fs::path& path, const Header& h, const TrainTest& d, const std::string& names) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(path.string() + ": " + std::strerror(errno));
  try {
    if (::ftruncate(fd, static_cast<off_t>(h.totalBytes)) != 0)
      throw Error(std::string("cannot size: ") + std::strerror(errno));
    writeAll(fd, &h, sizeof h, 0);
    writeAll(fd, d.train.x.data(), h.trainRows * h.cols * sizeof(float), h.trainX);
    writeAll(fd, d.test.x.data(), h.testRows * h.cols * sizeof(float), h.testX);
    writeAll(fd, d.train.labels.data(), h.trainRows * sizeof(std::int32_t), h.trainLabels);
    writeAll(fd, d.test.labels.data(), h.testRows * sizeof(std::int32_t), h.testLabels);
    writeAll(fd, names.data(), names.size(), h.names);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

/// Keeps the kMaxCachedDataSets most recently used files (a hit refreshes a file's time).
void evictOld(const fs::path& folder) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".dldata") {
      files.emplace_back(entry.last_write_time(ec), entry.path());
    }
  }
  if (files.size() <= static_cast<std::size_t>(kMaxCachedDataSets)) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = kMaxCachedDataSets; i < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::optional<fs::path> datasetCacheFolder() {
  if (const char* wanted = std::getenv("DISTLAB_DATA_CACHE"); wanted && *wanted) {
    if (std::string(wanted) == "off") return std::nullopt;
    return fs::path(wanted);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return fs::path(xdg) / "distlab" / "datasets";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".cache" / "distlab" / "datasets";
  }
  return std::nullopt;
}

std::optional<TrainTest> mapCachedDataset(const fs::path& folder, std::uint64_t key) {
  const fs::path path = fileFor(folder, key);
  const auto m = mapWhole(path);
  if (!m) return std::nullopt;
  Header h;
  std::memcpy(&h, m->address, sizeof h);
  if (!headerIsSound(h, key, m->bytes)) return std::nullopt;
  const auto* trainLabels = reinterpret_cast<const std::int32_t*>(m->at(h.trainLabels));
  const auto* testLabels = reinterpret_cast<const std::int32_t*>(m->at(h.testLabels));
  const auto* trainX = reinterpret_cast<const float*>(m->at(h.trainX));
  const auto* testX = reinterpret_cast<const float*>(m->at(h.testX));
  if (checksumOf(trainX, testX, h, trainLabels, testLabels) != h.checksum) return std::nullopt;
  std::vector<std::string> names;
  const std::string joined(m->at(h.names), h.namesBytes);
  for (std::size_t at = 0, end; (end = joined.find('\n', at)) != std::string::npos; at = end + 1) {
    names.push_back(joined.substr(at, end - at));
  }
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // used now: the last to be evicted
  TrainTest out;
  out.train = datasetFrom(m, h, h.trainX, h.trainLabels, h.trainRows, names);
  out.test = datasetFrom(m, h, h.testX, h.testLabels, h.testRows, names);
  return out;
}

TrainTest cacheDataset(const fs::path& folder, std::uint64_t key, TrainTest data) {
  const bool storable = data.train.targets.size() == 0 && data.test.targets.size() == 0 &&
                        data.train.x.cols() == data.test.x.cols() &&
                        data.train.classNames == data.test.classNames &&
                        data.train.shape == data.test.shape &&
                        data.train.numClasses == data.test.numClasses &&
                        data.train.labels.size() == data.train.size() &&
                        data.test.labels.size() == data.test.size();
  if (!storable) return data;  // no labels, regression targets or mismatched halves
  const std::string names = joinNames(data.train.classNames);
  Header h = layoutFor(key, data, names.size());
  h.checksum = checksumOf(data.train.x.data(), data.test.x.data(), h, data.train.labels.data(),
                          data.test.labels.data());
  const fs::path path = fileFor(folder, key);
  const fs::path temporary =
      folder / (path.filename().string() + "." + std::to_string(::getpid()) + ".part");
  try {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(folder.string() + ": " + ec.message());
    writeFile(temporary, h, data, names);
    fs::rename(temporary, path, ec);
    if (ec) throw Error(path.string() + ": " + ec.message());
  } catch (const Error& e) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    std::fprintf(stderr, "data cache not used (%s): this process keeps its own copy\n", e.what());
    return data;
  }
  evictOld(folder);
  if (auto mapped = mapCachedDataset(folder, key)) return std::move(*mapped);
  return data;
}

}  // namespace distlab::engine
