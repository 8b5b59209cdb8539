#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "telemetry/event_log.h"
#include "telemetry/event_sink.h"

namespace distlab::engine {

class EventStream;

/// A run's typed events on their way out: each record becomes a line of the run folder's
/// events.jsonl and a binary record of the next batch for the live stream (when the engine has
/// one) and the monitors. record() only buffers; flush() writes both. One owner thread.
class RunEvents : public EventSink {
 public:
  RunEvents(const std::string& outDir, EventStream* stream);

  void record(const Event& event) override;
  /// Writes the buffered lines to events.jsonl and the batch to the live stream; returns the
  /// batch's records (for the monitors). Throws Error naming the file if it cannot write.
  std::vector<std::uint8_t> flush();
  /// A RunEnded has been recorded.
  bool ended() const { return m_ended; }

 private:
  EventLog m_log;
  EventStream* m_stream;
  std::string m_line;  ///< reused for each event's JSON line
  std::vector<std::uint8_t> m_batch;
  bool m_ended = false;
};

/// The sink an experiment in one process reports to: every record is written at once.
class FlushingSink : public EventSink {
 public:
  explicit FlushingSink(RunEvents& events) : m_events(events) {}
  void record(const Event& event) override {
    m_events.record(event);
    m_events.flush();
  }

 private:
  RunEvents& m_events;
};

}  // namespace distlab::engine
