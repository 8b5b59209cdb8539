#pragma once
#include <string>

namespace distlab::engine {

struct TrainOptions {
  std::string specPath;
  std::string outDir;  ///< empty: runs/<spec name>-<local time>
};

/// `distlab-engine train`: single-process training with one progress line per epoch on stdout
/// and DIR/metrics.csv + DIR/spec.json. Returns the exit code; throws Error on failure.
int runTrain(const TrainOptions& options);
/// `distlab-engine validate`: prints "ok" and a summary, or every problem (one a line) on stderr.
int runValidate(const std::string& specPath);

}  // namespace distlab::engine
