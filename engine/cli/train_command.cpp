#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "core/cpu_isa.h"
#include "cli/metrics_writer.h"
#include "lessons/run_folder.h"
#include "core/error.h"
#include "core/spec.h"
#include "core/text_file.h"
#include "data/load.h"
#include "nn/builders.h"
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
  std::fprintf(stderr, "%s\n", trainer.model().summary().c_str());
  std::fprintf(stderr, "kernels: %s\n", std::string(isaName(activeIsa())).c_str());
  trainer.run([&](const EpochReport& r) {
    printEpoch(r, spec.training.epochs);
    metrics.write(r);
  });
  return 0;
}

int runValidate(const std::string& specPath) {
  Spec spec;
  const auto errors = parseSpec(readTextFile(specPath, "spec file"), spec);
  if (!errors.empty()) {
    for (const auto& e : errors)
      std::fprintf(stderr, "%s: %s\n", specPath.c_str(), e.text().c_str());
    return 1;
  }
  std::printf("ok: \"%s\" (%s, %s, %d epochs)\n", spec.name.c_str(), spec.dataset.name.c_str(),
              spec.model.arch.c_str(), spec.training.epochs);
  return 0;
}

}  // namespace distlab::engine
