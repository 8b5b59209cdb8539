#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "comm/blocking_channel.h"
#include "core/spec.h"
#include "data/dataset.h"
#include "lessons/experiment.h"
#include "modelpar/batch_order.h"
#include "modelpar/pipeline_run.h"
#include "nn/model.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// One process's answer to a round.
struct RoundPush {
  std::vector<float> values;
  /// A PUSH in parts (PushKind::ModelPart): the floats of the frames after the first, kept
  /// apart rather than appended, so a large round is never copied.
  std::vector<std::vector<float>> moreValues{};
  bool lost = false;  ///< the process died before it answered (survivesLostProcesses modes)
};

/// What the coordinator offers a mode that drives its own rounds (the skeleton partition, the
/// federated rounds).
class RoundHost {
 public:
  virtual ~RoundHost() = default;
  virtual int processes() const = 0;
  /// False once the process has died (only a mode that survivesLostProcesses sees that).
  virtual bool alive(int process) const = 0;
  /// A frame to one process; a PARAMS is sent with `values` as its floats. Counted as traffic.
  virtual void send(int process, const Message& message, std::span<const float> values = {}) = 0;
  /// Every process's PUSH of kind Model for this round, by rank: its floats (the examples it
  /// trained on go to the run's samples/s; telemetry and exits are handled meanwhile).
  virtual std::vector<RoundPush> collect(std::uint64_t round) = 0;
  virtual void record(const Event& event) = 0;
  /// Scores the whole network at `version` (at once and before returning when `last`).
  virtual void evaluate(std::uint64_t version, std::span<const float> parameters, bool last) = 0;
  /// Keeps the skeleton and each process's neurons (per hidden layer) for the run's result.
  virtual void keepSubNetworks(std::vector<std::vector<std::uint32_t>> skeleton,
                               std::vector<std::vector<std::vector<std::uint32_t>>> each) = 0;
};

/// What a mode's results come from: the run that trained, its spec and data, and where further
/// runs of its own (the bubble study, the comparison with model averaging) may report.
struct ModeRun {
  const Spec& spec;
  const TrainTest& data;
  const std::string& token;
  RunContext& context;
  Model& whole;  ///< the network (its parameters may be overwritten)
  const PipelineRunResult& result;
};

/// How model_parallel splits the network over processes (model_parallel.mode): by layers
/// (pipeline), within layers (tensor) or into sub-networks (skeleton). One class a file in
/// lessons/model_parallel/ (pipeline_mode.cpp ...), one line in partition_modes.cpp; nothing
/// else compares a mode's name.
class PartitionMode {
 public:
  virtual ~PartitionMode() = default;
  virtual std::string_view name() const = 0;
  /// The processes a run of this spec starts.
  virtual int processes(const Spec& spec) const = 0;
  /// The updates its processes make (each evaluation point's version counts them).
  virtual std::uint64_t steps(const Spec& spec, const Dataset& train) const {
    return pipelineSteps(spec, train.size());
  }
  /// The training examples one update takes in (the whole run's, for samples/s).
  virtual std::uint64_t examplesPerStep(const Spec& spec) const {
    return static_cast<std::uint64_t>(spec.training.batchSize);
  }
  /// The problems of a spec this mode cannot run.
  virtual void validate(const Spec&, std::vector<SpecError>&) const {}
  /// The ModelLayout record's split.
  virtual ModelSplit split() const = 0;
  /// Process k in the engine's messages ("stage 2").
  virtual std::string processName(int k) const { return "stage " + std::to_string(k); }
  /// Why a run ends when one of its processes is lost.
  virtual EndReason lostReason() const { return EndReason::StageLost; }
  /// Checks the split against the built network before anything starts (throws Error) and says
  /// who holds which neurons (empty for a mode that draws them per round: it records its own
  /// ModelLayout then).
  virtual std::vector<LayoutBlock> plan(const Spec&, const Model& /*whole*/) const { return {}; }
  /// One process's part (`distlab-engine stage`): it links to its peers, trains and reports.
  /// Returns true when it has already received the coordinator's goodbye (SHUTDOWN).
  virtual bool runProcess(BlockingChannel& coordinator, int rank, const Spec& spec,
                          const std::string& token) const = 0;
  /// The whole network's parameters from every process's (at each evaluation point).
  virtual std::vector<float> assemble(const Spec& spec, const Model& layout,
                                      std::vector<std::vector<float>>& parts) const;
  /// The coordinator runs the rounds (runRounds) instead of waiting for the processes.
  virtual bool drivesRounds() const { return false; }
  /// Its progress is counted in rounds (runRounds' versions), not in epochs of the data: the
  /// federated rounds, whose clients' data are not one pass over the training set.
  virtual int roundsForProgress(const Spec&) const { return 0; }
  /// A process that dies is left out and the rest go on (its RoundPush says lost), instead of
  /// the run stopping with StageLost: federated clients go offline, pipeline stages cannot.
  virtual bool survivesLostProcesses() const { return false; }
  virtual void runRounds(RoundHost&, const Spec&, std::size_t /*trainExamples*/,
                         Model& /*whole*/) const {}
  /// Records about the data a run of this spec trains on, sent after RunStarted (the federated
  /// clients' shares).
  virtual std::vector<Event> dataRecords(const Spec&, const Dataset& /*train*/) const {
    return {};
  }
  /// Its results need the parameters of every evaluation point (PipelineRunResult::checkpoints).
  virtual bool keepsCheckpoints(const Spec&) const { return false; }
  /// The name its LessonResult goes by (the window's view for it): the experiment's, unless a
  /// mode has a view of its own.
  virtual std::string resultLesson(const Spec& spec) const { return spec.experiment; }
  /// The run's tables for the lesson, after any runs of its own.
  virtual std::vector<ResultTable> results(const ModeRun& run) const = 0;
  /// A line for people at a terminal.
  virtual std::string summary(const Spec& spec, const PipelineRunResult& result) const = 0;
};

}  // namespace distlab::engine
