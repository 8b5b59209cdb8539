#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/spec.h"

namespace distlab::engine {

/// One --vary FIELD=V1,V2,...: a spec field and the values it takes, checked against the
/// field's declaration (core/spec_schema.h).
struct SweepAxis {
  std::string field;                   ///< "training.lr"
  std::vector<nlohmann::json> values;  ///< as the spec holds them
  std::vector<std::string> texts;      ///< as given, for names and tables
};

/// Parses "FIELD=V1,V2,..." (a list value in brackets: model.hidden=[64],[128,64]). Throws
/// Error naming the option, the field (with the nearest names when unknown) or the value and
/// what the field allows.
SweepAxis parseVary(const std::string& option);

/// One run of a sweep: a point of the grid and a repeat.
struct SweepRun {
  std::vector<std::size_t> choice;  ///< the value index on each axis
  int repeat = 0;
  Spec spec;                        ///< base with the values set; seed + repeat
  std::string name;                 ///< "03-training.lr=0.05-cluster.sync=asp-r1" (a folder name)
};

/// A grid point that is not a valid spec, with its first problem (a window translates it).
struct SweepProblem {
  std::string point;  ///< "training.lr=-1-cluster.sync=asp"
  SpecError error;
};

/// The grid's points that are not valid specs (none: every run can start).
std::vector<SweepProblem> sweepProblems(const nlohmann::json& base,
                                        const std::vector<SweepAxis>& axes);

/// Every grid point x repeat, in order (the last axis varies fastest). Each run's spec is
/// validated; throws Error listing the points that are not valid specs, before anything runs.
std::vector<SweepRun> sweepRuns(const nlohmann::json& base, const std::vector<SweepAxis>& axes,
                                int repeats);

}  // namespace distlab::engine
