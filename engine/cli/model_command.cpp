#include <cstdio>

#include "cli/commands.h"
#include "nn/model_file.h"

namespace distlab::engine {

int exportModelCommand(const std::string& modelPath, const std::string& npzPath) {
  const ModelFile file = readModelFile(modelPath);
  const Model model = modelOf(file);
  writeModelNpz(npzPath, model, model.parameters());
  std::printf("%s: %zu parameters of a %s model, as PyTorch names them\n", npzPath.c_str(),
              file.parameters.size(), file.spec.model.arch.c_str());
  return 0;
}

}  // namespace distlab::engine
