#include "cluster/run_recorder.h"

#include <algorithm>
#include <cstdio>

#include "core/error.h"

namespace distlab::engine {

RunRecorder::RunRecorder(const std::string& outDir, const Spec& spec, std::size_t trainSize)
    : m_spec(spec),
      m_trainSize(std::max<std::size_t>(trainSize, 1)),
      m_log(outDir + "/events.jsonl"),
      m_metrics(outDir + "/metrics.csv"),
      m_metricsPath(outDir + "/metrics.csv") {
  if (!m_metrics) throw Error("cannot write " + m_metricsPath);
  m_metrics << kMetricsHeader << '\n' << std::flush;
}

void RunRecorder::record(const Event& event) {
  if (const auto* t = std::get_if<TrafficRecord>(&event)) {
    (t->direction == Direction::ToServer ? m_bytesToServer : m_bytesToWorkers) += t->bytes;
  } else if (const auto* m = std::get_if<Metric>(&event);
             m && m->name == "train_loss" && m->worker != kServerLane) {
    m_lossSum += m->value;
    ++m_lossCount;
  }
  const std::string line = toJsonLine(event);  // once, for the file and the monitors
  m_log.appendLine(line);
  m_pending += line;
  m_pending += '\n';
  m_history += line;
  m_history += '\n';
}

std::string RunRecorder::takeMonitorBatch() {
  std::string batch;
  batch.swap(m_pending);
  return batch;
}

void RunRecorder::flush() { m_log.flush(); }

void RunRecorder::recordEvaluation(const EvaluationResult& r, std::int64_t startNs,
                                   int aliveWorkers) {
  const double elapsed = static_cast<double>(r.endNs - startNs) * 1e-9;
  const double window =
      static_cast<double>(r.endNs - (m_lastEvalNs ? m_lastEvalNs : startNs)) * 1e-9;
  const double samplesPerSecond =
      window > 0 ? static_cast<double>(m_samples - m_samplesAtLastEval) / window : 0.0;
  const double trainLoss = m_lossCount ? m_lossSum / static_cast<double>(m_lossCount) : 0.0;
  const double epoch = static_cast<double>(m_samples) / static_cast<double>(m_trainSize);
  m_lastEvalNs = r.endNs;
  m_samplesAtLastEval = m_samples;
  m_lossSum = 0.0;
  m_lossCount = 0;
  m_lastAccuracy = r.test.accuracy;

  record(Span{kServerLane, SpanKind::Evaluate, r.startNs, r.endNs, r.version, 0});
  record(Metric{r.endNs, "test_loss", kServerLane, r.version, r.test.loss});
  record(Metric{r.endNs, "test_accuracy", kServerLane, r.version, r.test.accuracy});
  record(Metric{r.endNs, "samples_per_s", kServerLane, r.version, samplesPerSecond});
  // The mean of the workers' training losses since the last evaluation; "epoch" comes last, so a
  // monitor knows an evaluation's metrics are complete when it sees it.
  record(Metric{r.endNs, "train_loss", kServerLane, r.version, trainLoss});
  record(Metric{r.endNs, "epoch", kServerLane, r.version, epoch});

  char row[320];
  std::snprintf(row, sizeof row, "%llu,%.4f,%.4f,%llu,%.1f,%.6f,%.6f,%.6f,%llu,%llu\n",
                static_cast<unsigned long long>(r.version), epoch, elapsed,
                static_cast<unsigned long long>(m_samples), samplesPerSecond, trainLoss,
                r.test.loss, r.test.accuracy, static_cast<unsigned long long>(m_bytesToServer),
                static_cast<unsigned long long>(m_bytesToWorkers));
  m_metrics << row << std::flush;
  if (!m_metrics) throw Error("cannot write " + m_metricsPath);
  std::fprintf(stderr,
               "update %llu (epoch %.2f/%d, %.1f s): test loss %.4f, accuracy %.2f%%, "
               "%.0f samples/s, %d/%d workers alive\n",
               static_cast<unsigned long long>(r.version), epoch, m_spec.training.epochs, elapsed,
               r.test.loss, 100.0 * r.test.accuracy, samplesPerSecond, aliveWorkers,
               m_spec.cluster.workers);
}

}  // namespace distlab::engine
