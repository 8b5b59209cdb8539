#include "modelpar/stage_reporter.h"

#include "core/error.h"
#include "core/stopwatch.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {
namespace {

constexpr std::int64_t kTelemetryPeriodNs = 50'000'000;
constexpr std::int64_t kMinIdleNs = 20'000;  // shorter waits are noise, not idle time

}  // namespace

void StageReporter::record(Event event) {
  const std::lock_guard lock(m_mutex);
  m_events.push_back(std::move(event));
}

void StageReporter::sendTelemetry(bool force) {
  const auto now = steadyNowNs();
  if (!force && now - m_lastTelemetryNs < kTelemetryPeriodNs) return;
  std::vector<Event> events;
  {
    const std::lock_guard lock(m_mutex);
    events.swap(m_events);
  }
  if (events.empty()) return;
  m_lastTelemetryNs = now;
  m_hub.send(telemetryOf(encodeRecords(events)));
}

void StageReporter::sendParameters(std::uint64_t version, std::span<const float> parameters) {
  Push push;
  push.kind = PushKind::Model;
  push.baseVersion = version;
  const auto before = m_hub.bytesSent();
  m_hub.sendBulk(push, parameters);
  const auto bytes = m_hub.bytesSent() - before;
  record(Traffic{steadyNowNs(), m_rank, Direction::ToServer, MessageType::Push,
                 TrafficKind::Parameters, bytes, bytes});
}

AsyncSender::OnSent StageReporter::onSent() {
  return [this](MessageType type, std::int64_t t0, std::int64_t t1, std::uint64_t bytes) {
    const std::lock_guard lock(m_mutex);
    m_events.push_back(Span{m_rank, SpanKind::Send, t0, t1, m_step, bytes});
    m_events.push_back(
        Traffic{t1, m_rank, Direction::ToWorker, type, trafficKindOf(type), bytes, bytes});
  };
}

Message StageReporter::receiveTimed(BlockingChannel& channel) {
  const auto t0 = steadyNowNs();
  const std::uint64_t before = channel.bytesReceived();
  Message message = channel.receive();
  const auto t1 = steadyNowNs();
  const auto arrived = channel.lastHeaderNs();
  if (arrived - t0 >= kMinIdleNs) record(Span{m_rank, SpanKind::Idle, t0, arrived, m_step, 0});
  record(Span{m_rank, SpanKind::Receive, std::max(t0, arrived), t1, m_step,
              channel.bytesReceived() - before});
  return message;
}

void StageReporter::unexpected(std::uint32_t index) const {
  throw Error("stage " + std::to_string(m_rank) + " expected part " + std::to_string(index) +
              " of step " + std::to_string(m_step) + " and received something else");
}

}  // namespace distlab::engine
