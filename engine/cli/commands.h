#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "comm/session_source.h"
#include "core/spec.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {

/// Model files (docs/model-file.md) a run starts from and ends in.
struct ModelPaths {
  std::string load;  ///< initial parameters from this model file (empty: the spec's init)
  std::string save;  ///< the final parameters go here (.npz: NumPy, PyTorch's names)
};

struct TrainOptions {
  std::string specPath;
  std::string outDir;  ///< empty: runs/<spec name>-<local time>
  ModelPaths model;
};

/// What `run` (and its shortcuts `invert`, `convexity`, `privacy-utility`) runs.
enum class RunWhat { SpecsExperiment, Inversion, Convexity, PrivacyUtility };

struct RunOptions {
  RunWhat what = RunWhat::SpecsExperiment;
  std::string specPath;
  std::string outDir;
  std::string bind;  ///< overrides cluster.bind when not empty
  int port = -1;     ///< overrides cluster.port when >= 0
  bool externalWorkers = false;
  std::string reportDir;  ///< when set, the run's report tables and spec are written there
  /// Write the run's typed events to stdout as TELEMETRY frames (the window's live stream);
  /// everything the engine would print on stdout goes to stderr instead.
  bool stream = false;
  /// Start the cluster paused (CoordinatorOptions::startPaused).
  bool startPaused = false;
  ModelPaths model;
  /// Continue the run in this folder from its checkpoint (its spec.json; specPath is unused).
  std::string resumeDir;
  /// A cluster run's coordinator listens on this port (`mpi` hands it to the other ranks).
  std::function<void(std::uint16_t)> onListening{};
  /// A cluster run's workers whose frames come by MPI (`mpi --frames mpi`).
  SessionSourceFactory linkPeers{};
};

struct WorkerCommandOptions {
  std::string connect;  ///< HOST:PORT
  int rank = 0;
};

/// `distlab-engine run`: the spec's experiment (a real cluster, or a lesson's own experiment)
/// into its run folder, with its events in events.jsonl (and on stdout with --stream).
int runExperimentCommand(const RunOptions& options);
/// `mpirun -np N+1 distlab-engine mpi SPEC`: rank 0 runs the spec's cluster as `run
/// --external-workers` would, the other ranks are its workers 0..N-1; rank 0 hands them its
/// address and the run's token over MPI (the token from DISTLAB_RUN_TOKEN if set, else a fresh
/// one), never on a command line. Frames travel on TCP, or as MPI messages with frames = "mpi".
/// Returns the exit code; built without MPI, it says so and returns 1.
struct MpiOptions {
  RunOptions run;
  std::string frames = "tcp";  ///< tcp | mpi
};
int mpiCommand(const MpiOptions& options);
/// `distlab-engine worker`: one worker joining a coordinator.
int runWorkerCommand(const WorkerCommandOptions& options);
/// `distlab-engine stage`: one stage of a model-parallel pipeline joining its coordinator.
int runStageCommand(const WorkerCommandOptions& options);
/// `distlab-engine train`: single-process training with one progress line per epoch on stdout
/// and DIR/metrics.csv + DIR/spec.json. Returns the exit code; throws Error on failure.
int runTrain(const TrainOptions& options);
/// `distlab-engine export-model MODEL OUT.npz`: a model file as NumPy arrays with PyTorch's
/// names and layouts.
int exportModelCommand(const std::string& modelPath, const std::string& npzPath);
/// `distlab-engine trace RUN [--out FILE]`: the run's events.jsonl as Chrome trace-event JSON
/// (default RUN/trace.json), for Perfetto and chrome://tracing.
int traceCommand(const std::string& runDir, const std::string& outPath);
struct SweepOptions {
  std::string specPath;
  std::vector<std::string> vary;  ///< "FIELD=V1,V2,..." each
  int repeat = 1;
  std::string outDir;  ///< empty: runs/<spec name>-<time>-sweep
};

/// `distlab-engine sweep SPEC --vary F=V1,V2 [--vary ...] [--repeat N] [--out DIR]`: every point
/// of the grid (x repeats, seeds seed, seed+1, ...) run one after another, each into its own
/// folder; DIR/sweep.csv holds each run's final figures. Exit 1 when a run failed.
int sweepCommand(const SweepOptions& options);
/// `distlab-engine validate`: prints "ok" and a summary, or every problem (one a line) on stderr.
int runValidate(const std::string& specPath);
/// `distlab-engine spec --schema`: the spec's JSON Schema on stdout.
int printSpecSchema();
/// `spec --problems`: every spec problem's code and English sentence, as a JSON list.
int printSpecProblems();
/// `distlab-engine spec --explain FIELD`: what a field holds, allows and means.
int explainSpecFieldCommand(const std::string& field);

}  // namespace distlab::engine
