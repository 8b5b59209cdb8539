#include "comm/shm_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/error.h"

namespace distlab::engine {

NewShm createShm(const char* prefix, std::size_t bytes) {
  std::random_device device;
  const std::uint64_t nonce = (std::uint64_t{device()} << 32) ^ device();
  char name[64];
  std::snprintf(name, sizeof name, "%s%d-%016llx", prefix, static_cast<int>(::getpid()),
                static_cast<unsigned long long>(nonce));
  const int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(std::string("shared memory ") + name + ": " + std::strerror(errno));
  void* address = MAP_FAILED;
  // posix_fallocate, not ftruncate alone: a full /dev/shm (64 MB in a default container) must be
  // an error here, not a SIGBUS at the first write into a page it cannot give.
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
  return {name, nonce, address};
}

void* mapShm(const std::string& name, const char* prefix, std::size_t bytes, bool writable) {
  // Only names this engine makes: no path tricks through a peer.
  if (name.rfind(prefix, 0) != 0 || name.find('/', 1) != std::string::npos || name.size() > 60)
    return nullptr;
  const int fd = shm_open(name.c_str(), (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC, 0);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* address = MAP_FAILED;
  if (fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) == bytes) {
    address =
        mmap(nullptr, bytes, writable ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, fd, 0);
  }
  ::close(fd);
  return address == MAP_FAILED ? nullptr : address;
}

}  // namespace distlab::engine
