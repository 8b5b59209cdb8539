#include "lessons/federated/rule_comparison.h"

#include <cstdio>

#include "cluster/launcher.h"
#include "core/stopwatch.h"
#include "federated/client_rule.h"
#include "lessons/lesson_result.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "telemetry/event_sink.h"

namespace distlab::engine {
namespace {

struct Variant {
  std::string rule, partition;
  const PipelineRunResult* result = nullptr;
  PipelineRunResult own{};  ///< the comparison's runs (the first variant is the lesson's run)
};

}  // namespace

std::vector<ResultTable> compareClientRules(const PartitionMode& rounds, const ModeRun& run) {
  const Spec& spec = run.spec;
  std::vector<Variant> variants;
  variants.push_back({spec.fl.algorithm, spec.cluster.partition, &run.result});
  for (const auto& rule : clientRules().names()) {
    // Under secure aggregation the server never sees one client's control variate (SCAFFOLD).
    const bool hidden =
        spec.privacy.secureAggregation && clientRules().at(rule).usesControlVariates();
    if (rule != spec.fl.algorithm && !hidden) variants.push_back({rule, spec.cluster.partition});
  }
  if (spec.cluster.partition != "shuffle-split") {
    variants.push_back({spec.fl.algorithm, "shuffle-split"});
  }
  const int parts = static_cast<int>(variants.size()) - 1;
  for (std::size_t v = 1; v < variants.size(); ++v) {
    Variant& variant = variants[v];
    Spec other = spec;
    other.fl.algorithm = variant.rule;
    other.cluster.partition = variant.partition;
    run.context.events.record(LessonStage{steadyNowNs(), spec.experiment, static_cast<int>(v) - 1,
                                          parts,
                                          {{"fl.algorithm", variant.rule},
                                           {"cluster.partition", variant.partition}},
                                          spec.cluster.workers});
    variant.own = runPipeline({rounds, other, selfExecutablePath(), run.token, nullptr,
                               run.data.train.size(), &run.data.test, 0, true});
    variant.result = &variant.own;
  }
  ResultTable summary{"comparison", {texts("rule"), texts("data"), numbers("test_accuracy"),
                                     numbers("test_loss")}};
  ResultTable curves{"comparison_curves",
                     {texts("rule"), texts("data"), numbers("round"), numbers("test_accuracy")}};
  const LossKind loss = lossFromName(spec.training.loss);
  for (const Variant& variant : variants) {
    for (const auto& [round, parameters] : variant.result->checkpoints) {
      std::copy(parameters.begin(), parameters.end(), run.whole.parameters().begin());
      curves.columns[0].texts.push_back(variant.rule);
      curves.columns[1].texts.push_back(variant.partition);
      curves.columns[2].numbers.push_back(static_cast<double>(round));
      curves.columns[3].numbers.push_back(evaluate(run.whole, run.data.test, loss).accuracy);
    }
    const auto& last = variant.result->parameters;
    std::copy(last.begin(), last.end(), run.whole.parameters().begin());
    const auto score = evaluate(run.whole, run.data.test, loss);
    summary.columns[0].texts.push_back(variant.rule);
    summary.columns[1].texts.push_back(variant.partition);
    summary.columns[2].numbers.push_back(score.accuracy);
    summary.columns[3].numbers.push_back(score.loss);
    std::fprintf(stderr, "compared: %s on %s data: test accuracy %.4f\n", variant.rule.c_str(),
                 variant.partition.c_str(), score.accuracy);
  }
  return {std::move(summary), std::move(curves)};
}

}  // namespace distlab::engine
