#include "telemetry/flat_json_line.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <locale.h>
#include <string>
#include <type_traits>
#include <vector>

#include "telemetry/event_fields.h"

namespace distlab::engine {
namespace {

using namespace event_fields;

constexpr int kMaxFields = 32;

struct Field {
  std::string_view key, value;
  bool quoted = false;
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// A JSON number exactly as the grammar allows it: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
bool jsonNumber(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

/// Whether a JSON number is finite as a double. The full reader refuses a line with any number
/// that is not (even in a field of the same name that a later one hides), so the fast path
/// must too. Only an exponent or 300 digits can reach beyond a double's range.
bool finiteNumber(std::string_view s) {
  if (s.size() < 300 && s.find_first_of("eE") == std::string_view::npos) return true;
  // strtod as the full reader rounds, but in the C locale whatever the window set (a decimal
  // comma would stop it at the point); from_chars cannot tell overflow from underflow.
  static const locale_t c = newlocale(LC_ALL_MASK, "C", nullptr);
  return std::isfinite(strtod_l(std::string(s).c_str(), nullptr, c));
}

/// Splits `{"k":v,...}` into its fields; false for anything but a flat object of plain
/// strings (printable ASCII, no escapes), numbers and literals.
bool scan(std::string_view s, Field* fields, int& count) {
  std::size_t i = 0;
  auto skip = [&] {
    while (i < s.size() && space(s[i])) ++i;
  };
  auto quotedText = [&](std::string_view& out) {
    const std::size_t start = ++i;  // after the opening quote
    while (i < s.size() && s[i] != '"') {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '\\' || c < 0x20 || c >= 0x80) return false;
      ++i;
    }
    if (i >= s.size()) return false;
    out = s.substr(start, i - start);
    ++i;
    return true;
  };
  count = 0;
  skip();
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  skip();
  if (i < s.size() && s[i] == '}') return false;  // an empty object is no record
  while (true) {
    if (count == kMaxFields || i >= s.size() || s[i] != '"') return false;
    Field& f = fields[count++];
    if (!quotedText(f.key)) return false;
    skip();
    if (i >= s.size() || s[i] != ':') return false;
    ++i;
    skip();
    if (i >= s.size()) return false;
    if (s[i] == '"') {
      f.quoted = true;
      if (!quotedText(f.value)) return false;
    } else {
      const std::size_t start = i;
      while (i < s.size() && s[i] != ',' && s[i] != '}' && !space(s[i])) {
        if (s[i] == '[' || s[i] == '{' || s[i] == '"') return false;
        ++i;
      }
      f.value = s.substr(start, i - start);
      f.quoted = false;
      if (f.value != "true" && f.value != "false" &&
          !(jsonNumber(f.value) && finiteNumber(f.value))) {
        return false;
      }
    }
    skip();
    if (i >= s.size()) return false;
    if (s[i] == '}') {
      ++i;
      skip();
      return i == s.size();
    }
    if (s[i] != ',') return false;
    ++i;
    skip();
  }
}

/// The field's value: the last one of that name, as a JSON object keeps it.
const Field* find(const Field* fields, int count, std::string_view key) {
  for (int k = count - 1; k >= 0; --k) {
    if (fields[k].key == key) return &fields[k];
  }
  return nullptr;
}

template <class T>
bool convert(const Field& f, T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    if (f.quoted || (f.value != "true" && f.value != "false")) return false;
    v = f.value == "true";
    return true;
  } else if constexpr (EventEnum<T>) {
    if (!f.quoted) return false;
    const auto& names = EnumNames<T>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] && f.value == names[i]) {
        v = static_cast<T>(i);
        return true;
      }
    }
    return false;
  } else if constexpr (std::is_floating_point_v<T>) {
    if (f.quoted) {
      if (f.value == "nan")
        v = std::nan("");
      else if (f.value == "inf")
        v = HUGE_VAL;
      else if (f.value == "-inf")
        v = -HUGE_VAL;
      else
        return false;
      return true;
    }
    if (f.value == "true" || f.value == "false") return false;
    double d = 0.0;
    const auto [end, ec] = std::from_chars(f.value.data(), f.value.data() + f.value.size(), d);
    if (ec != std::errc() || end != f.value.data() + f.value.size()) return false;
    // The full reader reads "-0" as the integer 0, so +0.0 ("-0.0" stays -0.0).
    if (d == 0.0 && f.value.find_first_of(".eE") == std::string_view::npos) d = 0.0;
    v = static_cast<T>(d);
    return true;
  } else if constexpr (std::is_arithmetic_v<T>) {
    // Integers only: "5.0" or "1e3" are numbers the full reader refuses for an integer field.
    const std::string_view s = f.value;
    if (f.quoted || s.find_first_of(".eE") != std::string_view::npos) return false;
    if (s == "true" || s == "false") return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!f.quoted) return false;
    v.assign(f.value);
    return true;
  } else {
    return false;  // lists, bytes and nested records: the full reader
  }
}

template <std::size_t I = 0>
bool readRecord(std::string_view name, const Field* fields, int count, Event& out) {
  if constexpr (I < std::variant_size_v<Event>) {
    if (name != kEventNames[I]) return readRecord<I + 1>(name, fields, count, out);
    std::variant_alternative_t<I, Event> record;
    bool ok = true;
    visit(record, [&](const char* field, auto& member) {
      if (!ok) return;
      const Field* f = find(fields, count, field);
      ok = f && convert(*f, member);
    });
    if (ok) out = std::move(record);
    return ok;
  } else {
    return false;
  }
}

}  // namespace

bool fromFlatJsonLine(std::string_view line, Event& out) {
  Field fields[kMaxFields];
  int count = 0;
  if (!scan(line, fields, count)) return false;
  const Field* e = find(fields, count, "e");
  if (!e || !e->quoted) return false;
  return readRecord(e->value, fields, count, out);
}

}  // namespace distlab::engine
