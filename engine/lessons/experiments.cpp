#include <algorithm>

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
std::unique_ptr<Experiment> makePropertyExperiment();
std::unique_ptr<Experiment> makeCompressionExperiment();

const StrategyRegistry<Experiment>& experiments() {
  static const auto registry = makeRegistry<Experiment>(
      "experiment", {makeClusterExperiment, makeAveragingExperiment, makeAggregationExperiment,
                     makeConvexityExperiment, makeInversionExperiment,
                     makeModelParallelExperiment, makeFederatedExperiment,
                     makeSecurityExperiment, makeAdversarialExperiment,
                     makePropertyExperiment, makeCompressionExperiment});
  return registry;
}

std::vector<std::string> experimentNames() { return experiments().names(); }

std::vector<std::string> fieldReaders(std::string_view usedBy) {
  std::vector<std::string> readers;
  auto add = [&](std::string name) {
    if (std::find(readers.begin(), readers.end(), name) == readers.end()) readers.push_back(name);
  };
  bool cluster = false;
  for (std::size_t begin = 0; begin < usedBy.size();) {
    const std::size_t end = std::min(usedBy.find(' ', begin), usedBy.size());
    if (end > begin) {
      const std::string name(usedBy.substr(begin, end - begin));
      cluster = cluster || name == "cluster";
      add(name);
    }
    begin = end + 1;
  }
  if (cluster) {
    for (const auto& name : experiments().names()) {
      if (experiments().at(name).trainsCluster()) add(name);
    }
  }
  return readers;
}

std::span<const LessonEntry> lessonCatalogue() {
  static constexpr LessonEntry kLessons[] = {
      {"default", "cluster"},
      {"lesson1-averaging", "averaging"},
      {"lesson2-data-partitioning", "cluster"},
      {"lesson3-model-partitioning", "model_parallel"},
      {"lesson3-tensor-split", "model_parallel"},
      {"lesson3-skeleton", "model_parallel"},
      {"lesson4-straggler", "cluster"},
      {"lesson4-compression", "compression"},
      {"lesson4-ring-allreduce", "cluster"},
      {"lesson5-aggregation", "aggregation"},
      {"lesson5-convexity", "convexity"},
      {"lesson6-federated", "federated"},
      {"lesson6-private", "federated"},
      {"lesson7-privacy", "inversion"},
      {"lesson8-poisoning", "security"},
      {"lesson8-adversarial", "adversarial"},
      {"lesson8-property", "property"},
  };
  return kLessons;
}

}  // namespace distlab::engine
