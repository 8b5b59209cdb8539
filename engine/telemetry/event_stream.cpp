#include "telemetry/event_stream.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "comm/messages.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {

EventStream::EventStream(int fd) : m_fd(fd) {
  const int flags = ::fcntl(m_fd, F_GETFL);
  if (flags >= 0) ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
  // A larger pipe rides out a window busy painting (Linux: up to /proc/sys/fs/pipe-max-size).
  ::fcntl(m_fd, F_SETPIPE_SZ, 1 << 20);
}

EventStream::~EventStream() {
  finish();
  ::close(m_fd);
}

void EventStream::send(std::span<const std::uint8_t> records) {
  if (m_closed || records.empty()) return;
  const auto frame = encodeFrame(telemetryOf({records.begin(), records.end()}));
  if (m_written == m_pending.size()) {
    m_pending.clear();
    m_written = 0;
  }
  m_pending.insert(m_pending.end(), frame.begin(), frame.end());
  writeSome();
}

void EventStream::writeSome() {
  while (!m_closed && m_written < m_pending.size()) {
    const ssize_t n = ::write(m_fd, m_pending.data() + m_written, m_pending.size() - m_written);
    if (n > 0) {
      m_written += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return;  // the pipe is full: the rest goes out later
    } else {
      m_closed = true;  // EPIPE: nobody reads any more
    }
  }
}

void EventStream::finish() {
  while (!m_closed && m_written < m_pending.size()) {
    writeSome();
    if (m_written < m_pending.size() && !m_closed) {
      pollfd p{m_fd, POLLOUT, 0};
      if (::poll(&p, 1, 1000) < 0 && errno != EINTR) m_closed = true;
      if (p.revents & (POLLERR | POLLHUP)) m_closed = true;
    }
  }
  m_pending.clear();
  m_written = 0;
}

}  // namespace distlab::engine
