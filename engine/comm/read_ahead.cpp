#include "comm/read_ahead.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/socket.h>

namespace distlab::engine {
namespace {

// One recv of up to n bytes, retried on a signal and waited for if the socket does not block:
// the count read, 0 at the end of the stream, or -errno.
long receiveSome(int fd, std::uint8_t* dst, std::size_t n) {
  for (;;) {
    const ssize_t got = ::recv(fd, dst, n, 0);
    if (got >= 0) return got;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -errno;
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, -1) < 0 && errno != EINTR) return -errno;
  }
}

}  // namespace

int ReadAhead::read(int fd, void* dst, std::size_t n) {
  auto* out = static_cast<std::uint8_t*>(dst);
  const std::size_t taken = std::min(n, buffered());
  if (taken > 0) std::memcpy(out, m_buffer.data() + m_begin, taken);
  m_begin += taken;
  out += taken;
  n -= taken;
  while (n > 0) {
    const bool direct = n >= kDirectBytes;
    std::uint8_t* into = direct ? out : m_buffer.data();
    const long got = receiveSome(fd, into, direct ? n : m_buffer.size());
    if (got == 0) return -1;
    if (got < 0) return static_cast<int>(-got);
    const auto count = static_cast<std::size_t>(got);
    if (direct) {
      out += count;
      n -= count;
      continue;
    }
    const std::size_t use = std::min(n, count);
    std::memcpy(out, m_buffer.data(), use);
    out += use;
    n -= use;
    m_begin = use;
    m_end = count;
  }
  return 0;
}

}  // namespace distlab::engine
