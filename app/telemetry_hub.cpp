#include "app/telemetry_hub.h"

#include "comm/messages.h"
#include "telemetry/event_codec.h"

namespace distlab::app {

using namespace distlab::engine;

TelemetryHub::TelemetryHub(QObject* parent) : QObject(parent) {
  // <= 10 batches a second: enough for curves that gain a few points a frame. At 30 the window
  // took ~45% of a core in a live run of the default lesson, at 10 ~20%: CPU the workers on a
  // 2-core laptop need (bench/RESULTS.md, "The window's share of a live run").
  m_timer.setInterval(100);
  connect(&m_timer, &QTimer::timeout, this, &TelemetryHub::flush);
}

void TelemetryHub::reset() {
  m_buffer.clear();
  m_pending.clear();
  m_records = m_unknown = 0;
  m_broken = false;
  m_timer.start();
}

void TelemetryHub::feed(const QByteArray& bytes) {
  if (m_broken) return;
  m_buffer += bytes;
  decode();
}

void TelemetryHub::decode() {
  const auto* data = reinterpret_cast<const std::uint8_t*>(m_buffer.constData());
  const auto size = static_cast<std::size_t>(m_buffer.size());
  DecodeLimits limits;
  limits.maxPayload = 256u << 20;
  std::size_t offset = 0;
  while (!m_broken) {
    Message message;
    std::size_t consumed = 0;
    const DecodeError error =
        decodeFrame({data + offset, size - offset}, limits, message, consumed);
    if (error == DecodeError::NeedMoreBytes) break;
    QString problem;
    if (error != DecodeError::None) {
      problem = QString::fromUtf8(describe(error));
    } else if (const auto* telemetry = std::get_if<Telemetry>(&message)) {
      const auto r = decodeTelemetry(*telemetry, m_pending);
      m_records += r.records;
      m_unknown += r.unknown;
      if (!r.ok) problem = QString::fromStdString(r.error);
    }
    offset += consumed;
    if (!problem.isEmpty()) {
      m_broken = true;
      emit streamBroken(problem);
    }
  }
  m_buffer.remove(0, static_cast<qsizetype>(offset));
}

void TelemetryHub::finish() {
  decode();
  flush();
  m_timer.stop();
}

void TelemetryHub::replay(const std::vector<Event>& events) {
  flush();  // whatever came before goes first
  m_records += events.size();
  if (!events.empty()) emit this->events(events);  // no copy: a long log comes in large blocks
}

void TelemetryHub::flush() {
  if (m_pending.empty()) return;
  std::vector<Event> batch;
  batch.swap(m_pending);
  emit events(batch);
}

}  // namespace distlab::app
