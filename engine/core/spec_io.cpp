// Reading and writing a spec through its schema (core/spec_schema.cpp): every field is parsed,
// checked and written by what its row declares.
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/spec.h"
#include "core/spec_reader.h"
#include "core/spec_schema.h"
#include "core/text_file.h"

namespace distlab::engine {
namespace {

struct SplitPath {
  std::string section, key;  ///< section empty for top-level fields
};
SplitPath splitPath(std::string_view path) {
  const auto dot = path.find('.');
  if (dot == std::string_view::npos) return {"", std::string(path)};
  return {std::string(path.substr(0, dot)), std::string(path.substr(dot + 1))};
}

void readField(SpecReader& r, const std::string& key, const SpecField& f, const FieldSlot& slot) {
  const char* k = key.c_str();
  switch (f.type) {
    case FieldType::Integer:
      return r.integer(k, *std::get<int*>(slot), static_cast<long long>(f.min),
                       static_cast<long long>(f.max));
    case FieldType::Unsigned:
      return r.unsignedInteger(k, *std::get<std::uint64_t*>(slot));
    case FieldType::Number:
      return r.number(k, *std::get<double*>(slot), f.min, f.max, f.minExclusive);
    case FieldType::Text:
      return r.text(k, *std::get<std::string*>(slot), f.maxItems);
    case FieldType::Choice:
      return r.choice(k, *std::get<std::string*>(slot), f.choices());
    case FieldType::Boolean:
      return r.boolean(k, *std::get<bool*>(slot));
    case FieldType::IntegerList:
      return r.integerList(k, *std::get<std::vector<int>*>(slot), static_cast<int>(f.min),
                           static_cast<int>(f.max), f.maxItems);
    case FieldType::NumberList:
      return r.numberList(k, *std::get<std::vector<double>*>(slot), f.min, f.max, f.maxItems);
    case FieldType::NumberPair: {
      const auto [low, high] = std::get<std::pair<double*, double*>>(slot);
      return r.numberPair(k, *low, *high);
    }
  }
}

std::string joinErrors(const std::vector<SpecError>& errors) {
  std::string text;
  for (const auto& e : errors) text += (text.empty() ? "" : "; ") + e.text();
  return text;
}

}  // namespace

std::vector<SpecError> readSpecFields(const nlohmann::json& json, Spec& spec) {
  std::vector<SpecError> errors;
  SpecReader top(json, "", errors);
  // The schema lists a section's fields together, so one reader per section suffices.
  std::optional<SpecReader> section;
  std::string sectionName;
  for (const SpecField& f : specSchema()) {
    const auto [name, key] = splitPath(f.path);
    if (name != sectionName) {
      if (section) section->finish();
      section.reset();
      sectionName = name;
      if (!name.empty()) section.emplace(top.object(name.c_str()));
    }
    readField(name.empty() ? top : *section, key, f, f.slot(spec));
  }
  if (section) section->finish();
  top.finish();
  return errors;
}

std::vector<SpecError> parseSpec(const nlohmann::json& json, Spec& out) {
  Spec spec;
  auto errors = readSpecFields(json, spec);
  if (errors.empty()) errors = validateSpec(spec);
  if (errors.empty()) out = std::move(spec);
  return errors;
}

std::vector<SpecError> parseSpec(const std::string& jsonText, Spec& out) {
  nlohmann::json json;
  if (jsonText.find_first_not_of(" \t\r\n") == std::string::npos) {
    return {{"", "not valid JSON: the file is empty"}};
  }
  try {
    json = nlohmann::json::parse(jsonText);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset; turn it into line:column for the reader.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < jsonText.size(); ++i) {
      if (jsonText[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    // The parser's reason follows its position in what(): "... column C: syntax error ...".
    const std::string what = e.what();
    const std::size_t reason = what.find(": ", what.find("column"));
    std::string why = reason == std::string::npos ? "" : what.substr(reason, 160);
    if (reason != std::string::npos && what.size() - reason > 160) why += "...";
    return {{"", "not valid JSON at line " + std::to_string(line) + ", column " +
                     std::to_string(column) + why}};
  } catch (const nlohmann::json::out_of_range&) {
    // Said without the offending text, which may be arbitrarily long.
    return {{"", "not usable JSON: a number beyond the range of a double (about 1.8e308)"}};
  } catch (const nlohmann::json::exception&) {
    return {{"", "not usable JSON"}};
  }
  return parseSpec(json, out);
}

Spec loadSpecText(const std::string& jsonText) {
  Spec spec;
  auto errors = parseSpec(jsonText, spec);
  if (!errors.empty()) throw Error("invalid spec: " + joinErrors(errors));
  return spec;
}

Spec loadSpecFile(const std::string& path) {
  Spec spec;
  auto errors = parseSpec(readTextFile(path, "spec file"), spec);
  if (!errors.empty()) throw Error(path + ": invalid spec: " + joinErrors(errors));
  return spec;
}

nlohmann::json specToJson(const Spec& spec) {
  nlohmann::json out = nlohmann::json::object();
  for (const SpecField& f : specSchema()) {
    const auto [section, key] = splitPath(f.path);
    (section.empty() ? out : out[section])[key] = fieldValue(spec, f);
  }
  return out;
}

std::string specToString(const Spec& spec) { return specToJson(spec).dump(2) + "\n"; }

}  // namespace distlab::engine
