#pragma once
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "cluster/evaluator.h"
#include "core/spec.h"
#include "telemetry/run_events.h"

namespace distlab::engine {

/// Where a cluster run's telemetry goes: the run's events (events.jsonl and the live stream, see
/// telemetry/run_events.h), the full history for a monitor that connects late, metrics.csv (one
/// row per test evaluation) and a progress line on stderr for people at a terminal.
/// Single-threaded: the coordinator's I/O thread owns it.
class RunRecorder : public EventSink {
 public:
  /// continuedAt: a resumed run's checkpoint version; metrics.csv keeps its rows up to it
  /// (the later ones are trained again) instead of starting empty.
  RunRecorder(RunEvents& events, const std::string& outDir, const Spec& spec,
              std::size_t trainSize, std::optional<std::uint64_t> continuedAt = std::nullopt);

  void record(const Event& event) override;
  /// Writes what was recorded since the last call (events.jsonl, the live stream) and returns it
  /// as the next TELEMETRY batch for the monitors.
  std::vector<std::uint8_t> takeBatch();
  /// The records so far, for a monitor that connects late. Bounded (historyLimit): past it only
  /// the rare records are kept (the run's lifecycle, evaluations, results), not the per-step
  /// ones (spans, traffic, step losses, staleness), so a long run's memory stays flat;
  /// events.jsonl keeps everything.
  const std::vector<std::uint8_t>& history() const { return m_history; }
  /// Per-step records left out of history() since it reached its limit.
  std::uint64_t historyDropped() const { return m_historyDropped; }
  static constexpr std::size_t kHistoryLimit = 16u << 20;
  void setHistoryLimit(std::size_t bytes) { m_historyLimit = bytes; }

  /// A test evaluation: its event, a metrics.csv row and a progress line.
  void recordEvaluation(const EvaluationResult& result, std::int64_t startNs, int aliveWorkers);
  /// A resumed run: the version of the last metrics.csv row it kept.
  std::optional<std::uint64_t> lastKeptRow() const { return m_lastKeptRow; }
  /// A resumed run's totals so far (its checkpoint's).
  void restoreTotals(std::uint64_t samples, std::uint64_t bytesToServer,
                     std::uint64_t bytesToWorkers) {
    m_samples = samples;
    m_bytesToServer = bytesToServer;
    m_bytesToWorkers = bytesToWorkers;
    m_lastEval.samples = samples;
  }
  /// Examples behind applied updates so far.
  void addSamples(std::uint64_t samples) { m_samples += samples; }
  /// A run in rounds (federated learning): an evaluation's "epoch" is its round, so the chart's
  /// axis and the progress count rounds (training.epochs of the spec given is the rounds).
  void countRounds() { m_rounds = true; }
  /// Where the run stands now, for a snapshot about to be evaluated.
  RunProgress progress(std::int64_t nowNs) const {
    return {nowNs, m_samples, m_bytesToServer, m_bytesToWorkers};
  }

  std::uint64_t bytesToServer() const { return m_bytesToServer; }
  std::uint64_t bytesToWorkers() const { return m_bytesToWorkers; }
  double lastAccuracy() const { return m_lastAccuracy; }
  static constexpr const char* kMetricsHeader =
      "version,epoch,elapsed_s,samples,samples_per_s,train_loss,test_loss,test_accuracy,"
      "bytes_to_server,bytes_to_workers";

 private:
  RunEvents& m_events;
  const Spec& m_spec;
  std::size_t m_trainSize;
  std::ofstream m_metrics;
  std::string m_metricsPath;
  std::vector<std::uint8_t> m_history;
  std::size_t m_historyLimit = kHistoryLimit;
  std::uint64_t m_historyDropped = 0;
  std::uint64_t m_samples = 0;
  RunProgress m_lastEval;  ///< where the previous evaluation was placed
  double m_lastRate = 0.0;  ///< samples per second at the previous evaluation
  double m_lossSum = 0.0;
  std::uint64_t m_lossCount = 0;
  std::uint64_t m_bytesToServer = 0, m_bytesToWorkers = 0;
  double m_lastAccuracy = 0.0;
  bool m_rounds = false;
  std::optional<std::uint64_t> m_lastKeptRow;
};

/// Each class's share of its test examples predicted right, from a confusion matrix.
std::vector<double> classAccuracies(const std::vector<std::vector<long long>>& confusion);

}  // namespace distlab::engine
