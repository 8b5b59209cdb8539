#pragma once
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "cluster/evaluator.h"
#include "core/spec.h"
#include "telemetry/event_log.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// Where a cluster run's telemetry goes: events.jsonl (everything, one JSON object a line), the
/// batch waiting for monitors, the full history for a monitor that connects late, metrics.csv
/// (one row per test evaluation) and a progress line on stderr. Single-threaded: the
/// coordinator's I/O thread owns it.
class RunRecorder {
 public:
  RunRecorder(const std::string& outDir, const Spec& spec, std::size_t trainSize);

  void record(const Event& event);
  /// Lines recorded since the last call (the next TELEMETRY batch for monitors).
  std::string takeMonitorBatch();
  const std::string& history() const { return m_history; }
  void flush();

  /// A test evaluation: metrics events, a metrics.csv row and a progress line.
  void recordEvaluation(const EvaluationResult& result, std::int64_t startNs, int aliveWorkers);
  /// Examples behind applied updates so far.
  void addSamples(std::uint64_t samples) { m_samples += samples; }

  std::uint64_t bytesToServer() const { return m_bytesToServer; }
  std::uint64_t bytesToWorkers() const { return m_bytesToWorkers; }
  double lastAccuracy() const { return m_lastAccuracy; }
  static constexpr const char* kMetricsHeader =
      "version,epoch,elapsed_s,samples,samples_per_s,train_loss,test_loss,test_accuracy,"
      "bytes_to_server,bytes_to_workers";

 private:
  const Spec& m_spec;
  std::size_t m_trainSize;
  EventLog m_log;
  std::ofstream m_metrics;
  std::string m_metricsPath;
  std::string m_pending, m_history;
  std::uint64_t m_samples = 0, m_samplesAtLastEval = 0;
  std::int64_t m_lastEvalNs = 0;
  double m_lossSum = 0.0;
  std::uint64_t m_lossCount = 0;
  std::uint64_t m_bytesToServer = 0, m_bytesToWorkers = 0;
  double m_lastAccuracy = 0.0;
};

}  // namespace distlab::engine
