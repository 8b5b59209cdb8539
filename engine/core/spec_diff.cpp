#include "core/spec_diff.h"

#include <algorithm>

#include "core/spec.h"

namespace distlab::engine {
namespace {

nlohmann::json withDefaults(const nlohmann::json& spec) {
  Spec parsed;
  if (!spec.is_object() || !parseSpec(spec, parsed).empty()) return spec;
  return specToJson(parsed);
}

/// Leaf fields in document order: "a.b" -> compact JSON.
void flatten(const nlohmann::json& value, const std::string& path,
             std::vector<std::pair<std::string, std::string>>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, child] : value.items())
      flatten(child, path.empty() ? key : path + "." + key, out);
  } else {
    out.emplace_back(path, value.dump());
  }
}

}  // namespace

std::vector<SpecDifference> diffSpecs(const std::vector<nlohmann::json>& specs) {
  std::vector<std::vector<std::pair<std::string, std::string>>> flat(specs.size());
  std::vector<std::string> order;  // every field once
  for (std::size_t s = 0; s < specs.size(); ++s) {
    flatten(withDefaults(specs[s]), "", flat[s]);
    for (const auto& [field, value] : flat[s]) {
      if (std::find(order.begin(), order.end(), field) == order.end()) order.push_back(field);
    }
  }
  std::vector<SpecDifference> differences;
  for (const auto& field : order) {
    if (field == "name" || field == "description") continue;
    SpecDifference d{field, {}};
    for (const auto& fields : flat) {
      const auto it = std::find_if(fields.begin(), fields.end(),
                                   [&](const auto& f) { return f.first == field; });
      d.values.push_back(it == fields.end() ? "" : it->second);
    }
    if (std::adjacent_find(d.values.begin(), d.values.end(), std::not_equal_to<>()) !=
        d.values.end())
      differences.push_back(std::move(d));
  }
  return differences;
}

}  // namespace distlab::engine
