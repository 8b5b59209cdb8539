#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/spec_problems.h"
#include "core/spec_schema.h"

namespace distlab::engine {

int printSpecSchema() {
  std::printf("%s\n", specJsonSchema().dump(2).c_str());
  return 0;
}

int printSpecProblems() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : specProblems()) {
    list.push_back({{"code", std::string(p.code)}, {"text", std::string(p.text)}});
  }
  std::printf("%s\n", list.dump(2).c_str());
  return 0;
}

int explainSpecFieldCommand(const std::string& field) {
  std::printf("%s", explainSpecField(field).c_str());
  return 0;
}

}  // namespace distlab::engine
