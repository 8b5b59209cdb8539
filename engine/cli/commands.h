#pragma once
#include <string>

#include "core/spec.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {

struct TrainOptions {
  std::string specPath;
  std::string outDir;  ///< empty: runs/<spec name>-<local time>
};

struct RunOptions {
  std::string specPath;
  std::string outDir;
  std::string bind;  ///< overrides cluster.bind when not empty
  int port = -1;     ///< overrides cluster.port when >= 0
  bool externalWorkers = false;
  std::string reportDir;  ///< when set, the run's report tables and spec are written there
};

struct WorkerCommandOptions {
  std::string connect;  ///< HOST:PORT
  int rank = 0;
};

/// runs/<spec name>-<local time>
std::string defaultOutDir(const Spec& spec);
/// Creates the run folder (outDir, or defaultOutDir when empty) with a copy of the spec, every
/// default filled in, as spec.json; returns its path. Throws Error naming what failed.
std::string prepareRunFolder(const Spec& spec, const std::string& outDir);

/// `distlab-engine run`: the coordinator (parameter server) and its worker processes.
int runCluster(const RunOptions& options);
/// `run` on an "averaging" spec: lesson 1 computed in this process; writes outDir/averaging.json.
int runAveragingLesson(const Spec& spec, const std::string& outDir);
/// `run` on an "aggregation" spec: lesson 5, S-DNN, MA-DNN, E-DNN and EC-DNN on real clusters
/// one after the other; writes outDir/<method>/ and outDir/aggregation*.csv.
int runAggregationLesson(const Spec& spec, const std::string& outDir);
/// `distlab-engine convexity`: the convexity study (aggregate/convexity_study.h) from a common
/// start and from different starts; prints a table and writes DIR/convexity.csv.
int runConvexity(const std::string& specPath, const std::string& outDir);
/// The same from a spec into a prepared run folder (`run` on a "convexity" spec).
int runConvexityStudy(const Spec& spec, const std::string& outDir);
/// `run` on an "inversion" spec: the privacy lesson's gradient-inversion attack on the spec's
/// MLP; writes reconstruction.png, results.csv and attack.csv into outDir.
int runInversion(const Spec& spec, const std::string& outDir);
/// `distlab-engine invert SPEC [--out DIR]`: the same from a spec file.
int runInvert(const std::string& specPath, const std::string& outDir);
/// `distlab-engine privacy-utility SPEC`: the privacy-utility table of the spec's defense over
/// privacy.sweep_strengths; writes privacy_utility.csv.
int runPrivacyUtility(const std::string& specPath, const std::string& outDir);
/// `distlab-engine worker`: one worker joining a coordinator.
int runWorkerCommand(const WorkerCommandOptions& options);

/// `distlab-engine train`: single-process training with one progress line per epoch on stdout
/// and DIR/metrics.csv + DIR/spec.json. Returns the exit code; throws Error on failure.
int runTrain(const TrainOptions& options);
/// `distlab-engine validate`: prints "ok" and a summary, or every problem (one a line) on stderr.
int runValidate(const std::string& specPath);

}  // namespace distlab::engine
