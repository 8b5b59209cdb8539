#include "comm/shared_params.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr char kMagic[8] = {'D', 'L', 'P', 'R', 'M', '0', '0', '1'};
constexpr std::size_t kPage = 4096;
constexpr const char* kPrefix = "/distlab-params-";  ///< then the coordinator's pid and a nonce

/// The first page; the floats follow it.
struct Header {
  char magic[8];
  std::uint64_t nonce;
  std::uint32_t floats;
};

std::size_t regionBytes(std::uint32_t floats) {
  return kPage + (std::size_t{floats} * sizeof(float) + kPage - 1) / kPage * kPage;
}

}  // namespace

SharedParams::SharedParams(std::string name, void* address, std::size_t bytes, std::uint64_t nonce,
                           std::uint32_t count)
    : m_name(std::move(name)),
      m_address(address),
      m_bytes(bytes),
      m_nonce(nonce),
      m_floats(reinterpret_cast<float*>(static_cast<char*>(address) + kPage)),
      m_count(count) {}

SharedParams::~SharedParams() {
  munmap(m_address, m_bytes);
  if (m_owner) shm_unlink(m_name.c_str());
}

std::unique_ptr<SharedParams> SharedParams::create(std::uint32_t floats) {
  std::random_device device;
  const std::uint64_t nonce = (std::uint64_t{device()} << 32) ^ device();
  char name[64];
  std::snprintf(name, sizeof name, "%s%d-%016llx", kPrefix, static_cast<int>(::getpid()),
                static_cast<unsigned long long>(nonce));
  const int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(std::string("shared memory ") + name + ": " + std::strerror(errno));
  const std::size_t bytes = regionBytes(floats);
  void* address = MAP_FAILED;
  // posix_fallocate: a full /dev/shm is an error here, not a SIGBUS at the first write.
  int error = posix_fallocate(fd, 0, static_cast<off_t>(bytes));
  if (error == 0) {
    address = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (address == MAP_FAILED) error = errno;
  }
  ::close(fd);
  if (address == MAP_FAILED) {
    shm_unlink(name);
    throw Error(std::string("shared memory ") + name + ": " + std::strerror(error));
  }
  std::unique_ptr<SharedParams> region(new SharedParams(name, address, bytes, nonce, floats));
  region->m_owner = true;
  auto& h = *static_cast<Header*>(address);
  h.nonce = nonce;
  h.floats = floats;
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  return region;
}

std::unique_ptr<SharedParams> SharedParams::attach(const std::string& name, std::uint64_t nonce,
                                                   std::uint32_t floats) {
  // Only names this engine makes: no path tricks through the coordinator.
  if (name.rfind(kPrefix, 0) != 0 || name.find('/', 1) != std::string::npos || name.size() > 60)
    return nullptr;
  const int fd = shm_open(name.c_str(), O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0) return nullptr;  // a coordinator on another machine
  struct stat st {};
  const std::size_t bytes = regionBytes(floats);
  void* address = MAP_FAILED;
  if (fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) == bytes) {
    address = mmap(nullptr, bytes, PROT_READ, MAP_SHARED, fd, 0);
  }
  ::close(fd);
  if (address == MAP_FAILED) return nullptr;
  std::unique_ptr<SharedParams> region(new SharedParams(name, address, bytes, nonce, floats));
  const auto& h = *static_cast<const Header*>(address);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.nonce != nonce || h.floats != floats)
    return nullptr;
  return region;
}

int removeStaleSharedParams() {
  int removed = 0;
  std::error_code ec;
  const std::string prefix = std::string(kPrefix).substr(1);
  for (const auto& entry : std::filesystem::directory_iterator("/dev/shm", ec)) {
    const std::string file = entry.path().filename().string();
    if (file.rfind(prefix, 0) != 0) continue;
    const int pid = std::atoi(file.c_str() + prefix.size());
    // kill(pid, 0) fails with ESRCH only when nobody has that pid any more.
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH && shm_unlink(("/" + file).c_str()) == 0) {
      ++removed;
    }
  }
  return removed;
}

}  // namespace distlab::engine
