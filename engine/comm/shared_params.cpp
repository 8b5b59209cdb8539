#include "comm/shared_params.h"

#include <signal.h>
#include <sys/mman.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "comm/shm_file.h"

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
  const std::size_t bytes = regionBytes(floats);
  const NewShm shm = createShm(kPrefix, bytes);
  std::unique_ptr<SharedParams> region(
      new SharedParams(shm.name, shm.address, bytes, shm.nonce, floats));
  region->m_owner = true;
  auto& h = *static_cast<Header*>(shm.address);
  h.nonce = shm.nonce;
  h.floats = floats;
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  return region;
}

std::unique_ptr<SharedParams> SharedParams::attach(const std::string& name, std::uint64_t nonce,
                                                   std::uint32_t floats) {
  const std::size_t bytes = regionBytes(floats);
  void* address = mapShm(name, kPrefix, bytes, /*writable=*/false);
  if (!address) return nullptr;  // a coordinator on another machine
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
