// Lesson 5 (`run` on "experiment": "aggregation"): the lecture's comparison of aggregation
// methods. Four real clusters one after the other on the same data, seed and budget: S-DNN (one
// worker), MA-DNN (model averaging), E-DNN (ensemble) and EC-DNN (ensemble-compression), each
// combining models every cluster.local_steps steps. Each run keeps its own folder.
#include <cstdio>
#include <memory>

#include "core/spec_problems.h"
#include "aggregate/models/model_aggregator.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "lessons/run_folder.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

struct Method {
  const char* name;
  const char* modelAggregation;  ///< a registered model aggregator
  bool oneWorker;
};
constexpr Method kMethods[] = {{"S-DNN", "average", true},
                               {"MA-DNN", "average", false},
                               {"E-DNN", "ensemble", false},
                               {"EC-DNN", "ensemble-compression", false}};

Spec methodSpec(const Spec& spec, const Method& method) {
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
  return run;
}

class AggregationExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "aggregation"; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.dataset.name == "height-weight") {
      errors.push_back(specProblem("cluster.model_aggregation", "ensemble_needs_classes"));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    const TrainTest data = loadLessonData(spec, context);
    const std::size_t parameters = buildModelFor(spec, data.train).parameterCount();
    ResultTable curves{"aggregation",
                       {texts("method"), numbers("round"), numbers("epoch"), numbers("elapsed_s"),
                        numbers("test_loss"), numbers("test_accuracy"), numbers("bytes")}};
    ResultTable summary{"aggregation_summary",
                        {texts("method"), numbers("workers"), numbers("final_test_accuracy"),
                         numbers("model_parameters"), numbers("bytes"), numbers("wall_s")}};
    LessonResult result;
    result.lesson = "aggregation";
    const int stages = static_cast<int>(std::size(kMethods));
    for (int stage = 0; stage < stages; ++stage) {
      const Method& method = kMethods[stage];
      const Spec run = methodSpec(spec, method);
      context.events.record(LessonStage{steadyNowNs(), "aggregation", stage, stages,
                                        {{"", method.name}}, run.cluster.workers});
      const std::string folder = prepareRunFolder(run, context.outDir + "/" + method.name);
      std::fprintf(stderr, "%s: %d worker(s), %s\n", method.name, run.cluster.workers,
                   method.modelAggregation);
      const auto rows = runClusterForLesson(run, folder, method.name, context.token);
      ResultCurve curve{std::string(method.name), "epoch", "test_accuracy", {}, {}};
      for (const MetricsRow& r : rows) {
        const auto row = {r.version, r.epoch, r.elapsedSeconds, r.testLoss, r.testAccuracy,
                          r.bytesToServer + r.bytesToWorkers};
        curves.columns[0].texts.emplace_back(method.name);
        std::size_t c = 1;
        for (const double v : row) curves.columns[c++].numbers.push_back(v);
        curve.x.push_back(r.epoch);
        curve.y.push_back(r.testAccuracy);
      }
      result.curves.push_back(std::move(curve));
      const MetricsRow& last = rows.back();
      const double size = static_cast<double>(
          modelAggregators().at(method.modelAggregation).globalModelSize(parameters, run.cluster.workers));
      summary.columns[0].texts.emplace_back(method.name);
      const auto row = {double(run.cluster.workers), last.testAccuracy, size,
                        last.bytesToServer + last.bytesToWorkers, last.elapsedSeconds};
      std::size_t c = 1;
      for (const double v : row) summary.columns[c++].numbers.push_back(v);
      std::printf("%-7s test accuracy %.4f, model %.0f parameters, %.0f bytes, %.1f s\n",
                  method.name, last.testAccuracy, size, last.bytesToServer + last.bytesToWorkers,
                  last.elapsedSeconds);
      std::fflush(stdout);
    }
    result.tables = {std::move(curves), std::move(summary)};
    finishLesson(std::move(result), context);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Experiment> makeAggregationExperiment() {
  return std::make_unique<AggregationExperiment>();
}

}  // namespace distlab::engine
