// distlab-engine: the headless entry point (training, validation, the cluster roles).
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/cpu_isa.h"

namespace {

void addModelOptions(CLI::App* command, distlab::engine::ModelPaths& paths) {
  command->add_option("--load-model", paths.load,
                      "Start from this model file's parameters instead of the spec's init");
  command->add_option("--save-model", paths.save,
                      "Write the trained model here (docs/model-file.md; a .npz name: NumPy "
                      "arrays with PyTorch's names and layouts)");
}

}  // namespace

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
  addModelOptions(trainCmd, train.model);

  std::string validatePath;
  auto* validateCmd = app.add_subcommand("validate", "Check a spec and list every problem.");
  validateCmd->add_option("spec", validatePath, "Experiment spec (JSON)")->required();

  RunOptions run;
  auto* runCmd = app.add_subcommand(
      "run",
      "Run the spec's experiment: a real cluster (this process is the parameter server and "
      "starts the workers; prints 'listening HOST:PORT' first) or a lesson's own experiment. "
      "Writes events.jsonl, the lesson's tables and metrics.csv into the run folder.");
  runCmd->add_option("spec", run.specPath, "Experiment spec (JSON); not with --resume");
  runCmd->add_option("--out", run.outDir, "Output folder (default runs/<name>-<time>)");
  runCmd->add_option("--bind", run.bind, "Address to listen on (default cluster.bind)");
  runCmd->add_option("--port", run.port, "Port (default cluster.port; 0 = any free port)")
      ->check(CLI::Range(0, 65535));
  runCmd->add_flag("--external-workers", run.externalWorkers,
                   "Start no workers: wait for 'distlab-engine worker' started by hand");
  runCmd->add_option("--report", run.reportDir,
                     "Also write the report's CSV tables, spec.json and summary.json here");
  runCmd->add_flag("--stream", run.stream,
                   "Write the run's typed events to stdout as binary frames (docs/events.md), "
                   "for the window; other output goes to stderr");
  runCmd->add_flag("--paused", run.startPaused,
                   "Start a cluster paused: every worker waits before its first step until a "
                   "monitor (the window) resumes the run or steps it one round");
  addModelOptions(runCmd, run.model);
  runCmd->add_option("--resume", run.resumeDir,
                     "Continue the run in this folder from its last checkpoint "
                     "(cluster.checkpoint_every), with the spec.json it holds");

  std::string exportIn, exportOut;
  auto* exportCmd = app.add_subcommand(
      "export-model",
      "Write a model file (--save-model) as a NumPy .npz with PyTorch's names and layouts: "
      "model.load_state_dict({k: torch.from_numpy(v) for k, v in np.load(OUT).items()})");
  exportCmd->add_option("model", exportIn, "Model file written by --save-model")->required();
  exportCmd->add_option("out", exportOut, "The .npz to write")->required();

  std::string reportRun, reportOut;
  auto* reportCmd = app.add_subcommand(
      "report", "Write the CSV tables, spec.json and summary.json of a run folder.");
  reportCmd->add_option("run", reportRun, "Run folder (holding events.jsonl and spec.json)")
      ->required();
  reportCmd->add_option("--out", reportOut, "Report folder (default RUN/report)");

  SweepOptions sweep;
  auto* sweepCmd = app.add_subcommand(
      "sweep",
      "Run a spec over a grid of values, one run after another, each in its own folder; "
      "sweep.csv holds every run's final figures. Every grid point is checked first.");
  sweepCmd->add_option("spec", sweep.specPath, "Experiment spec (JSON)")->required();
  sweepCmd
      ->add_option("--vary", sweep.vary,
                   "FIELD=V1,V2,... (e.g. training.lr=0.01,0.1; lists in brackets: "
                   "model.hidden=[64],[128,64]); repeat for a grid")
      ->required();
  sweepCmd->add_option("--repeat", sweep.repeat, "Runs per grid point, seeds seed, seed+1, ...")
      ->check(CLI::Range(1, 100));
  sweepCmd->add_option("--out", sweep.outDir, "Sweep folder (default runs/<name>-<time>-sweep)");

  std::string traceRun, traceOut;
  auto* traceCmd = app.add_subcommand(
      "trace",
      "Write a run's timeline as Chrome trace-event JSON, for ui.perfetto.dev and "
      "chrome://tracing: a track per worker and the server, spans, frames as arrows, losses "
      "and accuracy as counters.");
  traceCmd->add_option("run", traceRun, "Run folder (holding events.jsonl)")->required();
  traceCmd->add_option("--out", traceOut, "The JSON file to write (default RUN/trace.json)");

  // Shortcuts that run one experiment whatever the spec's "experiment" says.
  RunOptions convexity, invert, utility;
  convexity.what = RunWhat::Convexity;
  invert.what = RunWhat::Inversion;
  utility.what = RunWhat::PrivacyUtility;
  auto* convexityCmd = app.add_subcommand(
      "convexity",
      "Average K models or ensemble them: the loss of the averaged model, the mean loss of the "
      "models and the ensemble's loss per round, from a common start and from different starts.");
  auto* invertCmd = app.add_subcommand(
      "invert",
      "Gradient inversion (the privacy lesson): attack the gradient of the spec's test images "
      "(privacy section); writes reconstruction.png, results.csv and attack.csv.");
  auto* utilityCmd = app.add_subcommand(
      "privacy-utility",
      "For each strength of the spec's defense: the attack's PSNR/SSIM on the defended "
      "gradients and the test accuracy of the model trained with that defense.");
  for (auto [cmd, options] :
       {std::pair{convexityCmd, &convexity}, {invertCmd, &invert}, {utilityCmd, &utility}}) {
    cmd->add_option("spec", options->specPath, "Experiment spec (JSON)")->required();
    cmd->add_option("--out", options->outDir, "Output folder (default runs/<name>-<time>)");
  }

  std::string explain;
  bool schema = false, problems = false;
  auto* specCmd = app.add_subcommand(
      "spec", "What a spec may hold: every field's type, default, allowed values and meaning.");
  auto* schemaFlag =
      specCmd->add_flag("--schema", schema, "Print the spec's JSON Schema (draft 2020-12)");
  auto* explainOption =
      specCmd->add_option("--explain", explain, "Explain one field, e.g. training.lr");
  auto* problemsFlag = specCmd->add_flag(
      "--problems", problems,
      "Print every problem a spec can have: its code and its sentence (%1... are its values)");
  schemaFlag->excludes(explainOption);
  problemsFlag->excludes(schemaFlag)->excludes(explainOption);
  specCmd->require_option(1);

  MpiOptions mpiOptions;
  RunOptions& mpi = mpiOptions.run;
  auto* mpiCmd = app.add_subcommand(
      "mpi",
      "Under mpirun -np N+1: rank 0 runs the spec's cluster, federated rounds or model-parallel "
      "run (as run --external-workers) and the other ranks are its N worker or stage processes; "
      "the token comes from DISTLAB_RUN_TOKEN (exported with mpirun -x) or is made by rank 0 "
      "and handed over MPI.");
  mpiCmd
      ->add_option("spec", mpi.specPath,
                   "Experiment spec (JSON): experiment cluster, federated or model_parallel")
      ->required();
  mpiCmd->add_option("--out", mpi.outDir,
                     "Output folder on rank 0's machine (default "
                     "runs/<name>-<time>)");
  mpiCmd->add_option("--bind", mpi.bind,
                     "Address rank 0 listens on (default cluster.bind; 0.0.0.0: all, and the "
                     "workers are told its host name)");
  mpiCmd->add_option("--port", mpi.port, "Port (default cluster.port; 0 = any free port)")
      ->check(CLI::Range(0, 65535));
  mpiCmd
      ->add_option("--frames", mpiOptions.frames,
                   "What carries the frames: tcp (default; a lost rank is seen at once, and "
                   "workers on rank 0's machine pass floats through shared memory) or mpi "
                   "(MPI_Isend/MPI_Mrecv, e.g. over InfiniBand)")
      ->check(CLI::IsMember({"tcp", "mpi"}));

  WorkerCommandOptions worker;
  auto* workerCmd =
      app.add_subcommand("worker",
                         "Join a running coordinator as one worker (the token comes from the "
                         "DISTLAB_RUN_TOKEN environment variable).");
  workerCmd->add_option("--connect", worker.connect, "Coordinator address HOST:PORT")->required();
  workerCmd->add_option("--rank", worker.rank, "This worker's rank (0 to workers-1)")
      ->required()
      ->check(CLI::Range(0, 1023));

  WorkerCommandOptions stage;
  auto* stageCmd = app.add_subcommand(
      "stage",
      "Join a model-parallel run as one pipeline stage (started by `run`; the token comes from "
      "the DISTLAB_RUN_TOKEN environment variable).");
  stageCmd->add_option("--connect", stage.connect, "Coordinator address HOST:PORT")->required();
  stageCmd->add_option("--rank", stage.rank, "This stage's index (0 to stages-1)")
      ->required()
      ->check(CLI::Range(0, 15));

  CLI11_PARSE(app, argc, argv);
  try {
    activeIsa();  // a bad DISTLAB_ISA stops every command up front, not the first convolution
    if (*trainCmd) return runTrain(train);
    if (*validateCmd) return runValidate(validatePath);
    if (*runCmd) return runExperimentCommand(run);
    if (*exportCmd) return exportModelCommand(exportIn, exportOut);
    if (*traceCmd) return traceCommand(traceRun, traceOut);
    if (*sweepCmd) return sweepCommand(sweep);
    if (*workerCmd) return runWorkerCommand(worker);
    if (*mpiCmd) return mpiCommand(mpiOptions);
    if (*stageCmd) return runStageCommand(stage);
    if (*convexityCmd) return runExperimentCommand(convexity);
    if (*invertCmd) return runExperimentCommand(invert);
    if (*utilityCmd) return runExperimentCommand(utility);
    if (*specCmd) {
      if (problems) return printSpecProblems();
      return schema ? printSpecSchema() : explainSpecFieldCommand(explain);
    }
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
