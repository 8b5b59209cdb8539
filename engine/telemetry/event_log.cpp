#include "telemetry/event_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "telemetry/json_lines.h"

namespace distlab::engine {
namespace {

// Big enough that a busy run writes rarely, small enough that memory stays bounded when the
// owner forgets to flush.
constexpr std::size_t kAutoFlushBytes = 1u << 20;

}  // namespace

EventLog::EventLog(const std::string& path) : m_path(path) {
  m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (m_fd < 0) throw Error(path + ": cannot open event log: " + std::strerror(errno));
  m_buffer.reserve(64u << 10);
}

EventLog::~EventLog() {
  try {
    flush();
  } catch (const Error&) {
    // Nothing sensible to do while destroying; owners that care call flush() themselves.
  }
  ::close(m_fd);
}

void EventLog::append(const Event& event) { appendLine(toJsonLine(event)); }

void EventLog::appendLine(std::string_view line) {
  m_buffer += line;
  m_buffer += '\n';
  ++m_written;
  if (m_buffer.size() >= kAutoFlushBytes) flush();
}

void EventLog::flush() {
  std::size_t done = 0;
  while (done < m_buffer.size()) {
    const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int reason = errno;
      m_buffer.erase(0, done);
      throw Error(m_path + ": cannot write event log: " + std::strerror(reason));
    }
    done += static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

}  // namespace distlab::engine
