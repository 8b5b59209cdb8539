#include "core/strategy_names.h"
#include "lessons/experiment.h"

namespace distlab::engine {

std::unique_ptr<Experiment> makeClusterExperiment();
std::unique_ptr<Experiment> makeAveragingExperiment();
std::unique_ptr<Experiment> makeAggregationExperiment();
std::unique_ptr<Experiment> makeConvexityExperiment();
std::unique_ptr<Experiment> makeInversionExperiment();
std::unique_ptr<Experiment> makeModelParallelExperiment();
std::unique_ptr<Experiment> makeFederatedExperiment();
std::unique_ptr<Experiment> makeSecurityExperiment();
std::unique_ptr<Experiment> makeAdversarialExperiment();

const StrategyRegistry<Experiment>& experiments() {
  static const auto registry = makeRegistry<Experiment>(
      "experiment", {makeClusterExperiment, makeAveragingExperiment, makeAggregationExperiment,
                     makeConvexityExperiment, makeInversionExperiment,
                     makeModelParallelExperiment, makeFederatedExperiment,
                     makeSecurityExperiment, makeAdversarialExperiment});
  return registry;
}

std::vector<std::string> experimentNames() { return experiments().names(); }

std::span<const LessonEntry> lessonCatalogue() {
  static constexpr LessonEntry kLessons[] = {
      {"default", "cluster"},
      {"lesson1-averaging", "averaging"},
      {"lesson2-data-partitioning", "cluster"},
      {"lesson3-model-partitioning", "model_parallel"},
      {"lesson3-tensor-split", "model_parallel"},
      {"lesson3-skeleton", "model_parallel"},
      {"lesson4-straggler", "cluster"},
      {"lesson5-aggregation", "aggregation"},
      {"lesson5-convexity", "convexity"},
      {"lesson6-federated", "federated"},
      {"lesson7-privacy", "inversion"},
      {"lesson8-poisoning", "security"},
      {"lesson8-adversarial", "adversarial"},
  };
  return kLessons;
}

}  // namespace distlab::engine
