#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/cpu_isa.h"
#include "cli/metrics_writer.h"
#include "lessons/run_folder.h"
#include "core/error.h"
#include "core/spec.h"
#include "core/spec_schema.h"
#include "core/text_file.h"
#include "data/data_check.h"
#include "data/load.h"
#include "nn/builders.h"
#include "nn/model_file.h"
#include "nn/trainer.h"
#include "telemetry/epoch_line.h"

namespace distlab::engine {
namespace {

void printEpoch(const EpochReport& r, int epochs) {
  const EpochLine line{r.epoch,         epochs,          r.trainLoss,
                       r.test.loss,     r.test.accuracy, r.samplesPerSecond,
                       r.elapsedSeconds};
  std::printf("%s\n", formatEpochLine(line).c_str());
  std::fflush(stdout);
}

}  // namespace

int runTrain(const TrainOptions& options) {
  const Spec spec = loadSpecFile(options.specPath);
  const std::string outDir = prepareRunFolder(spec, options.outDir);
  MetricsWriter metrics(outDir + "/metrics.csv");

  std::fprintf(stderr, "loading %s...\n", spec.dataset.name.c_str());
  TrainTest data = loadDataset(spec.dataset, spec.seed);
  std::fprintf(stderr, "%zu training and %zu test examples; writing to %s\n", data.train.size(),
               data.test.size(), outDir.c_str());
  Trainer trainer(spec, std::move(data));
  if (!options.model.load.empty()) {
    const auto loaded = loadParametersFor(options.model.load, trainer.model());
    std::copy(loaded.begin(), loaded.end(), trainer.model().parameters().begin());
    std::fprintf(stderr, "parameters from %s\n", options.model.load.c_str());
  }
  std::fprintf(stderr, "%s\n", trainer.model().summary().c_str());
  std::fprintf(stderr, "kernels: %s\n", std::string(isaName(activeIsa())).c_str());
  trainer.run([&](const EpochReport& r) {
    printEpoch(r, spec.training.epochs);
    metrics.write(r);
  });
  if (!options.model.save.empty()) {
    saveModel(options.model.save, trainer.model(), trainer.model().parameters(), spec);
    std::fprintf(stderr, "model saved to %s\n", options.model.save.c_str());
  }
  return 0;
}

int runValidate(const std::string& specPath) {
  Spec spec;
  const std::string text = readTextFile(specPath, "spec file");
  const auto errors = parseSpec(text, spec);
  for (const auto& e : errors) std::fprintf(stderr, "%s: %s\n", specPath.c_str(), e.text().c_str());
  // The data files too, as `run` would find them before training, beside the spec's other
  // problems (unless the JSON or the dataset section itself is wrong: that is to fix first).
  const bool datasetRead = std::none_of(errors.begin(), errors.end(), [](const SpecError& e) {
    return e.path.empty() || e.path.rfind("dataset", 0) == 0;
  });
  if (datasetRead && !errors.empty()) {  // parseSpec keeps nothing of a spec with problems
    spec = Spec{};
    readSpecFields(nlohmann::json::parse(text), spec);
  }
  const auto dataProblems = datasetRead ? checkDataFiles(spec.dataset) : std::vector<std::string>{};
  for (const auto& p : dataProblems) {
    std::fprintf(stderr, "%s: dataset: %s\n", specPath.c_str(), p.c_str());
  }
  if (!errors.empty() || !dataProblems.empty()) return 1;
  std::printf("ok: \"%s\" (%s, %s, %d epochs)\n", spec.name.c_str(), spec.dataset.name.c_str(),
              spec.model.arch.c_str(), spec.training.epochs);
  return 0;
}

}  // namespace distlab::engine
