// distlab-engine: the headless entry point (training, validation, the cluster roles).
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

  RunOptions run;
  auto* runCmd = app.add_subcommand(
      "run",
      "Train on a real cluster: this process is the parameter server and starts the workers. "
      "Prints 'listening HOST:PORT' first; writes events.jsonl and metrics.csv.");
  runCmd->add_option("spec", run.specPath, "Experiment spec (JSON)")->required();
  runCmd->add_option("--out", run.outDir, "Output folder (default runs/<name>-<time>)");
  runCmd->add_option("--bind", run.bind, "Address to listen on (default cluster.bind)");
  runCmd->add_option("--port", run.port, "Port (default cluster.port; 0 = any free port)")
      ->check(CLI::Range(0, 65535));
  runCmd->add_flag("--external-workers", run.externalWorkers,
                   "Start no workers: wait for 'distlab-engine worker' started by hand");
  runCmd->add_option("--report", run.reportDir,
                     "Also write the report's CSV tables, spec.json and summary.json here");

  std::string reportRun, reportOut;
  auto* reportCmd = app.add_subcommand(
      "report", "Write the CSV tables, spec.json and summary.json of a run folder.");
  reportCmd->add_option("run", reportRun, "Run folder (holding events.jsonl and spec.json)")
      ->required();
  reportCmd->add_option("--out", reportOut, "Report folder (default RUN/report)");

  std::string convexitySpec, convexityOut;
  auto* convexityCmd = app.add_subcommand(
      "convexity",
      "Average K models or ensemble them: the loss of the averaged model, the mean loss of the "
      "models and the ensemble's loss per round, from a common start and from different starts.");
  convexityCmd->add_option("spec", convexitySpec, "Experiment spec (JSON)")->required();
  convexityCmd->add_option("--out", convexityOut, "Output folder (default runs/<name>-<time>)");

  std::string invertSpec, invertOut;
  auto* invertCmd = app.add_subcommand(
      "invert",
      "Gradient inversion (the privacy lesson): attack the gradient of the spec's test images "
      "(privacy section); writes reconstruction.png, results.csv and attack.csv.");
  invertCmd->add_option("spec", invertSpec, "Experiment spec (JSON)")->required();
  invertCmd->add_option("--out", invertOut, "Output folder (default runs/<name>-<time>)");

  std::string utilitySpec, utilityOut;
  auto* utilityCmd = app.add_subcommand(
      "privacy-utility",
      "For each strength of the spec's defense: the attack's PSNR/SSIM on the defended "
      "gradients and the test accuracy of the model trained with that defense.");
  utilityCmd->add_option("spec", utilitySpec, "Experiment spec (JSON)")->required();
  utilityCmd->add_option("--out", utilityOut, "Output folder (default runs/<name>-<time>)");

  WorkerCommandOptions worker;
  auto* workerCmd =
      app.add_subcommand("worker",
                         "Join a running coordinator as one worker (the token comes from the "
                         "DISTLAB_RUN_TOKEN environment variable).");
  workerCmd->add_option("--connect", worker.connect, "Coordinator address HOST:PORT")->required();
  workerCmd->add_option("--rank", worker.rank, "This worker's rank (0 to workers-1)")
      ->required()
      ->check(CLI::Range(0, 1023));

  CLI11_PARSE(app, argc, argv);
  try {
    if (*trainCmd) return runTrain(train);
    if (*validateCmd) return runValidate(validatePath);
    if (*runCmd) return runCluster(run);
    if (*workerCmd) return runWorkerCommand(worker);
    if (*convexityCmd) return runConvexity(convexitySpec, convexityOut);
    if (*invertCmd) return runInvert(invertSpec, invertOut);
    if (*utilityCmd) return runPrivacyUtility(utilitySpec, utilityOut);
    if (*reportCmd) {
      writeRunReport(reportRun, reportOut.empty() ? reportRun + "/report" : reportOut);
      return 0;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
