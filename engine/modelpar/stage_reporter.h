#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "comm/async_sender.h"
#include "comm/blocking_channel.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// What a model-parallel process tells its coordinator: its timeline and traffic (TELEMETRY,
/// batched about every 50 ms), its parameters at every evaluation point (a PUSH of kind Model),
/// and the intermediate results it receives, checked and timed (idle while it waited for the
/// first byte, receive while the frame arrived). Spans may be recorded from the sending threads.
class StageReporter {
 public:
  StageReporter(BlockingChannel& coordinator, int rank) : m_hub(coordinator), m_rank(rank) {}

  void record(Event event);
  /// Sends what was recorded when 50 ms have passed since the last batch (or now, if forced).
  void sendTelemetry(bool force = false);
  /// A PUSH of kind Model holding `parameters` at `version`.
  void sendParameters(std::uint64_t version, std::span<const float> parameters);
  /// Records each frame a sending thread writes: a Send span and its Traffic.
  AsyncSender::OnSent onSent();
  /// The step the sending threads' spans are put at.
  void setStep(std::uint64_t step) { m_step = step; }

  /// The next frame from `channel`, which must be an M for micro-batch (or layer) `index` of
  /// the current step; throws Error otherwise.
  template <class M>
  M receive(BlockingChannel& channel, std::uint32_t index);
  /// The next frame from `channel`, whatever it is, with the wait and the arrival recorded
  /// (Idle and Receive spans).
  Message receiveTimed(BlockingChannel& channel);

 private:
  [[noreturn]] void unexpected(std::uint32_t index) const;

  BlockingChannel& m_hub;
  int m_rank;
  std::atomic<std::uint64_t> m_step{0};
  std::mutex m_mutex;
  std::vector<Event> m_events;
  std::int64_t m_lastTelemetryNs = 0;
};

template <class M>
M StageReporter::receive(BlockingChannel& channel, std::uint32_t index) {
  Message message = receiveTimed(channel);
  auto* m = std::get_if<M>(&message);
  if (!m || m->step != m_step || m->micro != index) unexpected(index);
  return std::move(*m);
}

}  // namespace distlab::engine
