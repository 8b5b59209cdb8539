#include "telemetry/run_events.h"

#include "telemetry/event_codec.h"
#include "telemetry/event_stream.h"
#include "telemetry/json_lines.h"

namespace distlab::engine {

RunEvents::RunEvents(const std::string& outDir, EventStream* stream)
    : m_log(outDir + "/events.jsonl"), m_stream(stream) {}

void RunEvents::record(const Event& event) {
  m_ended |= std::holds_alternative<RunEnded>(event);
  m_line.clear();
  appendJsonLine(m_line, event);
  m_log.appendLine(m_line);
  appendRecord(m_batch, event);
}

std::vector<std::uint8_t> RunEvents::flush() {
  m_log.flush();
  std::vector<std::uint8_t> batch;
  batch.swap(m_batch);
  if (m_stream && !batch.empty()) m_stream->send(batch);
  return batch;
}

}  // namespace distlab::engine
