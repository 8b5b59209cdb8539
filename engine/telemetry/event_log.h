#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "telemetry/events.h"

namespace distlab::engine {

/// A run's events.jsonl: one JSON line per event (see toJsonLine), written through a buffer of
/// our own in whole lines, so a crash does not leave half a line at the end (short of a full
/// disk).
///
/// append() only buffers (it writes by itself when the buffer passes 1 MiB); a crash loses at
/// most what was appended since the last flush(), so the owner calls flush() periodically (say,
/// once a second or once per step) as well as before it reads the file back. flush() hands the
/// lines to the OS without fsync: a crash of the process loses nothing flushed, a crash of the
/// machine may.
class EventLog {
 public:
  /// Creates or truncates the file; throws Error naming the path and the reason if it cannot.
  explicit EventLog(const std::string& path);
  /// Flushes what is left; a failure here is swallowed (flush() first to see it).
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  void append(const Event& event);
  /// The same for an event already written as its JSON line (no newline).
  void appendLine(std::string_view line);
  /// Writes the buffered lines; throws Error naming the path and the reason if it cannot (the
  /// lines not written stay buffered for the next try).
  void flush();

  /// Events appended so far, flushed or not.
  std::size_t written() const { return m_written; }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
  int m_fd = -1;
  std::string m_buffer;
  std::size_t m_written = 0;
};

}  // namespace distlab::engine
