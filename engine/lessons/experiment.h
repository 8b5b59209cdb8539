#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "comm/session_source.h"
#include "core/spec.h"
#include "core/strategy_registry.h"
#include "telemetry/event_sink.h"

namespace distlab::engine {

class RunEvents;
class PartitionMode;

/// What an experiment runs with: its prepared run folder (spec.json is in it) and where its
/// typed events go (events.jsonl and the live stream).
struct RunContext {
  std::string outDir;
  RunEvents& runEvents;  ///< buffered: a cluster's coordinator flushes it at its own pace
  EventSink& events;     ///< the same, written at once: for experiments in this process
  std::string token;     ///< the run's secret for the clusters it starts (empty: a fresh one)
  std::string loadModel, saveModel;  ///< the cluster experiment's --load-model, --save-model
  bool resume = false;               ///< the cluster experiment continues outDir's checkpoint
  /// The cluster experiment's coordinator listens on this port (CoordinatorOptions::onListening).
  std::function<void(std::uint16_t)> onListening{};
  /// Its workers' frames by another transport (CoordinatorOptions::linkPeers).
  SessionSourceFactory linkPeers{};
  /// The cluster experiment starts paused (CoordinatorOptions::startPaused).
  bool startPaused = false;
};

/// What `distlab-engine run` does with a spec (its "experiment" field): train a real cluster, or
/// one of the lessons' own experiments (engine/lessons/<name>/). An experiment is one class in
/// one file plus one line in lessons/experiments.cpp; it reports everything as typed events and
/// ends with a LessonResult when it computes one.
class Experiment {
 public:
  virtual ~Experiment() = default;
  virtual std::string_view name() const = 0;
  /// Adds the problems of field combinations this experiment cannot run.
  virtual void validate(const Spec&, std::vector<SpecError>&) const {}
  /// Its runs are cluster runs of the spec (with its own part added): it reads every field the
  /// cluster experiment reads, and the form shows them.
  virtual bool trainsCluster() const { return false; }
  /// Splits the data with the cluster.partition strategy (false: it splits its own way).
  virtual bool usesPartitioner() const { return true; }
  /// It can run a cluster.sync without a parameter server (allreduce: lessons/cluster/ring_mode.h).
  virtual bool trainsWithoutServer() const { return false; }
  /// Its cluster runs may mask their pushes (privacy.secure_aggregation).
  virtual bool masksPushes() const { return false; }
  /// Its cluster runs defend their gradient pushes with privacy.defense.
  virtual bool defendsPushes(const Spec&) const { return false; }
  /// Who may be malicious in its runs (security.attackers) and how many pushes a round the
  /// server judges: the cluster's workers, or a federated run's clients.
  virtual int attackerPool(const Spec& s) const { return s.cluster.workers; }
  virtual int pushesPerRound(const Spec& s) const { return s.cluster.workers; }
  /// Its pushes are gradients an attacker can estimate honest statistics for (ALIE, IPM).
  virtual bool pushesGradients(const Spec&) const { return true; }
  /// It records its own RunStarted and RunEnded (a cluster's coordinator does); otherwise the
  /// command line records them around run().
  virtual bool announcesItself() const { return false; }
  /// What each process of its runs does (`distlab-engine stage`), for experiments that start
  /// processes through the model-parallel coordinator (modelpar/pipeline_run.h); nullptr:
  /// none.
  virtual const PartitionMode* processMode(const Spec&) const { return nullptr; }
  /// Runs it; returns the process exit code. Throws Error for what stops it.
  virtual int run(const Spec& spec, RunContext& context) const = 0;
};

/// cluster, averaging, aggregation, convexity, inversion, ... (experiments.cpp).
const StrategyRegistry<Experiment>& experiments();

/// The experiments that read a field whose schema row says `usedBy`: those it names, and every
/// experiment that trainsCluster() where it names "cluster" ("all" stays "all").
std::vector<std::string> fieldReaders(std::string_view usedBy);

/// A lesson of the Lessons menu: a preset spec (engine/lessons/<experiment>/<id>.json) whose
/// experiment runs it.
struct LessonEntry {
  std::string_view id;          ///< the preset's file name without .json
  std::string_view experiment;  ///< the folder it lives in
};
/// The lessons in menu order (the default lesson first).
std::span<const LessonEntry> lessonCatalogue();

}  // namespace distlab::engine
