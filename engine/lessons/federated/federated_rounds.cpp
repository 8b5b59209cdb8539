#include "lessons/federated/federated_rounds.h"

#include "core/error.h"
#include "core/stopwatch.h"
#include "federated/client_rule.h"
#include "federated/client_sampler.h"
#include "federated/server_optimizer.h"
#include "lessons/federated/federated_clients.h"
#include "lessons/federated/federated_worker.h"
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
    const auto& fl = spec.fl;
    const std::size_t size = whole.parameterCount();
    const bool scaffold = clientRules().at(fl.algorithm).usesControlVariates();
    const ServerOptimizer& server = serverOptimizers().at(fl.serverOptimizer);
    const ServerOptimizerOptions options{fl.serverLr, fl.beta1, fl.beta2, fl.tau};
    ServerOptimizerState state;
    std::vector<float> control(scaffold ? size : 0, 0.0f), delta(size);
    const int workers = host.processes();
    const auto rounds = static_cast<std::uint64_t>(fl.rounds);
    for (std::uint64_t round = 0; round < rounds; ++round) {
      // The clients of a process that died are offline: the round samples among the others.
      std::vector<int> clients;
      for (int c = 0; c < fl.clients; ++c) {
        if (host.alive(hostOf(c, workers))) clients.push_back(c);
      }
      const int count =
          clientsPerRound(static_cast<int>(clients.size()), fl.fraction, fl.minClients);
      std::vector<std::vector<std::uint32_t>> hosted(static_cast<std::size_t>(workers));
      FederatedRound record{0, round, static_cast<int>(clients.size()),
                            sampleClients(clients, count, spec.seed, round), {}, {}, 0};
      for (int c : record.sampled) {
        record.hosts.push_back(hostOf(c, workers));
        hosted[static_cast<std::size_t>(record.hosts.back())].push_back(
            static_cast<std::uint32_t>(c));
      }
      for (int k = 0; k < workers; ++k) {
        host.send(k, Mask{round, {hosted[static_cast<std::size_t>(k)]}});
        host.send(k, Params{round, {}}, whole.parameters());
        if (scaffold) host.send(k, Params{round, {}}, control);
      }
      const auto pushes = host.collect(round);
      const auto t0 = steadyNowNs();
      std::uint64_t samples = 0;
      std::fill(delta.begin(), delta.end(), 0.0f);
      for (std::size_t i = 0; i < record.sampled.size(); ++i) {
        if (pushes[static_cast<std::size_t>(record.hosts[i])].lost) {
          record.lost.push_back(record.sampled[i]);
        }
      }
      for (const auto& push : pushes) {
        if (push.lost) continue;  // its clients' updates died with it; the round goes on
        if (push.values.size() != (scaffold ? 2 * size : size)) {
          throw Error("a federated worker's update does not fit the model");
        }
        samples += push.samples;
        for (std::size_t i = 0; i < size; ++i) delta[i] += push.values[i];
        for (std::size_t i = 0; i < control.size(); ++i) {
          control[i] += push.values[size + i] / static_cast<float>(fl.clients);
        }
      }
      if (samples > 0) {  // sampled clients without data leave the model as it was
        for (float& d : delta) d /= static_cast<float>(samples);
        server.step(whole.parameters(), delta, state, options);
      }
      host.record(Span{kServerLane, SpanKind::Aggregate, t0, steadyNowNs(), round, 0});
      record.timeNs = steadyNowNs();
      record.samples = samples;
      host.record(record);
      const bool last = round + 1 == rounds;
      if ((round + 1) % static_cast<std::uint64_t>(fl.evalEvery) == 0 || last) {
        host.evaluate(round + 1, whole.parameters(), last);
      }
    }
  }

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
                          static_cast<double>(clientsPerRound(fl.clients, fl.fraction, fl.minClients)),
                          static_cast<double>(fl.rounds), score.accuracy, score.loss,
                          static_cast<double>(run.result.bytesToWorkers),
                          static_cast<double>(run.result.bytesFromWorkers)};
    for (std::size_t c = 0; c < std::size(row); ++c) t.columns[c + 2].numbers.push_back(row[c]);
    return {std::move(t)};
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
