// What the schema says about its fields: values and defaults as JSON, the JSON Schema export,
// `spec --explain`, and suggestions for mistyped keys.
#include <algorithm>
#include <cctype>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/spec_problems.h"
#include "core/spec_schema.h"
#include "lessons/experiment.h"

namespace distlab::engine {
namespace {

// The experiments that read a field, space separated (the cluster's fields are read by every
// experiment that trains a cluster too).
std::string readersText(std::string_view usedBy) {
  std::string text;
  for (const auto& name : fieldReaders(usedBy)) {
    if (!text.empty()) text += ' ';
    text += name;
  }
  return text;
}

// Lower case, with '-', ' ' and '.' as '_': "Learning rate" and "learning-rate" meet.
std::string normalized(std::string_view s) {
  std::string out;
  for (const char c : s) {
    out += (c == '-' || c == ' ' || c == '.') ? '_'
                                              : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// How far a mistyped name is from a candidate (smaller is nearer), or -1 when too far.
long nearness(std::string_view typed, std::string_view candidate) {
  const std::string a = normalized(typed), b = normalized(candidate);
  if (a.empty() || b.empty()) return -1;
  if (a == b) return 0;
  const std::size_t d = editDistance(a, b);
  const std::size_t allowed = std::max<std::size_t>(1, std::min(a.size(), b.size()) / 3);
  if (d <= allowed) return static_cast<long>(d);
  // "lr" inside "learning_rate_lr", "epochs" inside "training_epochs": one holds the other.
  if (a.size() >= 3 && b.size() >= 3 && (a.find(b) != std::string::npos || b.find(a) != std::string::npos)) {
    return static_cast<long>(allowed + 1);
  }
  return -1;
}

nlohmann::json slotValue(const FieldSlot& slot) {
  return std::visit(
      [](const auto& p) -> nlohmann::json {
        if constexpr (std::is_same_v<std::decay_t<decltype(p)>, std::pair<double*, double*>>) {
          return nlohmann::json::array({*p.first, *p.second});
        } else {
          return *p;
        }
      },
      slot);
}

}  // namespace

nlohmann::json fieldValue(const Spec& spec, const SpecField& field) {
  // The slot gives write access; reading through it leaves the spec as it is.
  return slotValue(field.slot(const_cast<Spec&>(spec)));
}

nlohmann::json fieldDefault(const SpecField& field) {
  static const Spec defaults;
  return fieldValue(defaults, field);
}

const char* fieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::Integer:
    case FieldType::Unsigned:
      return "integer";
    case FieldType::Number:
      return "number";
    case FieldType::Text:
    case FieldType::Choice:
      return "string";
    case FieldType::Boolean:
      return "boolean";
    case FieldType::IntegerList:
      return "list of integers";
    case FieldType::NumberList:
      return "list of numbers";
    case FieldType::NumberPair:
      return "pair of numbers";
  }
  return "unknown";
}

std::string describeAllowed(const SpecField& f) {
  const std::string range = formatSpecNumber(f.min) + " to " + formatSpecNumber(f.max);
  switch (f.type) {
    case FieldType::Integer:
      return "an integer from " + range;
    case FieldType::Unsigned:
      return "an integer >= 0";
    case FieldType::Number:
      return std::string("a number ") + (f.minExclusive ? "> " : ">= ") + formatSpecNumber(f.min) +
             " and <= " + formatSpecNumber(f.max);
    case FieldType::Text:
      return "text of at most " + std::to_string(f.maxItems) + " bytes";
    case FieldType::Choice: {
      std::string list;
      for (const auto& c : f.choices()) list += (list.empty() ? "" : ", ") + c;
      return "one of " + list;
    }
    case FieldType::Boolean:
      return "true or false";
    case FieldType::IntegerList:
      return "up to " + std::to_string(f.maxItems) + " integers, each from " + range;
    case FieldType::NumberList:
      return "up to " + std::to_string(f.maxItems) + " numbers, each from " + range;
    case FieldType::NumberPair:
      return "[low, high], two numbers";
  }
  return "";
}

nlohmann::json specJsonSchema() {
  using nlohmann::json;
  auto object = [] {
    return json{{"type", "object"}, {"properties", json::object()}, {"additionalProperties", false}};
  };
  json schema = object();
  schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  schema["title"] = "DistLab experiment spec";
  for (const SpecField& f : specSchema()) {
    json p;
    switch (f.type) {
      case FieldType::Integer:
        p = {{"type", "integer"}, {"minimum", static_cast<long long>(f.min)},
             {"maximum", static_cast<long long>(f.max)}};
        break;
      case FieldType::Unsigned:
        p = {{"type", "integer"}, {"minimum", 0}};
        break;
      case FieldType::Number:
        p = {{"type", "number"}, {f.minExclusive ? "exclusiveMinimum" : "minimum", f.min},
             {"maximum", f.max}};
        break;
      case FieldType::Text:
        p = {{"type", "string"}, {"maxLength", f.maxItems}};
        break;
      case FieldType::Choice:
        p = {{"type", "string"}, {"enum", f.choices()}};
        break;
      case FieldType::Boolean:
        p = {{"type", "boolean"}};
        break;
      case FieldType::IntegerList:
      case FieldType::NumberList:
        p = {{"type", "array"},
             {"maxItems", f.maxItems},
             {"items",
              {{"type", f.type == FieldType::IntegerList ? "integer" : "number"},
               {"minimum", f.min},
               {"maximum", f.max}}}};
        break;
      case FieldType::NumberPair:
        p = {{"type", "array"}, {"items", {{"type", "number"}}}, {"minItems", 2}, {"maxItems", 2}};
        break;
    }
    p["default"] = fieldDefault(f);
    p["title"] = f.label;
    p["description"] = f.help;
    if (!f.unit.empty()) p["x-unit"] = f.unit;
    p["x-used-by"] = readersText(f.usedBy);
    if (!f.shownWhen.empty()) p["x-shown-when"] = f.shownWhen;
    p["x-group"] = fieldGroupName(f.group);
    if (!f.minMeans.empty()) p["x-min-means"] = f.minMeans;  // what the minimum stands for
    const auto dot = f.path.find('.');
    if (dot == std::string_view::npos) {
      schema["properties"][std::string(f.path)] = p;
    } else {
      const std::string section(f.path.substr(0, dot));
      if (!schema["properties"].contains(section)) schema["properties"][section] = object();
      schema["properties"][section]["properties"][std::string(f.path.substr(dot + 1))] = p;
    }
  }
  return schema;
}

std::string explainSpecField(std::string_view path) {
  const SpecField* f = findSpecField(path);
  if (!f) {
    // Appended piece by piece: "\"" + std::string(path) trips GCC 12's -Wrestrict at -O3.
    std::string message = "\"";
    message.append(path).append("\" is not a spec field");
    const auto guesses = suggestSpecFields(path);
    for (std::size_t i = 0; i < guesses.size(); ++i) {
      message += (i == 0 ? "; did you mean \"" : " or \"") + guesses[i] + "\"";
    }
    throw Error(message + (guesses.empty() ? "; `distlab-engine spec --schema` lists them all"
                                           : "?"));
  }
  std::ostringstream out;
  out << f->path << " - " << f->label << "\n"
      << "  type:    " << fieldTypeName(f->type) << "\n"
      << "  allowed: " << describeAllowed(*f) << "\n"
      << "  default: " << fieldDefault(*f).dump() << "\n";
  if (!f->minMeans.empty()) {
    out << "  " << formatSpecNumber(f->min) << " means: " << f->minMeans << "\n";
  }
  if (!f->unit.empty()) out << "  unit:    " << f->unit << "\n";
  out << "  used by: " << (f->usedBy == "all" ? std::string("every experiment") : readersText(f->usedBy))
      << "\n"
      << "  " << f->help << "\n";
  return out.str();
}

std::vector<std::string> nearestNames(std::string_view name, std::span<const std::string> known,
                                      std::size_t count) {
  std::vector<std::pair<long, std::string>> scored;
  for (const auto& k : known) {
    if (const long d = nearness(name, k); d >= 0) scored.emplace_back(d, k);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, k] : scored) {
    if (out.size() == count) break;
    out.push_back(k);
  }
  return out;
}

std::vector<std::string> suggestSpecFields(std::string_view path, bool withSections) {
  const auto dot = path.rfind('.');
  const std::string_view key = dot == std::string_view::npos ? path : path.substr(dot + 1);
  std::vector<std::pair<long, std::string>> scored;
  for (const SpecField& f : specSchema()) {
    const auto fdot = f.path.rfind('.');
    const std::string_view fkey = fdot == std::string_view::npos ? f.path : f.path.substr(fdot + 1);
    long best = -1;
    for (const long d : {nearness(path, f.path), nearness(key, fkey), nearness(key, f.label)}) {
      if (d >= 0 && (best < 0 || d < best)) best = d;
    }
    if (best >= 0 && f.path != path) scored.emplace_back(best, std::string(f.path));
    // A misspelt section ("trainig") is a top-level key too: the section is a guess of its own.
    if (withSections && dot == std::string_view::npos && fdot != std::string_view::npos) {
      const std::string section(f.path.substr(0, fdot));
      const bool listed = std::any_of(scored.begin(), scored.end(),
                                      [&](const auto& s) { return s.second == section; });
      if (const long d = nearness(path, section); d >= 0 && !listed && section != path) {
        scored.emplace_back(d, section);
      }
    }
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, p] : scored) {
    if (out.size() == 3) break;
    out.push_back(p);
  }
  return out;
}

}  // namespace distlab::engine
