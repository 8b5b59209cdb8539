// Lesson 6's heterogeneity on real worker processes: late clients' updates used a round later
// (checked against the rounds computed here), rounds without results retried and skipped
// without moving the model, and offline and dropped-out clients as the seed says.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "core/float_file.h"
#include "federated/client_conditions.h"
#include "federated_fixture.h"
#include "lessons/federated/federated_clients.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

using namespace testing;

class FederatedFailuresTest : public ClusterRunTest {};

/// One full-batch gradient step of size lr on `rows` from `w`: a client's update w+ - w.
std::vector<float> clientStep(Model& model, const Dataset& train,
                              const std::vector<std::size_t>& rows, std::span<const float> w,
                              float lr) {
  std::copy(w.begin(), w.end(), model.parameters().begin());
  Matrix x, targets, d;
  std::vector<int> labels;
  gatherBatch(train, rows, x, labels, targets);
  computeLoss(LossKind::CrossEntropy, model.forward(x), {labels, nullptr}, &d);
  model.backward(d);
  std::vector<float> update(model.gradients().begin(), model.gradients().end());
  for (float& u : update) u *= -lr;
  return update;
}

// Client 1 is four times slower than the deadline of 2 allows; fl.late = next: round 0 moves
// the model by client 0's update alone, round 1 by client 0's fresh update and client 1's
// update from round 0, weighted by their examples. Computed here and compared.
TEST_F(FederatedFailuresTest, ALateUpdateIsUsedOneRoundLaterOnTheModelItWasTrainedOn) {
  auto run = start(federatedSpec(R"({"clients": 2, "fraction": 1, "rounds": 2, "local_steps": 1,
      "speeds": [1, 4], "late": "next", "deadline": 2, "eval_every": 2})",
                                 "shuffle-split", 2, 50));
  ASSERT_EQ(run->wait(120s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  const Partition clients = clientPartition(m_spec, data.train);
  ASSERT_EQ(clients.rows[0].size(), 50u);
  ASSERT_EQ(clients.rows[1].size(), 50u);
  Model model = buildModelFor(m_spec, data.train);
  const std::vector<float> w0(model.parameters().begin(), model.parameters().end());
  const auto u0 = clientStep(model, data.train, clients.rows[0], w0, 0.1f);
  const auto late = clientStep(model, data.train, clients.rows[1], w0, 0.1f);
  std::vector<float> w1(w0);
  for (std::size_t i = 0; i < w1.size(); ++i) w1[i] += u0[i];
  const auto u1 = clientStep(model, data.train, clients.rows[0], w1, 0.1f);
  std::vector<float> w2(w1);
  for (std::size_t i = 0; i < w2.size(); ++i) w2[i] += 0.5f * (u1[i] + late[i]);
  const auto federated = readFloatFile(out() + "/params.f32", w0.size());
  EXPECT_LT(relativeDifference(federated, w2), 1e-6);

  const auto rounds = eventsOf<FederatedRound>(events());
  ASSERT_EQ(rounds.size(), 2u);
  for (const auto& r : rounds) {
    ASSERT_EQ(r.sampled.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(r.outcomes[i], r.sampled[i] == 1 ? ClientOutcome::LateCarried
                                                 : ClientOutcome::Trained);
    }
    EXPECT_TRUE(r.applied);
  }
  EXPECT_TRUE(rounds[0].carried.empty());
  EXPECT_EQ(rounds[0].samples, 50u);
  EXPECT_EQ(rounds[1].carried, std::vector<int>{1});
  EXPECT_EQ(rounds[1].samples, 100u);
}

// fl.local_epochs: two passes over a client's 50 examples in batches of 50 are two full-batch
// steps on its data; the round averages the two clients' models. Computed here and compared.
TEST_F(FederatedFailuresTest, LocalEpochsArePassesOverTheClientsOwnData) {
  auto run = start(federatedSpec(R"({"clients": 2, "fraction": 1, "rounds": 1,
      "local_epochs": 2, "local_steps": 7, "eval_every": 1})", "shuffle-split", 2, 50));
  ASSERT_EQ(run->wait(120s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  const Partition clients = clientPartition(m_spec, data.train);
  Model model = buildModelFor(m_spec, data.train);
  const std::vector<float> w0(model.parameters().begin(), model.parameters().end());
  std::vector<float> w1(w0.size(), 0.0f);
  for (int c = 0; c < 2; ++c) {
    std::vector<float> w(w0);
    for (int step = 0; step < 2; ++step) {
      const auto u = clientStep(model, data.train, clients.rows[static_cast<std::size_t>(c)], w,
                                0.1f);
      for (std::size_t i = 0; i < w.size(); ++i) w[i] += u[i];
    }
    for (std::size_t i = 0; i < w.size(); ++i) w1[i] += 0.5f * w[i];
  }
  const auto federated = readFloatFile(out() + "/params.f32", w0.size());
  EXPECT_LT(relativeDifference(federated, w1), 1e-6);
}

// fl.batch_sizes: each client its own batch. With one pass each, client 0 (batch 50 of its
// 50 examples) takes one full-batch step, client 1 (batch 25) two steps; the training batch
// of 10 is nobody's. The steps are counted on the timeline, and a run where both take batches
// of 50 equals the full-batch steps computed here.
TEST_F(FederatedFailuresTest, EachClientTrainsWithItsOwnBatchSize) {
  auto run = start(federatedSpec(R"({"clients": 2, "fraction": 1, "rounds": 1,
      "local_epochs": 1, "batch_sizes": [50, 25], "eval_every": 1})", "shuffle-split", 1, 10));
  ASSERT_EQ(run->wait(120s), 0) << log();
  int steps = 0;
  for (const auto& s : eventsOf<Span>(events())) {
    steps += s.lane == 0 && s.kind == SpanKind::Compute;
  }
  EXPECT_EQ(steps, 3);
  std::filesystem::remove_all(out());
  auto same = start(federatedSpec(R"({"clients": 2, "fraction": 1, "rounds": 1,
      "local_epochs": 1, "batch_sizes": [50], "eval_every": 1})", "shuffle-split", 1, 10));
  ASSERT_EQ(same->wait(120s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  const Partition clients = clientPartition(m_spec, data.train);
  Model model = buildModelFor(m_spec, data.train);
  const std::vector<float> w0(model.parameters().begin(), model.parameters().end());
  std::vector<float> w1(w0);
  for (int c = 0; c < 2; ++c) {
    const auto& rows = clients.rows[static_cast<std::size_t>(c)];
    const auto u = clientStep(model, data.train, rows, w0, 0.1f);
    for (std::size_t i = 0; i < w1.size(); ++i) w1[i] += 0.5f * u[i];
  }
  EXPECT_LT(relativeDifference(readFloatFile(out() + "/params.f32", w0.size()), w1), 1e-6);
}

// Twelve clients a process with 0.8 M parameters each are 38 MB of updates, more than the
// 32 MB a part holds: each process sends its round in two frames, and the round is whole.
TEST_F(FederatedFailuresTest, UpdatesLargerThanAFrameArriveInParts) {
  auto run = start(R"({"name": "large updates", "seed": 2, "experiment": "federated",
    "dataset": {"name": "fashion-mnist", "train_limit": 240, "test_limit": 100},
    "model": {"arch": "mlp", "hidden": [1000], "activation": "relu"},
    "training": {"batch_size": 10, "lr": 0.05},
    "cluster": {"workers": 2, "partition": "shuffle-split"},
    "fl": {"clients": 24, "fraction": 1, "rounds": 2, "local_steps": 1, "eval_every": 2}})");
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto all = events();
  const auto rounds = eventsOf<FederatedRound>(all);
  ASSERT_EQ(rounds.size(), 2u);
  for (const auto& r : rounds) {
    EXPECT_EQ(r.outcomes, std::vector<ClientOutcome>(24, ClientOutcome::Trained));
    EXPECT_EQ(r.samples, 240u);
  }
  std::map<int, int> pushes;
  for (const auto& t : eventsOf<Traffic>(all)) {
    if (t.message == MessageType::Push && t.direction == Direction::ToServer) {
      ++pushes[t.worker];
      EXPECT_LT(t.wireBytes, 64u << 20);
    }
  }
  EXPECT_EQ(pushes[0], 4);  // two rounds of two parts
  EXPECT_EQ(pushes[1], 4);
}

// A client of slowdown 6 takes six times as long for the same steps: on the timeline its
// steps' spans are several times those of a client of slowdown 1 hosted by the same process.
TEST_F(FederatedFailuresTest, ASlowClientsStepsTakeLongerOnTheTimeline) {
  auto run = start(R"({"name": "slow client", "seed": 2, "experiment": "federated",
    "dataset": {"name": "fashion-mnist", "train_limit": 200, "test_limit": 100},
    "model": {"arch": "mlp", "hidden": [256], "activation": "relu"},
    "training": {"batch_size": 50, "lr": 0.05},
    "cluster": {"workers": 1, "partition": "shuffle-split"},
    "fl": {"clients": 2, "fraction": 1, "rounds": 4, "local_steps": 5, "speeds": [1, 6],
           "eval_every": 4}})");
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto all = events();
  // The one process trains the sampled clients in the order drawn, five steps each.
  std::vector<int> order;
  for (const auto& r : eventsOf<FederatedRound>(all)) {
    order.insert(order.end(), r.sampled.begin(), r.sampled.end());
  }
  ASSERT_EQ(order.size(), 8u);
  // Each client's median step: a step the busy machine held up does not decide it.
  std::vector<double> steps[2];
  for (const auto& s : eventsOf<Span>(all)) {
    if (s.lane != 0 || s.kind != SpanKind::Compute) continue;
    steps[order.at(s.step / 5)].push_back(static_cast<double>(s.endNs - s.startNs));
  }
  double median[2];
  for (int c = 0; c < 2; ++c) {
    ASSERT_FALSE(steps[c].empty());
    auto middle = steps[c].begin() + static_cast<std::ptrdiff_t>(steps[c].size() / 2);
    std::nth_element(steps[c].begin(), middle, steps[c].end());
    median[c] = *middle;
  }
  EXPECT_GT(median[1], 3.0 * median[0]) << median[0] << " ns against " << median[1];
}

// Every client is slower than the deadline and late updates are dropped: no round gets a
// result. Each is tried three times (two retries) with new samples, then skipped; the run ends
// normally and the model is the one it started from, to the bit.
TEST_F(FederatedFailuresTest, RoundsWithoutResultsAreRetriedThenSkippedAndLeaveTheModel) {
  // Three clients a round by count (the share 0.9 would be five).
  auto run = start(federatedSpec(R"({"clients": 6, "fraction": 0.9, "per_round": 3, "rounds": 3,
      "local_steps": 2, "speeds": [5], "late": "drop", "deadline": 1, "too_few": "retry",
      "retries": 2, "eval_every": 3})"));
  ASSERT_EQ(run->wait(120s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  Model model = buildModelFor(m_spec, data.train);
  const auto federated = readFloatFile(out() + "/params.f32", model.parameterCount());
  ASSERT_EQ(federated.size(), model.parameterCount());
  EXPECT_TRUE(std::equal(federated.begin(), federated.end(), model.parameters().begin()));
  const auto all = events();
  const auto rounds = eventsOf<FederatedRound>(all);
  ASSERT_EQ(rounds.size(), 9u);
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    EXPECT_EQ(rounds[i].round, i / 3);
    EXPECT_EQ(rounds[i].attempt, static_cast<int>(i % 3));
    EXPECT_FALSE(rounds[i].applied);
    EXPECT_EQ(rounds[i].outcomes,
              std::vector<ClientOutcome>(3, ClientOutcome::LateDropped));
  }
  EXPECT_NE(rounds[0].sampled, rounds[1].sampled);  // a retry samples afresh
  const auto ended = eventsOf<RunEnded>(all);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::Completed);
  EXPECT_EQ(eventsOf<Evaluation>(all).size(), 1u);
}

// Clients offline 30% of the rounds and dropping out of 30% of their rounds: the server never
// samples an offline client, a dropped-out client sends nothing, the weights are the examples
// of the clients that answered, and the shares come out near the chances.
TEST_F(FederatedFailuresTest, OfflineAndDroppedOutClientsFollowTheirChances) {
  auto run = start(federatedSpec(R"({"clients": 20, "fraction": 0.5, "rounds": 40,
      "local_steps": 1, "availability": 0.7, "dropout": 0.3, "too_few": "skip",
      "eval_every": 40})",
                                 "dirichlet", 2, 25, 400));
  ASSERT_EQ(run->wait(180s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  const Partition clients = clientPartition(m_spec, data.train);
  const auto rounds = eventsOf<FederatedRound>(events());
  ASSERT_EQ(rounds.size(), 40u);
  double offline = 0, sampled = 0, dropped = 0;
  for (const auto& r : rounds) {
    EXPECT_EQ(r.available + static_cast<int>(r.offline.size()), 20);
    const std::set<int> away(r.offline.begin(), r.offline.end());
    std::uint64_t samples = 0;
    bool answered = false;
    for (std::size_t i = 0; i < r.sampled.size(); ++i) {
      EXPECT_FALSE(away.count(r.sampled[i])) << "offline client " << r.sampled[i] << " sampled";
      if (r.outcomes[i] == ClientOutcome::DroppedOut) {
        ++dropped;
        EXPECT_EQ(r.cosines[i], 0.0);
      } else {
        EXPECT_EQ(r.outcomes[i], ClientOutcome::Trained);
        answered = true;
        samples += clients.rows[static_cast<std::size_t>(r.sampled[i])].size();
      }
    }
    EXPECT_EQ(r.samples, samples);
    EXPECT_EQ(r.applied, answered);
    offline += static_cast<double>(r.offline.size());
    sampled += static_cast<double>(r.sampled.size());
  }
  // 800 online draws and ~280 drop-out draws: within 4.5 standard deviations.
  EXPECT_NEAR(offline / 800.0, 0.3, 4.5 * std::sqrt(0.21 / 800.0));
  EXPECT_NEAR(dropped / sampled, 0.3, 4.5 * std::sqrt(0.21 / sampled));
}

}  // namespace
}  // namespace distlab::engine
