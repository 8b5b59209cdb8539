#include "telemetry/json_lines.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <iterator>
#include <thread>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "telemetry/event_fields.h"
#include "telemetry/flat_json_line.h"

namespace distlab::engine {
namespace {

using namespace event_fields;
using Json = nlohmann::json;

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {
  using Item = T;
};

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
std::size_t utf8Length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned min = 0;
  if ((c & 0xE0) == 0xC0) n = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0) n = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0) n = 4, min = 0x10000;
  else return 0;
  if (i + n > s.size()) return 0;
  unsigned code = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    code = (code << 6) | (d & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return n;
}

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : m_out(out) {}

  template <class T>
  void value(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      m_out += v ? "true" : "false";
    } else if constexpr (EventEnum<T>) {
      const char* name = nameOrNull(v);
      text(name ? name : "unknown");
    } else if constexpr (std::is_floating_point_v<T>) {
      number(static_cast<double>(v));
    } else if constexpr (std::is_arithmetic_v<T>) {
      integer(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      text(v);
    } else if constexpr (std::is_same_v<T, std::vector<std::uint8_t>>) {
      base64(v);
    } else if constexpr (IsVector<T>::value) {
      m_out += '[';
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) m_out += ',';
        value(v[i]);
      }
      m_out += ']';
    } else {
      static_assert(Record<T>);
      m_out += '{';
      fields(v);
      m_out += '}';
    }
  }

  /// The fields of a record, without braces.
  template <class T>
  void fields(const T& record) {
    bool first = m_out.empty() || m_out.back() == '{';
    visit(record, [&](const char* name, const auto& member) {
      if (!first) m_out += ',';
      first = false;
      m_out += '"';
      m_out += name;
      m_out += "\":";
      value(member);
    });
  }

  void text(std::string_view s) {
    m_out += '"';
    for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      const std::size_t n = utf8Length(s, i);
      if (n == 0) {
        m_out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
        ++i;
        continue;
      }
      if (n > 1) {
        m_out.append(s.substr(i, n));
      } else if (c == '"' || c == '\\') {
        m_out += '\\';
        m_out += c;
      } else if (c == '\n') {
        m_out += "\\n";
      } else if (c == '\t') {
        m_out += "\\t";
      } else if (static_cast<unsigned char>(c) < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        m_out += "\\u00";
        m_out += kHex[(c >> 4) & 0xF];
        m_out += kHex[c & 0xF];
      } else {
        m_out += c;
      }
      i += n;
    }
    m_out += '"';
  }

 private:
  template <class T>
  void integer(T v) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    m_out.append(buffer, end);
  }
  void number(double v) {
    if (std::isnan(v)) return text("nan");
    if (std::isinf(v)) return text(v > 0 ? "inf" : "-inf");
    if (v == 0 && std::signbit(v)) {  // "-0" would read back as the integer 0
      m_out += "-0.0";
      return;
    }
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    m_out.append(buffer, end);
  }
  void base64(const std::vector<std::uint8_t>& bytes) {
    m_out += '"';
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
      const std::uint32_t n = (std::uint32_t{bytes[i]} << 16) |
                              (i + 1 < bytes.size() ? std::uint32_t{bytes[i + 1]} << 8 : 0) |
                              (i + 2 < bytes.size() ? std::uint32_t{bytes[i + 2]} : 0);
      m_out += kBase64[(n >> 18) & 63];
      m_out += kBase64[(n >> 12) & 63];
      m_out += i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=';
      m_out += i + 2 < bytes.size() ? kBase64[n & 63] : '=';
    }
    m_out += '"';
  }
  std::string& m_out;
};

std::string shortDump(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

bool decodeBase64(const std::string& s, std::vector<std::uint8_t>& out) {
  if (s.size() % 4 != 0) return false;
  out.clear();
  out.reserve(s.size() / 4 * 3);
  auto digit = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); i += 4) {
    std::uint32_t n = 0;
    int pad = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = s[i + k];
      if (c == '=' && i + 4 == s.size() && k >= 2) {
        ++pad;
        n <<= 6;
        continue;
      }
      const int d = digit(c);
      if (d < 0 || pad) return false;
      n = (n << 6) | static_cast<std::uint32_t>(d);
    }
    out.push_back(static_cast<std::uint8_t>(n >> 16));
    if (pad < 2) out.push_back(static_cast<std::uint8_t>(n >> 8));
    if (pad < 1) out.push_back(static_cast<std::uint8_t>(n));
  }
  return true;
}

/// Reads a record's fields from a JSON object, keeping the first problem as a sentence naming
/// the field and the record.
class JsonReader {
 public:
  explicit JsonReader(const char* record) : m_record(record) {}
  const std::string& error() const { return m_error; }

  template <class T>
  void fields(const Json& object, T& record) {
    visit(record, [&](const char* name, auto& member) {
      if (!m_error.empty()) return;
      const auto it = object.find(name);
      if (it == object.end()) {
        // A list a later version added to a record reads as empty from an older run's line
        // (lesson_stage's settings, run_started's attackers): the run still opens.
        using Member = std::remove_cvref_t<decltype(member)>;
        if constexpr (IsVector<Member>::value && !std::is_same_v<Member, std::vector<std::uint8_t>>) {
          return;
        }
        return fail("missing field \"" + std::string(name) + "\"");
      }
      m_field = name;
      value(*it, member);
    });
  }

 private:
  template <class T>
  void value(const Json& j, T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      if (!j.is_boolean()) return wrong(j, "true or false");
      v = j.get<bool>();
    } else if constexpr (EventEnum<T>) {
      if (!j.is_string()) return wrong(j, "a name");
      const auto& s = j.get_ref<const std::string&>();
      const auto& names = EnumNames<T>::names;
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] && s == names[i]) {
          v = static_cast<T>(i);
          return;
        }
      }
      std::string known;
      for (const char* n : names) {
        if (n) known += (known.empty() ? "" : ", ") + std::string(n);
      }
      fail(field() + " has an unknown value " + shortDump(j) + "; expected one of " + known);
    } else if constexpr (std::is_floating_point_v<T>) {
      if (j.is_number()) {
        v = j.get<double>();
      } else if (j.is_string() && (j == "nan" || j == "inf" || j == "-inf")) {
        v = j == "nan" ? std::nan("") : (j == "inf" ? HUGE_VAL : -HUGE_VAL);
      } else {
        wrong(j, "a number (or \"nan\", \"inf\", \"-inf\")");
      }
    } else if constexpr (std::is_arithmetic_v<T>) {
      if (!j.is_number_integer()) {
        return wrong(j, std::is_signed_v<T> ? "an integer" : "a non-negative integer");
      }
      const bool fits = j.is_number_unsigned() ? std::in_range<T>(j.get<std::uint64_t>())
                                               : std::in_range<T>(j.get<std::int64_t>());
      if (!fits) return fail(field() + " is out of range: " + shortDump(j));
      v = j.is_number_unsigned() ? static_cast<T>(j.get<std::uint64_t>())
                                 : static_cast<T>(j.get<std::int64_t>());
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!j.is_string()) return wrong(j, "a string");
      v = j.get<std::string>();
    } else if constexpr (std::is_same_v<T, std::vector<std::uint8_t>>) {
      if (!j.is_string() || !decodeBase64(j.get<std::string>(), v)) {
        return wrong(j, "base64 bytes");
      }
    } else if constexpr (IsVector<T>::value) {
      if (!j.is_array()) return wrong(j, "a list");
      v.clear();
      v.resize(j.size());
      for (std::size_t i = 0; i < j.size() && m_error.empty(); ++i) value(j[i], v[i]);
    } else {
      static_assert(Record<T>);
      if (!j.is_object()) return wrong(j, "an object");
      const std::string outer = m_field;
      visit(v, [&](const char* name, auto& member) {
        if (!m_error.empty()) return;
        const auto it = j.find(name);
        if (it == j.end()) return fail("missing field \"" + outer + "." + name + "\"");
        m_field = outer + "." + name;
        value(*it, member);
      });
      m_field = outer;
    }
  }

  std::string field() const { return "field \"" + m_field + "\""; }
  void wrong(const Json& j, const char* expected) {
    fail(field() + " has the wrong type (" + std::string(j.type_name()) + " " + shortDump(j) +
         "); expected " + expected);
  }
  void fail(std::string message) {
    if (m_error.empty()) m_error = std::move(message) + " in " + m_record + " event";
  }

  const char* m_record;
  std::string m_field;
  std::string m_error;
};

template <std::size_t I = 0>
bool readKind(std::string_view name, const Json& object, Event& out, std::string& error) {
  if constexpr (I < std::variant_size_v<Event>) {
    if (name != kEventNames[I]) return readKind<I + 1>(name, object, out, error);
    std::variant_alternative_t<I, Event> record;
    JsonReader reader(kEventNames[I]);
    reader.fields(object, record);
    if (!reader.error().empty()) {
      error = reader.error();
      return false;
    }
    out = std::move(record);
    return true;
  } else {
    std::string known;
    for (const char* n : kEventNames) known += (known.empty() ? "" : ", ") + std::string(n);
    error = "unknown event type \"" + std::string(name) + "\" in field \"e\"; expected one of " +
            known;
    return false;
  }
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

}  // namespace

void appendJsonLine(std::string& out, const Event& event) {
  JsonWriter writer(out);
  out += "{\"e\":";
  writer.text(eventName(event.index()));
  std::visit([&writer](const auto& record) { writer.fields(record); }, event);
  out += '}';
}

std::string toJsonLine(const Event& event) {
  std::string line;
  appendJsonLine(line, event);
  return line;
}

bool fromJsonLine(std::string_view line, Event& out, std::string* error) {
  if (fromFlatJsonLine(line, out)) return true;  // most lines of a long log, without a tree
  return fromJsonLineFull(line, out, error);
}

bool fromJsonLineFull(std::string_view line, Event& out, std::string* error) {
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
    if (!j.is_object()) return fail(error, "not a JSON object: " + shortDump(j));
    const auto e = j.find("e");
    if (e == j.end()) return fail(error, "missing field \"e\" (the event type)");
    if (!e->is_string()) {
      return fail(error, "field \"e\" has the wrong type (" + std::string(e->type_name()) + " " +
                             shortDump(*e) + "); expected an event type name");
    }
    std::string why;
    if (!readKind(e->get_ref<const std::string&>(), j, out, why)) return fail(error, why);
    return true;
  } catch (const std::exception& e) {
    return fail(error, std::string("cannot decode the line: ") + e.what());
  }
}

std::string encodeJsonLines(std::span<const Event> events) {
  std::string text;
  text.reserve(events.size() * 96);
  for (const Event& event : events) {
    appendJsonLine(text, event);
    text += '\n';
  }
  return text;
}

namespace {

bool decodeLines(std::string_view text, std::vector<Event>& out, std::string* error,
                 std::size_t firstLine) {
  std::size_t lineNumber = firstLine - 1;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNumber;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Event event;
    std::string why;
    if (!fromJsonLine(line, event, &why)) {
      return fail(error, "line " + std::to_string(lineNumber) + ": " + why);
    }
    out.push_back(std::move(event));
  }
  return true;
}

}  // namespace

bool decodeJsonLines(std::string_view text, std::vector<Event>& out, std::string* error,
                     std::size_t firstLine) {
  // A long log (a soak run's, hundreds of MB) is decoded in two halves at once. Where either
  // half has a bad line, the whole text is decoded again in one go, so the error names the
  // line by its number in the text and `out` holds the events before it, as ever.
  constexpr std::size_t kSplitAbove = 4 << 20;
  const std::size_t middle = text.size() > kSplitAbove ? text.find('\n', text.size() / 2)
                                                       : std::string_view::npos;
  if (middle == std::string_view::npos) return decodeLines(text, out, error, firstLine);
  std::vector<Event> second;
  // One allocation instead of a vector doubling (and copying) twenty times.
  const auto tail = text.substr(middle + 1);
  second.reserve(static_cast<std::size_t>(std::count(tail.begin(), tail.end(), '\n')) + 1);
  bool secondOk = false;
  // jthread: joined even if this half throws (out of memory, say), so none outlives `second`.
  std::jthread other([&] { secondOk = decodeLines(tail, second, nullptr, 1); });
  const std::size_t before = out.size();
  const bool firstOk = decodeLines(text.substr(0, middle + 1), out, nullptr, 1);
  other.join();
  if (!firstOk || !secondOk) {
    out.resize(before);
    return decodeLines(text, out, error, firstLine);
  }
  std::move(second.begin(), second.end(), std::back_inserter(out));
  return true;
}

}  // namespace distlab::engine
