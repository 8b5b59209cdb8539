#include "cluster/run_recorder.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include "core/error.h"
#include "defenses/rdp_accountant.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {

namespace {

/// metrics.csv's rows (without the header) whose version is at most `version`; `last` gets
/// the last kept one's version.
std::string rowsUpTo(const std::string& path, std::uint64_t version,
                     std::optional<std::uint64_t>& last) {
  std::ifstream in(path);
  std::string line, kept;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    const auto v = std::strtoull(line.c_str(), nullptr, 10);
    if (line.empty() || v > version) continue;
    kept += line + '\n';
    last = v;
  }
  return kept;
}

}  // namespace

RunRecorder::RunRecorder(RunEvents& events, const std::string& outDir, const Spec& spec,
                         std::size_t trainSize, std::optional<std::uint64_t> continuedAt)
    : m_events(events),
      m_spec(spec),
      m_trainSize(std::max<std::size_t>(trainSize, 1)),
      m_metricsPath(outDir + "/metrics.csv") {
  const std::string kept =
      continuedAt ? rowsUpTo(m_metricsPath, *continuedAt, m_lastKeptRow) : "";
  m_metrics.open(m_metricsPath);
  if (!m_metrics) throw Error("cannot write " + m_metricsPath);
  m_metrics << kMetricsHeader << '\n' << kept << std::flush;
}

void RunRecorder::record(const Event& event) {
  if (const auto* t = std::get_if<Traffic>(&event)) {
    (t->direction == Direction::ToServer ? m_bytesToServer : m_bytesToWorkers) += t->wireBytes;
  } else if (const auto* l = std::get_if<StepLoss>(&event)) {
    m_lossSum += l->loss;
    ++m_lossCount;
  }
  m_events.record(event);
}

namespace {
// The records a run makes at every step: Span, Traffic, StepLoss, Staleness (Event's first four
// alternatives).
bool perStep(std::size_t index) { return index <= 3; }
static_assert(std::is_same_v<std::variant_alternative_t<3, Event>, Staleness>);
}  // namespace

std::vector<std::uint8_t> RunRecorder::takeBatch() {
  std::vector<std::uint8_t> batch = m_events.flush();
  if (m_history.size() + batch.size() <= m_historyLimit) {
    m_history.insert(m_history.end(), batch.begin(), batch.end());
    return batch;
  }
  // Past the limit: the rare records only.
  forEachRecord(batch, [this](std::size_t index, std::span<const std::uint8_t> record) {
    if (perStep(index)) {
      ++m_historyDropped;
    } else {
      m_history.insert(m_history.end(), record.begin(), record.end());
    }
  });
  return batch;
}

std::vector<double> classAccuracies(const std::vector<std::vector<long long>>& confusion) {
  std::vector<double> accuracy;
  for (std::size_t c = 0; c < confusion.size(); ++c) {
    long long all = 0;
    for (const long long n : confusion[c]) all += n;
    accuracy.push_back(all ? static_cast<double>(confusion[c][c]) / static_cast<double>(all) : 0.0);
  }
  return accuracy;
}

void RunRecorder::recordEvaluation(const EvaluationResult& r, std::int64_t startNs,
                                   int aliveWorkers) {
  const RunProgress& at = r.at;
  const double elapsed = static_cast<double>(at.timeNs - startNs) * 1e-9;
  const double window =
      static_cast<double>(at.timeNs - (m_lastEval.timeNs ? m_lastEval.timeNs : startNs)) * 1e-9;
  // An evaluation with no training since the last (the one at the run's end, right after a
  // regular one) keeps the last rate rather than reporting a stall.
  const bool trained = at.samples > m_lastEval.samples;
  const double samplesPerSecond =
      !trained   ? m_lastRate
      : window > 0 ? static_cast<double>(at.samples - m_lastEval.samples) / window
                   : 0.0;
  m_lastRate = samplesPerSecond;
  const double trainLoss = m_lossCount ? m_lossSum / static_cast<double>(m_lossCount) : 0.0;
  const double epoch = m_rounds ? static_cast<double>(r.version)
                                : static_cast<double>(at.samples) / static_cast<double>(m_trainSize);
  m_lastEval = at;
  m_lossSum = 0.0;
  m_lossCount = 0;
  m_lastAccuracy = r.test.accuracy;

  record(Span{kServerLane, SpanKind::Evaluate, r.startNs, r.endNs, r.version, 0});
  Evaluation e{r.endNs, r.version, epoch, elapsed, at.samples, samplesPerSecond, trainLoss,
               r.test.loss, r.test.accuracy, classAccuracies(r.test.confusion), aliveWorkers,
               at.bytesToServer, at.bytesToWorkers, r.backdoorSuccess};
  // A cluster's DP: every applied update is one Gaussian mechanism on a worker's clipped
  // gradient (q = 1: the server knows whose push it is). Federated rounds count in theirs.
  if (!m_rounds && m_spec.privacy.dp != "none" && r.version > 0) {
    e.delta = m_spec.privacy.dpDelta;
    e.epsilon = epsilonAfter(1.0, m_spec.privacy.noiseMultiplier,
                             static_cast<long long>(r.version), e.delta)
                    .epsilon;
  }
  record(e);

  char row[320];
  std::snprintf(row, sizeof row, "%llu,%.4f,%.4f,%llu,%.1f,%.6f,%.6f,%.6f,%llu,%llu\n",
                static_cast<unsigned long long>(r.version), epoch, elapsed,
                static_cast<unsigned long long>(at.samples), samplesPerSecond, trainLoss,
                r.test.loss, r.test.accuracy, static_cast<unsigned long long>(at.bytesToServer),
                static_cast<unsigned long long>(at.bytesToWorkers));
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
