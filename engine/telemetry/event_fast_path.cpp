#include "telemetry/event_fast_path.h"

#include <charconv>
#include <cstring>
#include <limits>
#include <utility>

namespace distlab::engine {
namespace {

template <typename T>
void appendNumber(std::string& out, T value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

/// Reads the line left to right; each call consumes exactly what it names or fails.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}
  bool literal(std::string_view s) {
    if (!m_text.starts_with(s)) return false;
    m_text.remove_prefix(s.size());
    return true;
  }
  template <typename T>
  bool number(T& out) {
    // JSON integers: no '+', no leading zeros (nlohmann writes none; anything else goes the
    // generic way).
    if (m_text.empty() || m_text.front() == '+') return false;
    const std::size_t digits = m_text.front() == '-' ? 1 : 0;
    if (m_text.size() > digits + 1 && m_text[digits] == '0' && m_text[digits + 1] >= '0' &&
        m_text[digits + 1] <= '9') {
      return false;
    }
    const auto result = std::from_chars(m_text.data(), m_text.data() + m_text.size(), out);
    if (result.ec != std::errc()) return false;
    m_text.remove_prefix(static_cast<std::size_t>(result.ptr - m_text.data()));
    return true;
  }
  /// A quoted name that one of the enum's values is written as.
  template <typename E>
  bool name(const char* (*nameOf)(E), E& out) {
    if (!literal("\"")) return false;
    const auto end = m_text.find('"');
    if (end == std::string_view::npos) return false;
    const std::string_view s = m_text.substr(0, end);
    m_text.remove_prefix(end + 1);
    for (int i = 0; i < 256; ++i) {
      if (s != "unknown" && s == nameOf(static_cast<E>(i))) {
        out = static_cast<E>(i);
        return true;
      }
    }
    return false;
  }
  bool atEnd() const { return m_text.empty(); }

 private:
  std::string_view m_text;
};

}  // namespace

bool appendFastJsonLine(std::string& out, const Event& event) {
  if (const auto* s = std::get_if<Span>(&event)) {
    out += "{\"e\":\"span\",\"lane\":";
    appendNumber(out, s->lane);
    out += ",\"kind\":\"";
    out += spanKindName(s->kind);
    out += "\",\"t0\":";
    appendNumber(out, s->startNs);
    out += ",\"t1\":";
    appendNumber(out, s->endNs);
    out += ",\"step\":";
    appendNumber(out, s->step);
    out += ",\"bytes\":";
    appendNumber(out, s->bytes);
    out += '}';
    return true;
  }
  if (const auto* r = std::get_if<TrafficRecord>(&event)) {
    out += "{\"e\":\"traffic\",\"t\":";
    appendNumber(out, r->timeNs);
    out += ",\"w\":";
    appendNumber(out, r->worker);
    out += ",\"dir\":\"";
    out += directionName(r->direction);
    out += "\",\"type\":\"";
    out += messageTypeName(r->type);
    out += "\",\"bytes\":";
    appendNumber(out, r->bytes);
    out += '}';
    return true;
  }
  if (const auto* r = std::get_if<StalenessRecord>(&event)) {
    out += "{\"e\":\"staleness\",\"t\":";
    appendNumber(out, r->timeNs);
    out += ",\"w\":";
    appendNumber(out, r->worker);
    out += ",\"version\":";
    appendNumber(out, r->version);
    out += ",\"staleness\":";
    appendNumber(out, r->staleness);
    out += ",\"clock_gap\":";
    appendNumber(out, r->clockGap);
    out += '}';
    return true;
  }
  return false;
}

bool parseFastJsonLine(std::string_view line, Event& out) {
  Cursor c(line);
  if (c.literal("{\"e\":\"span\",\"lane\":")) {
    Span s;
    if (c.number(s.lane) && c.literal(",\"kind\":") && c.name(spanKindName, s.kind) &&
        c.literal(",\"t0\":") && c.number(s.startNs) && c.literal(",\"t1\":") &&
        c.number(s.endNs) && c.literal(",\"step\":") && c.number(s.step) &&
        c.literal(",\"bytes\":") && c.number(s.bytes) && c.literal("}") && c.atEnd()) {
      out = s;
      return true;
    }
    return false;
  }
  if (c.literal("{\"e\":\"traffic\",\"t\":")) {
    TrafficRecord r;
    if (c.number(r.timeNs) && c.literal(",\"w\":") && c.number(r.worker) &&
        c.literal(",\"dir\":") && c.name(directionName, r.direction) && c.literal(",\"type\":") &&
        c.name(messageTypeName, r.type) && c.literal(",\"bytes\":") && c.number(r.bytes) &&
        c.literal("}") && c.atEnd()) {
      out = r;
      return true;
    }
    return false;
  }
  if (c.literal("{\"e\":\"staleness\",\"t\":")) {
    StalenessRecord r;
    if (c.number(r.timeNs) && c.literal(",\"w\":") && c.number(r.worker) &&
        c.literal(",\"version\":") && c.number(r.version) && c.literal(",\"staleness\":") &&
        c.number(r.staleness) && c.literal(",\"clock_gap\":") && c.number(r.clockGap) &&
        c.literal("}") && c.atEnd()) {
      out = r;
      return true;
    }
  }
  return false;
}

}  // namespace distlab::engine
