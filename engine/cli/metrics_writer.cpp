#include "cli/metrics_writer.h"

#include <cstdio>

#include "core/error.h"

namespace distlab::engine {

MetricsWriter::MetricsWriter(const std::string& path) : m_out(path), m_path(path) {
  if (!m_out) throw Error("cannot write " + path);
  m_out << kHeader << '\n' << std::flush;
}

void MetricsWriter::write(const EpochReport& r) {
  char line[256];
  std::snprintf(line, sizeof line, "%d,%lld,%.6f,%.6f,%.6f,%.1f,%.4f,%.4f\n", r.epoch, r.step,
                r.trainLoss, r.test.loss, r.test.accuracy, r.samplesPerSecond, r.trainSeconds,
                r.elapsedSeconds);
  m_out << line << std::flush;
  if (!m_out) throw Error("cannot write " + m_path);
}

}  // namespace distlab::engine
