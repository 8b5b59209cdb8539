#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace distlab::engine {
namespace {

std::string folderOf(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

void writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes) {
  const std::string part = path + ".part";
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot write " + path + ": " + std::strerror(errno));
  std::size_t done = 0;
  const char* failed = nullptr;
  int why = 0;
  while (done < bytes.size() && !failed) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) failed = "write", why = errno;
    else done += static_cast<std::size_t>(n);
  }
  if (!failed && ::fsync(fd) != 0) failed = "fsync", why = errno;
  if (::close(fd) != 0 && !failed) failed = "close", why = errno;
  if (!failed && std::rename(part.c_str(), path.c_str()) != 0) failed = "rename", why = errno;
  if (failed) {
    ::unlink(part.c_str());
    throw Error("cannot write " + path + ": " + failed + ": " + std::strerror(why));
  }
  // The rename is durable only once the folder's entry is on the disk too.
  const int dir = ::open(folderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::string readBinaryFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + what + " " + path + ": " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw Error("cannot read " + what + " " + path);
  return std::move(bytes).str();
}

std::uint32_t crc32Of(std::span<const std::uint8_t> bytes) {
  uLong crc = ::crc32(0L, Z_NULL, 0);
  std::size_t done = 0;
  while (done < bytes.size()) {  // zlib takes at most a uInt at a time
    const auto n = static_cast<uInt>(std::min<std::size_t>(bytes.size() - done, 1u << 30));
    crc = ::crc32(crc, bytes.data() + done, n);
    done += n;
  }
  return static_cast<std::uint32_t>(crc);
}

}  // namespace distlab::engine
