// Lesson 5's argument (`run` on "experiment": "convexity", or `distlab-engine convexity`): the
// loss of the averaged model, the mean of the members' losses and the ensemble's loss after each
// round, from a common start and from different starts.
#include <cstdio>
#include <memory>

#include "core/spec_problems.h"
#include "data/load.h"
#include "lessons/convexity/convexity_study.h"
#include "core/stopwatch.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"

namespace distlab::engine {
namespace {

class ConvexityExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "convexity"; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.dataset.name == "height-weight") {
      errors.push_back(specProblem("cluster.model_aggregation", "ensemble_needs_classes"));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    const TrainTest data = loadLessonData(spec, context);
    ResultTable table{"convexity",
                      {texts("start"), numbers("round"), numbers("averaged_model_loss"),
                       numbers("mean_member_loss"), numbers("ensemble_loss")}};
    LessonResult result;
    result.lesson = "convexity";
    std::printf("%-9s %5s %16s %16s %14s\n", "start", "round", "f(averaged)", "mean f(members)",
                "f(ensemble)");
    for (const bool common : {true, false}) {
      const char* start = common ? "common" : "different";
      context.events.record(
          LessonStage{steadyNowNs(), "convexity", common ? 0 : 1, 2, {{"start", start}},
                      spec.cluster.workers});
      ResultCurve averaged{std::string(start) + " averaged_model_loss", "round", "loss", {}, {}};
      ResultCurve ensemble{std::string(start) + " ensemble_loss", "round", "loss", {}, {}};
      for (const ConvexityPoint& p : convexityStudy(spec, data, common)) {
        std::printf("%-9s %5d %16.4f %16.4f %14.4f\n", start, p.round, p.averagedModelLoss,
                    p.meanMemberLoss, p.ensembleLoss);
        table.columns[0].texts.emplace_back(start);
        table.columns[1].numbers.push_back(p.round);
        table.columns[2].numbers.push_back(p.averagedModelLoss);
        table.columns[3].numbers.push_back(p.meanMemberLoss);
        table.columns[4].numbers.push_back(p.ensembleLoss);
        averaged.x.push_back(p.round);
        averaged.y.push_back(p.averagedModelLoss);
        ensemble.x.push_back(p.round);
        ensemble.y.push_back(p.ensembleLoss);
      }
      result.curves.push_back(std::move(averaged));
      result.curves.push_back(std::move(ensemble));
    }
    result.tables.push_back(std::move(table));
    finishLesson(std::move(result), context);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Experiment> makeConvexityExperiment() {
  return std::make_unique<ConvexityExperiment>();
}

}  // namespace distlab::engine
