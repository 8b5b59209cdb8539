// `distlab-engine run` on a spec with "experiment": "aggregation": lesson 5, the lecture's
// comparison of aggregation methods. Four real clusters one after the other on the same data,
// seed and budget: S-DNN (one worker), MA-DNN (model averaging), E-DNN (ensemble) and EC-DNN
// (ensemble-compression), each every cluster.local_steps steps. Writes each run's folder and
// aggregation.csv (every evaluation of every method) and aggregation_summary.csv.
#include <cstdio>

#include "cli/cluster_runs.h"
#include "cli/commands.h"
#include "core/error.h"
#include "data/load.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

struct Method {
  const char* name;
  const char* modelAggregation;
  bool oneWorker;
};
constexpr Method kMethods[] = {{"S-DNN", "average", true},
                               {"MA-DNN", "average", false},
                               {"E-DNN", "ensemble", false},
                               {"EC-DNN", "ensemble-compression", false}};

}  // namespace

int runAggregationLesson(const Spec& spec, const std::string& outDir) {
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  const std::size_t parameters = buildModelFor(spec, data.train).parameterCount();
  Table curves{{"method", "round", "epoch", "elapsed_s", "test_loss", "test_accuracy", "bytes"}, {}};
  Table summary{{"method", "workers", "final_test_accuracy", "model_parameters", "bytes",
                 "wall_s"},
                {}};
  for (const Method& method : kMethods) {
    Spec run = spec;
    run.experiment = "cluster";
    run.name = spec.name + " " + method.name;
    run.cluster.sync = "local-sgd";
    run.cluster.modelAggregation = method.modelAggregation;
    if (method.oneWorker) {
      // The same examples in all: one worker takes every share.
      run.cluster.workers = 1;
      run.cluster.capacities.clear();
      run.cluster.slowdown.clear();
      run.cluster.bandwidthMbps.clear();
    }
    const std::string folder = prepareRunFolder(run, outDir + "/" + method.name);
    std::fprintf(stderr, "%s: %d worker%s, %s\n", method.name, run.cluster.workers,
                 run.cluster.workers == 1 ? "" : "s", method.modelAggregation);
    const auto rows = runClusterForLesson(run, folder, method.name);
    for (const auto& r : rows) {
      const auto bytes = std::stoull(r[8]) + std::stoull(r[9]);
      curves.rows.push_back({method.name, r[0], r[1], r[2], r[6], r[7], std::to_string(bytes)});
    }
    const auto& last = rows.back();
    const std::size_t size =
        parameters * (std::string(method.modelAggregation) == "ensemble"
                          ? static_cast<std::size_t>(run.cluster.workers)
                          : 1);
    summary.rows.push_back({method.name, std::to_string(run.cluster.workers), last[7],
                            std::to_string(size),
                            std::to_string(std::stoull(last[8]) + std::stoull(last[9])), last[2]});
    std::printf("%-7s test accuracy %s, model %zu parameters, %s bytes, %s s\n", method.name,
                last[7].c_str(), size, summary.rows.back()[4].c_str(), last[2].c_str());
    std::fflush(stdout);
  }
  writeCsvFile(curves, outDir + "/aggregation.csv");
  writeCsvFile(summary, outDir + "/aggregation_summary.csv");
  std::fprintf(stderr, "wrote %s/aggregation.csv and aggregation_summary.csv\n", outDir.c_str());
  return 0;
}

}  // namespace distlab::engine
