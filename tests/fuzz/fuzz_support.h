#pragma once
// Shared by the fuzz targets: a property that must hold stops the fuzzer with a report.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace distlab::engine::fuzz {

/// A broken property (not a crash the sanitizers see): reported and turned into one.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "property broken: %s\n", what);
  std::abort();
}

/// The input as a file the readers can open by path (memory only: no disk, no clean-up).
class MemoryFile {
 public:
  MemoryFile(const std::uint8_t* data, std::size_t size)
      : m_fd(::memfd_create("fuzz-input", 0)) {
    require(m_fd >= 0, "memfd_create");
    for (std::size_t done = 0; done < size;) {
      const auto n = ::write(m_fd, data + done, size - done);
      require(n > 0, "write to the memory file");
      done += static_cast<std::size_t>(n);
    }
  }
  ~MemoryFile() { ::close(m_fd); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(m_fd); }

 private:
  int m_fd;
};

}  // namespace distlab::engine::fuzz
