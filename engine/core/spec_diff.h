#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace distlab::engine {

/// One field whose value differs between specs.
struct SpecDifference {
  std::string field;                ///< "training.lr"
  std::vector<std::string> values;  ///< one per spec, as compact JSON ("" where it is absent)
};

/// The fields in which the specs differ, sorted by name. Each spec is
/// read with its defaults filled in first (parseSpec, then written back), so a field left out
/// equals its default; a spec that does not parse is compared as written. Objects are compared
/// field by field ("cluster.sync"), lists as a whole; "name" and "description" are skipped
/// (every run has its own).
std::vector<SpecDifference> diffSpecs(const std::vector<nlohmann::json>& specs);

}  // namespace distlab::engine
