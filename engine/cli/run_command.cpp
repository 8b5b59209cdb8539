#include <cstdio>
#include <cstdlib>

#include "cli/commands.h"
#include "cluster/coordinator.h"
#include "cluster/launcher.h"
#include "cluster/worker.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/spec.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {

int runCluster(const RunOptions& options) {
  Spec spec = loadSpecFile(options.specPath);
  if (!options.bind.empty()) spec.cluster.bind = options.bind;
  if (options.port >= 0) spec.cluster.port = options.port;
  if (options.externalWorkers) spec.cluster.launchWorkers = false;
  const std::string outDir = prepareRunFolder(spec, options.outDir);
  if (spec.experiment == "averaging") return runAveragingLesson(spec, outDir);
  if (spec.experiment == "aggregation") return runAggregationLesson(spec, outDir);
  if (spec.experiment == "convexity") return runConvexityStudy(spec, outDir);
  if (spec.experiment == "inversion") return runInversion(spec, outDir);
  CoordinatorOptions co;
  co.outDir = outDir;
  if (const char* token = std::getenv(kTokenEnvironmentVariable)) co.token = token;
  co.engineExe = selfExecutablePath();
  Coordinator coordinator(std::move(spec), co);
  std::fprintf(stderr, "writing to %s\n", outDir.c_str());
  const int code = coordinator.run();
  // Written whether the run succeeded or not: a failed run's tables show what went wrong.
  if (!options.reportDir.empty()) {
    writeRunReport(outDir, options.reportDir);
    std::fprintf(stderr, "report in %s\n", options.reportDir.c_str());
  }
  return code;
}

int runWorkerCommand(const WorkerCommandOptions& options) {
  WorkerOptions o;
  const auto colon = options.connect.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw Error("--connect: \"" + options.connect + "\" is not HOST:PORT");
  }
  o.host = options.connect.substr(0, colon);
  const std::string portText = options.connect.substr(colon + 1);
  char* end = nullptr;
  const long port = std::strtol(portText.c_str(), &end, 10);
  if (portText.empty() || *end != '\0' || port < 1 || port > 65535) {
    throw Error("--connect: port \"" + portText + "\" is not a number from 1 to 65535");
  }
  o.port = static_cast<std::uint16_t>(port);
  o.rank = options.rank;
  if (const char* token = std::getenv(kTokenEnvironmentVariable)) o.token = token;
  return runWorker(o);
}

}  // namespace distlab::engine
