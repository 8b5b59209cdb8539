#include "telemetry/event_fast_path.h"

#include <charconv>

namespace distlab::engine {
namespace {

/// Writes {"e":"<type>","key":value,...} in nlohmann's compact form.
class Writer {
 public:
  Writer(std::string& out, std::string_view type) : m_out(out) {
    m_out.reserve(m_out.size() + 128);  // every line of these kinds fits
    m_out += "{\"e\":\"";
    m_out += type;
    m_out += '"';
  }
  template <typename T>
  Writer& number(std::string_view key, T value) {
    this->key(key);
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, result.ptr);
    return *this;
  }
  Writer& name(std::string_view key, std::string_view value) {
    this->key(key);
    m_out += '"';
    m_out += value;
    m_out += '"';
    return *this;
  }
  void end() { m_out += '}'; }

 private:
  void key(std::string_view key) {
    m_out += ",\"";
    m_out += key;
    m_out += "\":";
  }
  std::string& m_out;
};

/// Reads the same form left to right; each call consumes exactly what it names or fails.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}
  /// The line's start names this type (nothing is consumed when it does not).
  bool begin(std::string_view type) {
    const std::string_view before = m_text;
    if (literal("{\"e\":\"") && literal(type) && literal("\"")) return true;
    m_text = before;
    return false;
  }
  template <typename T>
  bool number(std::string_view key, T& out) {
    if (!this->key(key)) return false;
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
  bool name(std::string_view key, const char* (*nameOf)(E), E& out) {
    if (!this->key(key) || !literal("\"")) return false;
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
  bool end() { return literal("}") && m_text.empty(); }

 private:
  bool literal(std::string_view s) {
    if (!m_text.starts_with(s)) return false;
    m_text.remove_prefix(s.size());
    return true;
  }
  bool key(std::string_view key) { return literal(",\"") && literal(key) && literal("\":"); }
  std::string_view m_text;
};

}  // namespace

bool appendFastJsonLine(std::string& out, const Event& event) {
  if (const auto* s = std::get_if<Span>(&event)) {
    Writer(out, "span")
        .number("lane", s->lane)
        .name("kind", spanKindName(s->kind))
        .number("t0", s->startNs)
        .number("t1", s->endNs)
        .number("step", s->step)
        .number("bytes", s->bytes)
        .end();
    return true;
  }
  if (const auto* r = std::get_if<TrafficRecord>(&event)) {
    Writer(out, "traffic")
        .number("t", r->timeNs)
        .number("w", r->worker)
        .name("dir", directionName(r->direction))
        .name("type", messageTypeName(r->type))
        .number("bytes", r->bytes)
        .end();
    return true;
  }
  if (const auto* r = std::get_if<StalenessRecord>(&event)) {
    Writer(out, "staleness")
        .number("t", r->timeNs)
        .number("w", r->worker)
        .number("version", r->version)
        .number("staleness", r->staleness)
        .number("clock_gap", r->clockGap)
        .end();
    return true;
  }
  return false;
}

bool parseFastJsonLine(std::string_view line, Event& out) {
  Cursor c(line);
  if (c.begin("span")) {
    Span s;
    if (!(c.number("lane", s.lane) && c.name("kind", spanKindName, s.kind) &&
          c.number("t0", s.startNs) && c.number("t1", s.endNs) && c.number("step", s.step) &&
          c.number("bytes", s.bytes) && c.end())) {
      return false;
    }
    out = s;
    return true;
  }
  if (c.begin("traffic")) {
    TrafficRecord r;
    if (!(c.number("t", r.timeNs) && c.number("w", r.worker) &&
          c.name("dir", directionName, r.direction) && c.name("type", messageTypeName, r.type) &&
          c.number("bytes", r.bytes) && c.end())) {
      return false;
    }
    out = r;
    return true;
  }
  if (c.begin("staleness")) {
    StalenessRecord r;
    if (!(c.number("t", r.timeNs) && c.number("w", r.worker) && c.number("version", r.version) &&
          c.number("staleness", r.staleness) && c.number("clock_gap", r.clockGap) && c.end())) {
      return false;
    }
    out = r;
    return true;
  }
  return false;
}

}  // namespace distlab::engine
