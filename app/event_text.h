#pragma once
#include <QCoreApplication>
#include <QString>

#include <optional>

#include "core/spec.h"
#include "telemetry/events.h"

namespace distlab::app {

/// What the engine's typed records say, in the window's language: every enum and every record
/// the log shows is translated here with tr(); numbers are formatted for the reader. Nothing
/// the engine writes is parsed back.
class EventText {
  Q_DECLARE_TR_FUNCTIONS(EventText)

 public:
  /// What a log line needs to know of the run.
  struct Context {
    int epochs = 0;               ///< the spec's training.epochs (a federated run: rounds)
    std::int64_t startNs = 0;     ///< when the run started (its RunStarted)
    QString lesson;               ///< the lesson's title, in the window's language
    /// A model-parallel run's split (its ModelLayout): its processes are stages or shards.
    std::optional<engine::ModelSplit> split{};
  };
  /// The log's line for a record, or an empty string for records the log does not show (spans,
  /// traffic, step losses, ...).
  static QString logLine(const engine::Event& event, const Context& run);
  /// A process of the run: "Worker 2", or a model-parallel run's "Stage 2" / "Shard 2".
  static QString processName(int process, std::optional<engine::ModelSplit> split);
  /// How a run ended, as a sentence ("every worker finished", "worker 2 was killed ...").
  static QString endReason(const engine::RunEnded& ended);
  /// Why a worker's status changed ("its connection closed", "killed from the window", ...).
  static QString workerReason(const engine::WorkerState& state);
  static QString refusalReason(const engine::ConnectionRefused& refused);
  /// A spec problem in the window's language, without its field (by its code; a problem the
  /// engine left uncoded keeps its English sentence).
  static QString specError(const engine::SpecError& error);
};

}  // namespace distlab::app
