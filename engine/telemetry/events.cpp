#include "telemetry/events.h"

#include <cmath>
#include <exception>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "telemetry/event_fast_path.h"
#include "telemetry/events_generic.h"

namespace distlab::engine {
namespace {

using Json = nlohmann::json;
// Written with insertion order kept, so "e" comes first and a person reading events.jsonl sees
// the fields in the order of the struct.
using OrderedJson = nlohmann::ordered_json;

// JSON has no NaN or infinity, and a diverging loss is exactly what the lab wants to show.
OrderedJson numberJson(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return value;
}

std::string typeName(const Json& value) {
  if (value.is_number_integer()) return "integer";
  if (value.is_number_float()) return "number";
  return value.type_name();
}

std::string shortDump(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

/// Reads the fields of one event object, keeping the first problem as a sentence. Each reader
/// returns false on a problem so that an event's fields read as one && chain.
class Fields {
 public:
  Fields(const Json& object, const char* event) : m_object(object), m_event(event) {}

  const std::string& error() const { return m_error; }

  template <class T>
  bool integer(const char* key, T& out) {
    const Json* v = find(key);
    if (!v) return false;
    if (!v->is_number_integer()) {
      return wrongType(key, *v, std::is_signed_v<T> ? "an integer" : "a non-negative integer");
    }
    // nlohmann keeps non-negative integers as unsigned and negative ones as signed.
    const bool fits = v->is_number_unsigned() ? std::in_range<T>(v->get<std::uint64_t>())
                                              : std::in_range<T>(v->get<std::int64_t>());
    if (!fits) return fail(field(key) + " is out of range: " + shortDump(*v));
    out = v->is_number_unsigned() ? static_cast<T>(v->get<std::uint64_t>())
                                  : static_cast<T>(v->get<std::int64_t>());
    return true;
  }

  bool number(const char* key, double& out) {
    const Json* v = find(key);
    if (!v) return false;
    if (v->is_number()) {
      out = v->get<double>();
      return true;
    }
    if (v->is_string()) {
      const auto& s = v->get_ref<const std::string&>();
      if (s == "nan") out = std::nan("");
      if (s == "inf") out = HUGE_VAL;
      if (s == "-inf") out = -HUGE_VAL;
      if (s == "nan" || s == "inf" || s == "-inf") return true;
    }
    return wrongType(key, *v, "a number (or \"nan\", \"inf\", \"-inf\")");
  }

  bool text(const char* key, std::string& out) {
    const Json* v = find(key);
    if (!v) return false;
    if (!v->is_string()) return wrongType(key, *v, "a string");
    out = v->get<std::string>();
    return true;
  }

  /// An enum written by name; parsed through the same function that writes it, so the names
  /// cannot drift apart. Every enum here has an 8-bit underlying type.
  template <class E>
  bool name(const char* key, const char* (*nameOf)(E), E& out) {
    static_assert(sizeof(E) == 1);
    const Json* v = find(key);
    if (!v) return false;
    if (!v->is_string()) return wrongType(key, *v, "a name");
    const auto& s = v->get_ref<const std::string&>();
    for (int i = 0; i < 256; ++i) {
      if (s != "unknown" && s == nameOf(static_cast<E>(i))) {
        out = static_cast<E>(i);
        return true;
      }
    }
    std::string known;
    for (int i = 0; i < 256; ++i) {
      const std::string_view candidate = nameOf(static_cast<E>(i));
      if (candidate != "unknown") known += (known.empty() ? "" : ", ") + std::string(candidate);
    }
    return fail(field(key) + " has an unknown value " + shortDump(*v) + "; expected one of " +
                known);
  }

  bool counts(const char* key, std::vector<std::size_t>& out) {
    const Json* v = find(key);
    if (!v) return false;
    if (!v->is_array()) return wrongType(key, *v, "an array of non-negative integers");
    out.clear();
    out.reserve(v->size());
    for (const Json& item : *v) {
      if (!item.is_number_unsigned()) {
        return fail(field(key) + " holds " + shortDump(item) +
                    "; expected an array of non-negative integers");
      }
      out.push_back(static_cast<std::size_t>(item.get<std::uint64_t>()));
    }
    return true;
  }

 private:
  std::string field(const char* key) const {
    return "field \"" + std::string(key) + "\" in " + m_event + " event";
  }
  const Json* find(const char* key) {
    const auto it = m_object.find(key);
    if (it != m_object.end()) return &*it;
    fail("missing field \"" + std::string(key) + "\" in " + m_event + " event");
    return nullptr;
  }
  bool wrongType(const char* key, const Json& value, const char* expected) {
    return fail(field(key) + " has the wrong type (" + typeName(value) + " " + shortDump(value) +
                "); expected " + expected);
  }
  bool fail(std::string message) {
    if (m_error.empty()) m_error = std::move(message);
    return false;
  }

  const Json& m_object;
  const char* m_event;
  std::string m_error;
};

void write(OrderedJson& j, const Span& s) {
  j["lane"] = s.lane;
  j["kind"] = spanKindName(s.kind);
  j["t0"] = s.startNs;
  j["t1"] = s.endNs;
  j["step"] = s.step;
  j["bytes"] = s.bytes;
}
bool read(Fields& f, Span& s) {
  return f.integer("lane", s.lane) && f.name("kind", spanKindName, s.kind) &&
         f.integer("t0", s.startNs) && f.integer("t1", s.endNs) && f.integer("step", s.step) &&
         f.integer("bytes", s.bytes);
}

void write(OrderedJson& j, const TrafficRecord& r) {
  j["t"] = r.timeNs;
  j["w"] = r.worker;
  j["dir"] = directionName(r.direction);
  j["type"] = messageTypeName(r.type);
  j["bytes"] = r.bytes;
}
bool read(Fields& f, TrafficRecord& r) {
  return f.integer("t", r.timeNs) && f.integer("w", r.worker) &&
         f.name("dir", directionName, r.direction) && f.name("type", messageTypeName, r.type) &&
         f.integer("bytes", r.bytes);
}

void write(OrderedJson& j, const Metric& m) {
  j["t"] = m.timeNs;
  j["name"] = m.name;
  j["w"] = m.worker;
  j["step"] = m.step;
  j["v"] = numberJson(m.value);
}
bool read(Fields& f, Metric& m) {
  return f.integer("t", m.timeNs) && f.text("name", m.name) && f.integer("w", m.worker) &&
         f.integer("step", m.step) && f.number("v", m.value);
}

void write(OrderedJson& j, const StalenessRecord& r) {
  j["t"] = r.timeNs;
  j["w"] = r.worker;
  j["version"] = r.version;
  j["staleness"] = r.staleness;
  j["clock_gap"] = r.clockGap;
}
bool read(Fields& f, StalenessRecord& r) {
  return f.integer("t", r.timeNs) && f.integer("w", r.worker) && f.integer("version", r.version) &&
         f.integer("staleness", r.staleness) && f.integer("clock_gap", r.clockGap);
}

void write(OrderedJson& j, const PartitionRecord& r) {
  j["t"] = r.timeNs;
  j["w"] = r.worker;
  j["epoch"] = r.epoch;
  j["size"] = r.stats.size;
  j["distinct"] = r.stats.distinct;
  j["labels"] = r.stats.labelCounts;
  j["unseen"] = numberJson(r.stats.unseenFraction);
}
bool read(Fields& f, PartitionRecord& r) {
  return f.integer("t", r.timeNs) && f.integer("w", r.worker) && f.integer("epoch", r.epoch) &&
         f.integer("size", r.stats.size) && f.integer("distinct", r.stats.distinct) &&
         f.counts("labels", r.stats.labelCounts) && f.number("unseen", r.stats.unseenFraction);
}

void write(OrderedJson& j, const Lifecycle& l) {
  j["t"] = l.timeNs;
  j["w"] = l.worker;
  j["kind"] = lifecycleName(l.kind);
  j["detail"] = l.detail;
}
bool read(Fields& f, Lifecycle& l) {
  return f.integer("t", l.timeNs) && f.integer("w", l.worker) &&
         f.name("kind", lifecycleName, l.kind) && f.text("detail", l.detail);
}

template <class T>
bool decodeAs(Fields& f, Event& out) {
  T value;
  if (!read(f, value)) return false;
  out = std::move(value);
  return true;
}

/// The value of "e" for each alternative of Event, in the variant's order.
struct Codec {
  const char* name;
  bool (*decode)(Fields&, Event&);
};
constexpr Codec kCodecs[] = {
    {"span", decodeAs<Span>},
    {"traffic", decodeAs<TrafficRecord>},
    {"metric", decodeAs<Metric>},
    {"staleness", decodeAs<StalenessRecord>},
    {"partition", decodeAs<PartitionRecord>},
    {"lifecycle", decodeAs<Lifecycle>},
};
static_assert(std::size(kCodecs) == std::variant_size_v<Event>);

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

bool decodeObject(const Json& j, Event& out, std::string* error) {
  if (!j.is_object()) return fail(error, "not a JSON object: " + shortDump(j));
  const auto e = j.find("e");
  if (e == j.end()) return fail(error, "missing field \"e\" (the event type)");
  if (!e->is_string()) {
    return fail(error, "field \"e\" has the wrong type (" + typeName(*e) + " " + shortDump(*e) +
                           "); expected an event type name");
  }
  std::string known;
  for (const Codec& codec : kCodecs) {
    if (*e == codec.name) {
      Fields fields(j, codec.name);
      if (!codec.decode(fields, out)) return fail(error, fields.error());
      return true;
    }
    known += (known.empty() ? "" : ", ") + std::string(codec.name);
  }
  return fail(error,
              "unknown event type " + shortDump(*e) + " in field \"e\"; expected one of " + known);
}

bool isBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

const char* directionName(Direction direction) {
  switch (direction) {
    case Direction::ToServer:
      return "to_server";
    case Direction::ToWorker:
      return "to_worker";
  }
  return "unknown";
}

const char* messageTypeName(MessageType type) {
  switch (type) {
    case MessageType::Hello:
      return "hello";
    case MessageType::Challenge:
      return "challenge";
    case MessageType::Auth:
      return "auth";
    case MessageType::Welcome:
      return "welcome";
    case MessageType::Pull:
      return "pull";
    case MessageType::Params:
      return "params";
    case MessageType::Push:
      return "push";
    case MessageType::Clock:
      return "clock";
    case MessageType::Barrier:
      return "barrier";
    case MessageType::Telemetry:
      return "telemetry";
    case MessageType::Control:
      return "control";
    case MessageType::Shutdown:
      return "shutdown";
    case MessageType::Heartbeat:
      return "heartbeat";
    case MessageType::Keys:
      return "keys";
  }
  return "unknown";
}

const char* spanKindName(SpanKind kind) {
  switch (kind) {
    case SpanKind::Compute:
      return "compute";
    case SpanKind::Push:
      return "push";
    case SpanKind::Pull:
      return "pull";
    case SpanKind::Wait:
      return "wait";
    case SpanKind::Aggregate:
      return "aggregate";
    case SpanKind::Evaluate:
      return "evaluate";
  }
  return "unknown";
}

const char* lifecycleName(LifecycleKind kind) {
  switch (kind) {
    case LifecycleKind::RunStarted:
      return "run_started";
    case LifecycleKind::Joined:
      return "joined";
    case LifecycleKind::Died:
      return "died";
    case LifecycleKind::Rejoined:
      return "rejoined";
    case LifecycleKind::AuthFailed:
      return "auth_failed";
    case LifecycleKind::Finished:
      return "finished";
    case LifecycleKind::Slowed:
      return "slowed";
    case LifecycleKind::Restored:
      return "restored";
    case LifecycleKind::Paused:
      return "paused";
    case LifecycleKind::Resumed:
      return "resumed";
    case LifecycleKind::Stepped:
      return "stepped";
    case LifecycleKind::RunFinished:
      return "run_finished";
    case LifecycleKind::Rejected:
      return "rejected";
    case LifecycleKind::Captured:
      return "captured";
    case LifecycleKind::KeysExchanged:
      return "keys_exchanged";
    case LifecycleKind::RoundLost:
      return "round_lost";
  }
  return "unknown";
}

std::int64_t eventTime(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::int64_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Span>) {
          return e.startNs;
        } else {
          return e.timeNs;
        }
      },
      event);
}

void shiftTime(Event& event, std::int64_t offsetNs) {
  std::visit(
      [offsetNs](auto& e) {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Span>) {
          e.startNs += offsetNs;
          e.endNs += offsetNs;
        } else {
          e.timeNs += offsetNs;
        }
      },
      event);
}

std::string toJsonLine(const Event& event) {
  if (std::string line; appendFastJsonLine(line, event)) return line;
  return toJsonLineGeneric(event);
}

std::string toJsonLineGeneric(const Event& event) {
  OrderedJson j;
  j["e"] = kCodecs[event.index()].name;
  std::visit([&j](const auto& e) { write(j, e); }, event);
  // Invalid UTF-8 (say, a truncated detail string) is replaced rather than thrown on.
  return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

bool fromJsonLine(std::string_view line, Event& out, std::string* error) {
  return parseFastJsonLine(line, out) || fromJsonLineGeneric(line, out, error);
}

bool fromJsonLineGeneric(std::string_view line, Event& out, std::string* error) {
  try {
    Json j;
    try {
      j = Json::parse(line.begin(), line.end());
    } catch (const Json::parse_error& e) {
      // e.what() starts with "[json.exception.parse_error.101] ", which tells a reader nothing.
      std::string_view what = e.what();
      if (const auto end = what.find("] "); what.starts_with('[') && end != what.npos) {
        what.remove_prefix(end + 2);
      }
      return fail(error, "not JSON: " + std::string(what));
    }
    Event event;
    if (!decodeObject(j, event, error)) return false;
    out = std::move(event);
    return true;
  } catch (const std::exception& e) {
    return fail(error, std::string("cannot decode the line: ") + e.what());
  }
}

std::string encodeBatch(std::span<const Event> events) {
  std::string text;
  text.reserve(events.size() * 96);
  for (const Event& event : events) {
    text += toJsonLine(event);
    text += '\n';
  }
  return text;
}

bool decodeBatch(std::string_view text, std::vector<Event>& out, std::string* error) {
  std::size_t lineNumber = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNumber;
    if (isBlank(line)) continue;
    Event event;
    std::string why;
    if (!fromJsonLine(line, event, &why)) {
      return fail(error, "line " + std::to_string(lineNumber) + ": " + why);
    }
    try {
      out.push_back(std::move(event));
    } catch (const std::exception& e) {
      return fail(error, "line " + std::to_string(lineNumber) + ": " + e.what());
    }
  }
  return true;
}

}  // namespace distlab::engine
