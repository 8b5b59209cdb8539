// distlab-engine: the headless entry point (training, validation; later the cluster roles).
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace distlab::engine;
  CLI::App app{"DistLab engine: runs DistLab experiments from a JSON spec without the GUI."};
  app.require_subcommand(1);

  TrainOptions train;
  auto* trainCmd = app.add_subcommand("train",
                                      "Train in one process; one line per epoch, "
                                      "metrics.csv in the output folder.");
  trainCmd->add_option("spec", train.specPath, "Experiment spec (JSON)")->required();
  trainCmd->add_option("--out", train.outDir, "Output folder (default runs/<name>-<time>)");

  std::string validatePath;
  auto* validateCmd = app.add_subcommand("validate", "Check a spec and list every problem.");
  validateCmd->add_option("spec", validatePath, "Experiment spec (JSON)")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*trainCmd) return runTrain(train);
    if (*validateCmd) return runValidate(validatePath);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
