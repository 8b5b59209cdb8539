#include "lessons/federated/federated_rounds.h"

#include <algorithm>

#include "core/stopwatch.h"
#include "federated/client_conditions.h"
#include "federated/client_sampler.h"
#include "lessons/federated/federated_clients.h"
#include "lessons/federated/federated_server.h"
#include "lessons/federated/federated_worker.h"
#include "lessons/federated/privacy_comparison.h"
#include "lessons/federated/rule_comparison.h"
#include "lessons/lesson_result.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

class FederatedRounds final : public PartitionMode {
 public:
  std::string_view name() const override { return "federated"; }
  ModelSplit split() const override { return ModelSplit::Pipeline; }  // plan() is empty
  int processes(const Spec& spec) const override { return spec.cluster.workers; }

  bool runProcess(BlockingChannel& coordinator, int rank, const Spec& spec,
                  const std::string& token) const override {
    runFederatedWorker(coordinator, rank, spec, token);
    return true;  // it ends on the coordinator's goodbye
  }

  bool drivesRounds() const override { return true; }
  bool survivesLostProcesses() const override { return true; }  // clients go offline
  int roundsForProgress(const Spec& spec) const override { return spec.fl.rounds; }

  void runRounds(RoundHost& host, const Spec& spec, std::size_t, Model& whole) const override {
    serveFederatedRounds(host, spec, whole);
  }

  std::vector<Event> dataRecords(const Spec& spec, const Dataset& train) const override {
    ClientShares shares;
    shares.timeNs = steadyNowNs();
    shares.classes = train.numClasses;
    const auto classes = static_cast<std::size_t>(std::max(train.numClasses, 0));
    const Partition clients = clientPartition(spec, train);
    shares.counts.assign(clients.rows.size() * classes, 0);
    for (std::size_t c = 0; c < clients.rows.size() && classes > 0; ++c) {
      for (std::size_t row : clients.rows[c]) {
        ++shares.counts[c * classes + static_cast<std::size_t>(train.labels[row])];
      }
    }
    if (spec.fl.speedSigma > 0.0 || !spec.fl.speeds.empty()) {
      const ClientConditions conditions(spec.fl, spec.seed);
      for (int c = 0; c < spec.fl.clients; ++c) shares.slowdowns.push_back(conditions.slowdown(c));
    }
    return {shares};
  }

  bool keepsCheckpoints(const Spec& spec) const override { return spec.fl.compare; }

  std::vector<ResultTable> results(const ModeRun& run) const override {
    std::copy(run.result.parameters.begin(), run.result.parameters.end(),
              run.whole.parameters().begin());
    const auto score = evaluate(run.whole, run.data.test, lossFromName(run.spec.training.loss));
    const auto& fl = run.spec.fl;
    ResultTable t{"federated",
                  {texts("algorithm", {fl.algorithm}),
                   texts("server_optimizer", {fl.serverOptimizer}),
                   numbers("clients"), numbers("clients_per_round"), numbers("rounds"),
                   numbers("test_accuracy"), numbers("test_loss"), numbers("bytes_to_workers"),
                   numbers("bytes_from_workers")}};
    const double row[] = {static_cast<double>(fl.clients),
                          static_cast<double>(clientsPerRound(fl.clients, fl.fraction, fl.minClients, fl.perRound)),
                          static_cast<double>(fl.rounds), score.accuracy, score.loss,
                          static_cast<double>(run.result.bytesToWorkers),
                          static_cast<double>(run.result.bytesFromWorkers)};
    for (std::size_t c = 0; c < std::size(row); ++c) t.columns[c + 2].numbers.push_back(row[c]);
    std::vector<ResultTable> tables{std::move(t)};
    if (fl.compare) {
      for (auto& table : compareClientRules(*this, run)) tables.push_back(std::move(table));
    }
    if (fl.comparePrivacy) tables.push_back(comparePrivacy(*this, run));
    return tables;
  }

  std::string summary(const Spec& spec, const PipelineRunResult& r) const override {
    return "federated: " + std::to_string(spec.fl.clients) + " clients on " +
           std::to_string(spec.cluster.workers) + " workers, " + std::to_string(r.steps) +
           " rounds of " + spec.fl.algorithm + " with " + spec.fl.serverOptimizer;
  }
};

}  // namespace

const PartitionMode& federatedRounds() {
  static const FederatedRounds rounds;
  return rounds;
}

}  // namespace distlab::engine
