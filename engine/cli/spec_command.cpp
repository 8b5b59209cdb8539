#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/spec_schema.h"

namespace distlab::engine {

int printSpecSchema() {
  std::printf("%s\n", specJsonSchema().dump(2).c_str());
  return 0;
}

int explainSpecFieldCommand(const std::string& field) {
  std::printf("%s", explainSpecField(field).c_str());
  return 0;
}

}  // namespace distlab::engine
