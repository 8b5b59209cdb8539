#include "sweep/sweep_grid.h"

#include <cctype>

#include "core/error.h"
#include "core/spec_schema.h"

namespace distlab::engine {
namespace {

/// Splits at commas outside brackets: "[64],[128,64]" -> "[64]", "[128,64]".
std::vector<std::string> splitValues(const std::string& text) {
  std::vector<std::string> parts;
  std::string part;
  int depth = 0;
  for (const char c : text) {
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (c == ',' && depth == 0) {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  return parts;
}

bool textual(FieldType type) { return type == FieldType::Text || type == FieldType::Choice; }

void setPath(nlohmann::json& spec, const std::string& path, const nlohmann::json& value) {
  nlohmann::json* at = &spec;
  std::size_t begin = 0;
  for (auto dot = path.find('.'); dot != std::string::npos; dot = path.find('.', begin)) {
    at = &(*at)[path.substr(begin, dot - begin)];
    begin = dot + 1;
  }
  (*at)[path.substr(begin)] = value;
}

std::string fileSafe(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '=' && c != '-') c = '_';
  }
  return text;
}

}  // namespace

SweepAxis parseVary(const std::string& option) {
  const auto eq = option.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == option.size()) {
    throw Error("--vary \"" + option + "\": not FIELD=V1,V2,... (e.g. training.lr=0.01,0.1)");
  }
  SweepAxis axis;
  axis.field = option.substr(0, eq);
  const SpecField* field = findSpecField(axis.field);
  if (!field) {
    std::string hint;
    for (const auto& near : suggestSpecFields(axis.field)) hint += (hint.empty() ? "" : ", ") + near;
    throw Error("--vary: no spec field \"" + axis.field + "\"" +
                (hint.empty() ? "" : "; did you mean " + hint + "?"));
  }
  for (const auto& text : splitValues(option.substr(eq + 1))) {
    if (text.empty()) throw Error("--vary " + axis.field + ": an empty value");
    nlohmann::json value;
    if (textual(field->type)) {
      value = text;
    } else {
      value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (value.is_discarded()) {
        throw Error("--vary " + axis.field + ": \"" + text + "\" is not allowed; allowed: " +
                    describeAllowed(*field));
      }
    }
    axis.values.push_back(std::move(value));
    axis.texts.push_back(text);
  }
  return axis;
}

namespace {

/// Every grid point x repeat that is a valid spec goes to `runs`; for each point that is not,
/// its first problem goes to `problems` (once, not per repeat).
void expandGrid(const nlohmann::json& base, const std::vector<SweepAxis>& axes, int repeats,
                std::vector<SweepRun>& runs, std::vector<SweepProblem>& problems) {
  std::size_t points = 1;
  for (const auto& a : axes) points *= a.values.size();
  const auto baseSeed = base.value("seed", std::uint64_t{0});
  for (std::size_t p = 0; p < points; ++p) {
    std::vector<std::size_t> choice(axes.size());
    std::string label;
    nlohmann::json spec = base;
    for (std::size_t a = axes.size(), rest = p; a-- > 0; rest /= axes[a].values.size()) {
      choice[a] = rest % axes[a].values.size();
    }
    for (std::size_t a = 0; a < axes.size(); ++a) {
      setPath(spec, axes[a].field, axes[a].values[choice[a]]);
      label += "-" + axes[a].field + "=" + axes[a].texts[choice[a]];
    }
    for (int r = 0; r < repeats; ++r) {
      nlohmann::json repeated = spec;
      repeated["seed"] = baseSeed + static_cast<std::uint64_t>(r);  // repeats differ in the seed
      SweepRun run{choice, r, {}, ""};
      const auto errors = parseSpec(repeated, run.spec);
      if (!errors.empty()) {
        if (r == 0) problems.push_back({label.substr(1), errors.front()});
        continue;
      }
      char index[16];
      std::snprintf(index, sizeof index, "%02zu", runs.size() + 1);
      run.name = fileSafe(index + label + (repeats > 1 ? "-r" + std::to_string(r) : ""));
      runs.push_back(std::move(run));
    }
  }
}

}  // namespace

std::vector<SweepProblem> sweepProblems(const nlohmann::json& base,
                                        const std::vector<SweepAxis>& axes) {
  std::vector<SweepRun> runs;
  std::vector<SweepProblem> problems;
  expandGrid(base, axes, 1, runs, problems);
  return problems;
}

std::vector<SweepRun> sweepRuns(const nlohmann::json& base, const std::vector<SweepAxis>& axes,
                                int repeats) {
  if (repeats < 1) throw Error("--repeat: at least 1");
  std::vector<SweepRun> runs;
  std::vector<SweepProblem> problems;
  expandGrid(base, axes, repeats, runs, problems);
  if (!problems.empty()) {
    std::string text;
    for (const auto& p : problems) text += "\n  " + p.point + ": " + p.error.text();
    throw Error("sweep: these points are not valid specs:" + text);
  }
  return runs;
}

}  // namespace distlab::engine
