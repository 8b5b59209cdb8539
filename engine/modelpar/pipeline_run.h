#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "modelpar/stage_span_stats.h"
#include "telemetry/events.h"

namespace distlab::engine {

class RunRecorder;
class PartitionMode;

/// What the coordinator of a pipeline needs: the spec (model_parallel.* says the stages), the
/// engine to start the stages from, the run's token, and where the run's events go.
struct PipelineRunOptions {
  const PartitionMode& mode;  ///< the spec's model_parallel.mode
  Spec spec;
  std::string engineExe;
  std::string token;
  /// Receives the stages' timeline, traffic and losses, their joining and leaving, and a test
  /// evaluation of the assembled model at every evaluation point; nullptr: nothing is recorded
  /// (the bubble study's runs), only the summary is returned.
  RunRecorder* recorder = nullptr;
  std::size_t trainExamples = 0;  ///< the training set's size (for the number of updates)
  /// For the evaluations (with recorder); a tensor run needs it to put its shards together.
  const Dataset* test = nullptr;
  std::int64_t startNs = 0;  ///< the run's start, for the evaluations' elapsed time
  /// Keep the parameters of every evaluation point of a mode that drives its rounds in the
  /// result (a comparison's curve, also from a run without a recorder).
  bool keepCheckpoints = false;
  /// The updates the processes make (mode.steps); 0: pipelineSteps of the spec.
  std::uint64_t steps = 0;
  /// The first steps, left out of the measured time (caches, buffers and TCP windows grow).
  std::uint64_t warmUpSteps = 1;
  /// Where the coordinator listens for its processes (cluster.bind).
  std::string bind = "127.0.0.1";
  /// The processes are started by someone else (mpirun) and join on their own: none is
  /// started here, and every one must join within cluster.join_timeout_s.
  bool externalProcesses = false;
  /// Called with the port once the coordinator listens (mpi hands it to the other ranks).
  std::function<void(std::uint16_t)> onListening{};
};

struct PipelineRunResult {
  std::vector<float> parameters;  ///< the whole network after the last update, stage by stage
  std::vector<StageSummary> stages;
  /// The idle share of the stages over steps >= 1 (the first fills caches and buffers):
  /// 1 - sum of busy time / (stages x the steps' wall time).
  double bubble = 0.0;
  /// The same schedule's bubble if each stage took exactly its measured busy time and nothing
  /// else slowed it: per step, sum of t_k + (m-1) max t_k for micro-batch times t_k (equal
  /// stages: (p-1)/(m+p-1)). The gap to `bubble` is what communication and a shared CPU add.
  double bubbleOfTheseStages = 0.0;
  double seconds = 0.0;  ///< wall time of the measured steps
  std::uint64_t measuredSteps = 0;
  double samplesPerSecond = 0.0;        ///< over the measured steps
  std::uint64_t intermediateBytes = 0;  ///< every stage's ACTIVATIONS and ERRORS, all steps
  std::uint64_t steps = 0;              ///< updates (skeleton: rounds)
  /// Skeleton: bytes the coordinator sent (masks and sub-networks) and received (trained
  /// sub-networks), and the parameters of one worker's last sub-network.
  std::uint64_t bytesToWorkers = 0, bytesFromWorkers = 0;
  std::size_t workerParameters = 0;
  /// Federated: the privacy spent after the last round (privacy.dp), and the server's time
  /// aggregating (its Aggregate spans, unmasking included).
  double epsilon = 0.0;
  std::int64_t serverNs = 0;
  /// Skeleton: per hidden layer, the neurons of the skeleton and of each worker's last
  /// sub-network (RoundHost::keepSubNetworks).
  std::vector<std::vector<std::vector<std::uint32_t>>> subNetworks{};
  std::vector<std::vector<std::uint32_t>> skeleton{};
  /// keepCheckpoints: the parameters at each evaluation point, by version.
  std::vector<std::pair<std::uint64_t, std::vector<float>>> checkpoints{};
};

/// Thrown when a stage process dies or a stage stops answering: which stage, its process's exit
/// (status >= 0, or -signal), and the other stages have been stopped.
class StageLost : public std::runtime_error {
 public:
  StageLost(int lostStage, int lostPid, int exitCode, std::string why)
      : std::runtime_error(std::move(why)), stage(lostStage), pid(lostPid), code(exitCode) {}
  int stage, pid, code;
};

/// Starts the processes of a model-parallel run (`distlab-engine stage`), tells each where the
/// others listen, lets them train (or runs the mode's rounds) and gathers what they report.
/// Throws StageLost when a process dies, Error otherwise.
PipelineRunResult runPipeline(const PipelineRunOptions& options);

}  // namespace distlab::engine
