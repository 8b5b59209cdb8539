#include "core/spec_reader.h"

#include "core/spec_problems.h"
#include "core/spec_schema.h"

#include <cmath>

namespace distlab::engine {
namespace {

const nlohmann::json& emptyObject() {
  static const nlohmann::json empty = nlohmann::json::object();
  return empty;
}

std::string typeName(const nlohmann::json& value) {
  if (value.is_number_integer() || value.is_number_unsigned()) return "integer";
  if (value.is_number_float()) return "number";
  return value.type_name();
}

// Writes value as JSON until `out` holds more than `limit` characters. Stopping there matters
// more than speed: dump() of a value nested 70,000 deep recursed once per level and overflowed
// the stack, only for the message to keep its first 60 characters.
void dumpUpTo(const nlohmann::json& value, std::size_t limit, std::string& out) {
  if (out.size() > limit) return;
  if (value.is_array()) {
    out += '[';
    for (auto it = value.begin(); it != value.end() && out.size() <= limit; ++it) {
      if (it != value.begin()) out += ',';
      dumpUpTo(*it, limit, out);
    }
    out += ']';
  } else if (value.is_object()) {
    out += '{';
    for (auto it = value.begin(); it != value.end() && out.size() <= limit; ++it) {
      if (it != value.begin()) out += ',';
      out += nlohmann::json(it.key()).dump() + ':';
      dumpUpTo(it.value(), limit, out);
    }
    out += '}';
  } else {
    out += value.dump();
  }
}

}  // namespace

std::string describeJson(const nlohmann::json& value) {
  std::string text;
  dumpUpTo(value, 60, text);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

SpecReader::SpecReader(const nlohmann::json& object, std::string path,
                       std::vector<SpecError>& errors)
    : m_object(object.is_object() ? object : emptyObject()),
      m_path(std::move(path)),
      m_errors(errors),
      m_isObject(object.is_object()) {
  if (!m_isObject) {
    m_errors.push_back(specProblem(m_path, "not_an_object", {describeJson(object), typeName(object)}));
  }
}

std::string SpecReader::pathOf(const char* key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + key;
}

void SpecReader::fail(const char* key, std::string_view code, std::vector<std::string> args) {
  m_errors.push_back(specProblem(pathOf(key), code, std::move(args)));
}

void SpecReader::wrongType(const char* key, const nlohmann::json& value, std::string_view code,
                           std::vector<std::string> more) {
  std::vector<std::string> args = {describeJson(value), typeName(value)};
  args.insert(args.end(), more.begin(), more.end());
  fail(key, code, std::move(args));
}

const nlohmann::json* SpecReader::find(const char* key) {
  m_known.insert(key);
  auto it = m_object.find(key);
  return it == m_object.end() ? nullptr : &*it;
}

void SpecReader::integer(const char* key, int& out, long long min, long long max) {
  const auto* v = find(key);
  if (!v) return;
  // 3.0 is accepted as an integer (JSON writers often emit floats); 3.5 is not.
  const bool integral = v->is_number_integer() || v->is_number_unsigned() ||
                        (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>());
  if (!integral) return wrongType(key, *v, "not_an_integer");
  const double d = v->get<double>();
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    return fail(key, "integer_out_of_range",
                {describeJson(*v), std::to_string(min), std::to_string(max)});
  }
  out = static_cast<int>(d);
}

void SpecReader::unsignedInteger(const char* key, std::uint64_t& out) {
  const auto* v = find(key);
  if (!v) return;
  if (v->is_number_unsigned()) {
    out = v->get<std::uint64_t>();
  } else if (v->is_number_integer()) {
    fail(key, "negative", {describeJson(*v)});
  } else {
    wrongType(key, *v, "not_a_non_negative_integer");
  }
}

void SpecReader::number(const char* key, double& out, double min, double max, bool minExclusive) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_number()) return wrongType(key, *v, "not_a_number");
  const double d = v->get<double>();
  const bool below = minExclusive ? d <= min : d < min;
  if (below || d > max || !std::isfinite(d)) {
    return fail(key, minExclusive ? "number_out_of_range_above" : "number_out_of_range",
                {describeJson(*v), formatSpecNumber(min), formatSpecNumber(max)});
  }
  out = d;
}

void SpecReader::text(const char* key, std::string& out, std::size_t maxLength) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_string()) return wrongType(key, *v, "not_a_string");
  auto s = v->get<std::string>();
  if (s.size() > maxLength) {
    return fail(key, "too_long", {std::to_string(s.size()), std::to_string(maxLength)});
  }
  out = std::move(s);
}

void SpecReader::choice(const char* key, std::string& out,
                        const std::vector<std::string>& allowed) {
  const auto* v = find(key);
  if (!v) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  if (!v->is_string()) return wrongType(key, *v, "not_a_choice", {list});
  const auto s = v->get<std::string>();
  for (const auto& a : allowed) {
    if (s == a) {
      out = s;
      return;
    }
  }
  fail(key, "not_allowed", {describeJson(*v), list});
}

void SpecReader::boolean(const char* key, bool& out) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_boolean()) return wrongType(key, *v, "not_a_boolean");
  out = v->get<bool>();
}

void SpecReader::integerList(const char* key, std::vector<int>& out, int min, int max,
                             std::size_t maxItems) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_array()) {
    return wrongType(key, *v, "not_an_integer_list", {std::to_string(min), std::to_string(max)});
  }
  if (v->size() > maxItems) {
    return fail(key, "too_many_items", {std::to_string(v->size()), std::to_string(maxItems)});
  }
  std::vector<int> values;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    const std::string itemPath = pathOf(key) + "[" + std::to_string(i) + "]";
    if (!item.is_number_integer() && !item.is_number_unsigned()) {
      m_errors.push_back(
          specProblem(itemPath, "not_an_integer", {describeJson(item), typeName(item)}));
      return;
    }
    const auto n = item.get<long long>();
    if (n < min || n > max) {
      m_errors.push_back(specProblem(itemPath, "integer_out_of_range",
                                     {describeJson(item), std::to_string(min), std::to_string(max)}));
      return;
    }
    values.push_back(static_cast<int>(n));
  }
  out = std::move(values);
}

void SpecReader::numberList(const char* key, std::vector<double>& out, double min, double max,
                            std::size_t maxItems) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_array()) {
    return wrongType(key, *v, "not_a_number_list", {describeJson(min), describeJson(max)});
  }
  if (v->size() > maxItems) {
    return fail(key, "too_many_items", {std::to_string(v->size()), std::to_string(maxItems)});
  }
  std::vector<double> values;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    const std::string itemPath = pathOf(key) + "[" + std::to_string(i) + "]";
    if (!item.is_number()) {
      m_errors.push_back(
          specProblem(itemPath, "not_a_number", {describeJson(item), typeName(item)}));
      return;
    }
    const auto x = item.get<double>();
    if (!(x >= min && x <= max)) {
      m_errors.push_back(specProblem(itemPath, "list_item_out_of_range",
                                     {describeJson(item), describeJson(min), describeJson(max)}));
      return;
    }
    values.push_back(x);
  }
  out = std::move(values);
}

void SpecReader::numberPair(const char* key, double& first, double& second) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_array() || v->size() != 2 || !(*v)[0].is_number() || !(*v)[1].is_number()) {
    return fail(key, "not_a_pair", {describeJson(*v)});
  }
  first = (*v)[0].get<double>();
  second = (*v)[1].get<double>();
}

SpecReader SpecReader::object(const char* key) {
  const auto* v = find(key);
  return SpecReader(v ? *v : emptyObject(), pathOf(key), m_errors);
}

void SpecReader::finish() {
  if (!m_isObject) return;
  for (auto it = m_object.begin(); it != m_object.end(); ++it) {
    if (m_known.count(it.key())) continue;
    std::string list;
    for (const auto& k : m_known) list += (list.empty() ? "" : ", ") + k;
    std::string guessed;
    for (const auto& guess : suggestSpecFields(pathOf(it.key().c_str()), true)) {
      guessed += (guessed.empty() ? "\"" : ", \"") + guess + "\"";
    }
    m_errors.push_back(guessed.empty()
                           ? specProblem(pathOf(it.key().c_str()), "unknown_key", {list})
                           : specProblem(pathOf(it.key().c_str()), "unknown_key_guess",
                                         {list, guessed}));
  }
}

}  // namespace distlab::engine
