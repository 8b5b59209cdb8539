// Lesson 6 on real worker processes (`distlab-engine run` on a federated spec): FedAvg against
// full-batch gradient descent computed here, FedProx without its term against FedAvg, and the
// spec problems it reports.
#include <signal.h>

#include <fstream>
#include <iterator>
#include <numeric>
#include <set>

#include "federated_fixture.h"
#include "core/float_file.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

using namespace testing;

std::vector<char> bytesOf(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class FederatedRunTest : public ClusterRunTest {};

// Every client each round, one local step on its whole (equal) share: the weighted mean of the
// clients' models is one step of gradient descent on all 100 examples (lesson 1's identity).
// Computed here for 5 rounds and compared with what the processes did.
TEST_F(FederatedRunTest, FedAvgWithEveryClientAndOneLocalStepIsFullBatchGradientDescent) {
  auto run = start(federatedSpec(R"({"clients": 4, "fraction": 1, "rounds": 5,
                                      "local_steps": 1, "eval_every": 5})"));
  ASSERT_EQ(run->wait(120s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  ASSERT_EQ(data.train.size(), 100u);
  Model model = buildModelFor(m_spec, data.train);
  std::vector<std::size_t> rows(100);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  Matrix x, targets, d;
  std::vector<int> labels;
  gatherBatch(data.train, rows, x, labels, targets);
  for (int round = 0; round < 5; ++round) {
    computeLoss(LossKind::CrossEntropy, model.forward(x), {labels, nullptr}, &d);
    model.backward(d);
    auto w = model.parameters();
    const auto g = model.gradients();
    for (std::size_t i = 0; i < w.size(); ++i) w[i] -= 0.1f * g[i];
  }
  const auto federated = readFloatFile(out() + "/params.f32", model.parameterCount());
  EXPECT_LT(relativeDifference(federated, model.parameters()), 1e-6);
  const auto table = csvRows(out() + "/federated.csv");
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[1][0], "fedavg");
  EXPECT_EQ(table[1][3], "4");  // clients a round
  const auto all = events();
  EXPECT_EQ(eventsOf<Evaluation>(all).size(), 1u);
  // Each round's record: every client sampled, each on its host (client c on process c mod 2).
  const auto rounds = eventsOf<FederatedRound>(all);
  ASSERT_EQ(rounds.size(), 5u);
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    EXPECT_EQ(rounds[r].round, r);
    EXPECT_EQ(rounds[r].available, 4);
    ASSERT_EQ(rounds[r].sampled.size(), 4u);
    ASSERT_EQ(rounds[r].hosts.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(rounds[r].hosts[i], rounds[r].sampled[i] % 2);
    EXPECT_EQ(rounds[r].outcomes, std::vector<ClientOutcome>(4, ClientOutcome::Trained));
    EXPECT_TRUE(rounds[r].applied);
    EXPECT_EQ(rounds[r].samples, 100u);
    // Drift: equal shares of IID data pull the same way, but not exactly.
    ASSERT_EQ(rounds[r].cosines.size(), 4u);
    EXPECT_GT(rounds[r].meanCosine, 0.5);
    EXPECT_LT(rounds[r].meanCosine, 1.0);
    EXPECT_GT(rounds[r].meanNorm, 0.0);
  }
}

// mu = 0 removes FedProx's term: the same rounds to the bit, on non-IID clients, 3 of 10
// sampled each round.
TEST_F(FederatedRunTest, FedProxWithoutItsTermIsFedAvgToTheBit) {
  const char* rounds = R"("clients": 10, "fraction": 0.3, "rounds": 4, "local_steps": 3,
                          "eval_every": 4)";
  auto fedavg = start(federatedSpec(std::string("{") + rounds + R"(, "algorithm": "fedavg"})",
                                    "dirichlet"));
  ASSERT_EQ(fedavg->wait(120s), 0) << log();
  const auto first = bytesOf(out() + "/params.f32");
  std::filesystem::remove_all(out());
  auto fedprox = start(federatedSpec(
      std::string("{") + rounds + R"(, "algorithm": "fedprox", "mu": 0})", "dirichlet"));
  ASSERT_EQ(fedprox->wait(120s), 0) << log();
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(bytesOf(out() + "/params.f32"), first);
  // With its term, FedProx moves the clients less: a different model.
  std::filesystem::remove_all(out());
  auto prox = start(federatedSpec(
      std::string("{") + rounds + R"(, "algorithm": "fedprox", "mu": 1})", "dirichlet"));
  ASSERT_EQ(prox->wait(120s), 0) << log();
  EXPECT_NE(bytesOf(out() + "/params.f32"), first);
}

// fl.compare: the same rounds with the other rules and with IID data, each its own run. With
// mu = 0 FedProx is FedAvg, so its row and curve equal the lesson's run's to the last digit;
// the lesson's row is the run's own score.
TEST_F(FederatedRunTest, TheComparisonRunsEveryRuleAndIidDataOnTheSameSeed) {
  auto run = start(federatedSpec(R"({"clients": 6, "fraction": 0.5, "rounds": 6,
      "local_steps": 3, "mu": 0, "compare": true, "eval_every": 2})", "dirichlet"));
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto summary = csvRows(out() + "/comparison.csv");
  ASSERT_EQ(summary.size(), 5u);  // header, fedavg, fedprox, scaffold, IID fedavg
  EXPECT_EQ(summary[1][0], "fedavg");
  EXPECT_EQ(summary[1][1], "dirichlet");
  EXPECT_EQ(summary[2][0], "fedprox");
  EXPECT_EQ(summary[3][0], "scaffold");
  EXPECT_EQ(summary[4][0], "fedavg");
  EXPECT_EQ(summary[4][1], "shuffle-split");
  const auto federated = csvRows(out() + "/federated.csv");
  EXPECT_EQ(std::stod(summary[1][2]), std::stod(federated[1][5]));  // test accuracy
  EXPECT_EQ(summary[2][2], summary[1][2]);
  EXPECT_EQ(summary[2][3], summary[1][3]);
  const auto curves = csvRows(out() + "/comparison_curves.csv");
  ASSERT_EQ(curves.size(), 1u + 4u * 3u);  // rounds 2, 4, 6 of each
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(curves[1 + i][2], std::to_string(2 * (i + 1)));
    EXPECT_EQ(curves[4 + i][3], curves[1 + i][3]);  // FedProx without its term
  }
  // Only the lesson's run is on the event stream: an evaluation every 2 rounds (the evaluator
  // keeps only the newest of those waiting on a busy machine), the last one at round 6.
  const auto evaluations = eventsOf<Evaluation>(events());
  ASSERT_FALSE(evaluations.empty());
  EXPECT_LE(evaluations.size(), 3u);
  EXPECT_EQ(evaluations.back().update, 6u);
}

// SCAFFOLD and an adaptive server on the processes: they train (chance is 10%).
TEST_F(FederatedRunTest, ScaffoldWithFedAdamTrains) {
  auto run = start(federatedSpec(R"({"clients": 4, "fraction": 0.5, "rounds": 10,
      "local_steps": 4, "algorithm": "scaffold", "server_optimizer": "fedadam",
      "server_lr": 0.05, "eval_every": 10})"));
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto evaluations = eventsOf<Evaluation>(events());
  ASSERT_FALSE(evaluations.empty());
  EXPECT_GT(evaluations.back().testAccuracy, 0.3);
}

// A worker process that hosts clients is killed mid-run: its clients go offline, every later
// round samples among the others, and the run completes; no process is left behind.
TEST_F(FederatedRunTest, AKilledWorkerTakesItsClientsOfflineAndTheRunGoesOn) {
  auto run = start(federatedSpec(R"({"clients": 9, "fraction": 0.5, "rounds": 400,
      "local_steps": 5, "eval_every": 20})", "shuffle-split", 3));
  std::vector<pid_t> pids;
  ASSERT_TRUE(waitUntil(
      [&] {
        pids.clear();
        for (const auto& w : workerStates(events(), WorkerStatus::Joined)) pids.push_back(w.pid);
        return pids.size() == 3 && !eventsOf<Evaluation>(events()).empty();
      },
      60s))
      << log();
  const pid_t victim = workerPid(events(), 1);
  ::kill(victim, SIGKILL);
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto all = events();
  const auto died = workerStates(all, WorkerStatus::Died);
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(died[0].worker, 1);
  // Rounds went on after the death: evaluations after it, up to the last round.
  const auto evaluations = eventsOf<Evaluation>(all);
  ASSERT_FALSE(evaluations.empty());
  EXPECT_EQ(evaluations.back().update, 400u);
  EXPECT_GT(evaluations.back().timeNs, died[0].timeNs);
  // Nothing was sent to the dead process once its death was seen.
  for (const auto& t : eventsOf<Traffic>(all)) {
    if (t.worker == 1 && t.direction == Direction::ToWorker) {
      EXPECT_LT(t.timeNs, died[0].timeNs);
    }
  }
  const auto ended = eventsOf<RunEnded>(all);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::Completed);
  // Its clients (1, 4, 7) were lost in at most the round it died in, and never sampled after.
  int lostRounds = 0;
  for (const auto& r : eventsOf<FederatedRound>(all)) {
    bool lost = false;
    for (std::size_t i = 0; i < r.sampled.size(); ++i) {
      if (r.outcomes[i] != ClientOutcome::Lost) continue;
      lost = true;
      EXPECT_EQ(r.sampled[i] % 3, 1);
    }
    lostRounds += lost;
    if (r.timeNs > died[0].timeNs + 1'000'000'000) {
      EXPECT_EQ(r.available, 6);
      for (int host : r.hosts) EXPECT_NE(host, 1);
    }
  }
  EXPECT_LE(lostRounds, 1);
  EXPECT_EQ(eventsOf<FederatedRound>(all).size(), 400u);
  for (pid_t pid : pids) {
    EXPECT_TRUE(waitUntil([&] { return !processAlive(pid); }, 5s)) << "orphan worker " << pid;
  }
}

TEST(FederatedSpec, ImpossibleSettingsAreRefusedNamingTheField) {
  Spec s;
  s.experiment = "federated";
  s.cluster.workers = 4;
  s.fl.clients = 3;
  s.fl.minClients = 5;
  s.fl.minResults = 4;
  s.fl.perRound = 6;
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& e : validateSpec(s)) found.insert({e.path, e.code});
  EXPECT_TRUE(found.count({"fl.clients", "clients_fewer_than_workers"}));
  EXPECT_TRUE(found.count({"fl.min_clients", "min_clients_exceed_clients"}));
  EXPECT_TRUE(found.count({"fl.min_results", "min_results_exceed_clients"}));
  EXPECT_TRUE(found.count({"fl.per_round", "min_clients_exceed_clients"}));
  Spec parsed;
  const auto errors = parseSpec(R"({"experiment": "federated", "fl": {"fraction": 0}})", parsed);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "fl.fraction");
  const auto alpha = parseSpec(
      R"({"experiment": "federated", "cluster": {"dirichlet_alpha": 0}})", parsed);
  ASSERT_EQ(alpha.size(), 1u);
  EXPECT_EQ(alpha[0].path, "cluster.dirichlet_alpha");
  const auto deadline = parseSpec(
      R"({"experiment": "federated", "fl": {"late": "drop", "deadline": 0}})", parsed);
  ASSERT_EQ(deadline.size(), 1u);
  EXPECT_EQ(deadline[0].path, "fl.deadline");
  const auto late = parseSpec(R"({"experiment": "federated", "fl": {"late": "later"}})", parsed);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].path, "fl.late");
  EXPECT_NE(late[0].message.find("wait"), std::string::npos) << late[0].message;
}

}  // namespace
}  // namespace distlab::engine
