#pragma once
#include <fstream>
#include <string>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

/// A run's events.jsonl read a block at a time (about 8 MB of lines), so a long log is shown
/// as it is read and never held whole: its records take 248 bytes each in memory, and touching
/// a soak run's gigabyte of them costs more than decoding it. A last line without its newline
/// (a run still writing, or cut short) is left out, as readEventsFile() does.
class EventFileReader {
 public:
  /// Opens the file; throws Error("cannot open events file PATH") when it cannot.
  explicit EventFileReader(const std::string& path);

  /// The next block's events into `out` (emptied first, its memory kept). false at the end of
  /// the file, or at a bad line: then error() says which, counting lines from the file's first.
  bool next(std::vector<Event>& out);
  const std::string& error() const { return m_error; }
  /// The file ended in part of a line, which was left out.
  bool endsCutShort() const { return m_cutShort; }

 private:
  std::ifstream m_in;
  std::string m_buffer;  ///< the part line carried over, then the next block
  std::size_t m_line = 1;
  std::string m_error;
  bool m_done = false, m_cutShort = false;
};

}  // namespace distlab::engine
