#include "lessons/federated/privacy_comparison.h"

#include <cstdio>
#include <limits>

#include "aggregate/robust/robust_aggregator.h"
#include "cluster/launcher.h"
#include "core/stopwatch.h"
#include "federated/client_rule.h"
#include "federated/client_sampler.h"
#include "modelpar/pipeline_run.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "telemetry/event_sink.h"

namespace distlab::engine {
namespace {

constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

struct Protection {
  const char* id;
  const char* serverLearns;  ///< each_update | each_noisy_update | sum
  bool secure;
  const char* dp;
  bool homomorphic = false;  ///< Paillier: measured on one round (seconds a client a round)
};

constexpr Protection kProtections[] = {
    {"none", "each_update", false, "none"},
    {"dp-local", "each_noisy_update", false, "local"},
    {"dp-central", "each_update", false, "central"},
    {"secagg", "sum", true, "none"},
    {"secagg-dp-central", "sum", true, "central"},
    {"paillier", "sum", false, "none", true},
};

/// What the spec's other choices allow: secure aggregation hides each update, DP averages them.
bool allowed(const Spec& spec, const Protection& p) {
  const bool judged = !robustAggregators().at(spec.security.aggregator).trustsEveryPush();
  if ((p.secure || p.homomorphic) && (clientRules().at(spec.fl.algorithm).usesControlVariates() ||
                   spec.fl.late == "next" || judged)) {
    return false;
  }
  return std::string_view(p.dp) == "none" || !judged;
}

}  // namespace

ResultTable comparePrivacy(const PartitionMode& rounds, const ModeRun& run) {
  const Spec& spec = run.spec;
  ResultTable table{"privacy_comparison",
                    {texts("protection"), texts("server_learns"), numbers("test_accuracy"),
                     numbers("test_loss"), numbers("epsilon"), numbers("bytes_up_per_client_round"),
                     numbers("bytes_down_per_client_round"), numbers("server_ms_per_round"),
                     numbers("seconds_per_round"), numbers("rounds")}};
  std::vector<const Protection*> todo;
  for (const auto& p : kProtections) {
    if (allowed(spec, p)) todo.push_back(&p);
  }
  const double perRound = clientsPerRound(spec.fl.clients, spec.fl.fraction, spec.fl.minClients,
                                          spec.fl.perRound);
  const LossKind loss = lossFromName(spec.training.loss);
  for (std::size_t v = 0; v < todo.size(); ++v) {
    const Protection& p = *todo[v];
    Spec other = spec;
    other.privacy.secureAggregation = p.secure;
    other.privacy.dp = p.dp;
    other.privacy.homomorphic = p.homomorphic;
    // Paillier takes seconds a client a round: one round shows its costs, not its accuracy
    // (its sum is exact, so its model would be the unprotected one).
    if (p.homomorphic) other.fl.rounds = 1;
    const double roundsRun = other.fl.rounds, clientRounds = roundsRun * perRound;
    run.context.events.record(LessonStage{steadyNowNs(), spec.experiment, static_cast<int>(v),
                                          static_cast<int>(todo.size()), {{"protection", p.id}},
                                          spec.cluster.workers});
    const auto t0 = steadyNowNs();
    const PipelineRunResult r = runPipeline({rounds, other, selfExecutablePath(), run.token,
                                             nullptr, run.data.train.size(), &run.data.test, 0,
                                             false});
    const double seconds = static_cast<double>(steadyNowNs() - t0) * 1e-9;
    std::copy(r.parameters.begin(), r.parameters.end(), run.whole.parameters().begin());
    const auto score = evaluate(run.whole, run.data.test, loss);
    const bool trained = other.fl.rounds == spec.fl.rounds;
    table.columns[0].texts.push_back(p.id);
    table.columns[1].texts.push_back(p.serverLearns);
    const double row[] = {trained ? score.accuracy : kNotMeasured,
                          trained ? score.loss : kNotMeasured,
                          r.epsilon,
                          static_cast<double>(r.bytesFromWorkers) / clientRounds,
                          static_cast<double>(r.bytesToWorkers) / clientRounds,
                          static_cast<double>(r.serverNs) * 1e-6 / roundsRun,
                          seconds / roundsRun,
                          roundsRun};
    for (std::size_t c = 0; c < std::size(row); ++c) table.columns[c + 2].numbers.push_back(row[c]);
    std::fprintf(stderr, "protection %s: test accuracy %.4f, epsilon %.2f, %.0f bytes up a client-round\n",
                 p.id, score.accuracy, r.epsilon, row[3]);
  }
  return table;
}

}  // namespace distlab::engine
