#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

/// The live stream of a run's events to the window: TELEMETRY frames (comm/messages.h) of event
/// records (telemetry/event_codec.h) written to a file descriptor, the engine's stdout under
/// `run --stream`. A slow reader never blocks the run: frames wait in memory and go out as the
/// pipe takes them; finish() waits for the rest. A reader that is gone (EPIPE) ends the stream
/// quietly. Single-threaded: one owner writes.
class EventStream {
 public:
  /// Takes over `fd` (closes it when done) and makes it non-blocking.
  explicit EventStream(int fd);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  /// Queues one frame holding these records and writes what the pipe takes now.
  void send(std::span<const std::uint8_t> records);
  /// Writes everything queued, waiting for the reader as long as it needs.
  void finish();
  /// Bytes waiting for the reader.
  std::size_t pending() const { return m_pending.size() - m_written; }

 private:
  /// Writes without waiting; false when the reader is gone.
  void writeSome();

  int m_fd;
  bool m_closed = false;
  std::vector<std::uint8_t> m_pending;
  std::size_t m_written = 0;  ///< bytes of m_pending already written
};

}  // namespace distlab::engine
