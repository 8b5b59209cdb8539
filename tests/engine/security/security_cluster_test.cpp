// Lesson 8 on real clusters: malicious worker processes attack through the same protocol as
// everyone, and the server's rule decides whether the model survives.
#include "../cluster/cluster_fixture.h"
#include "core/spec_schema.h"
#include "lessons/security/security_outcome.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

std::string poisonSpec(const std::string& security, int workers = 10) {
  return R"({"name": "poison", "seed": 5,
    "dataset": {"name": "fashion-mnist", "train_limit": 6000, "test_limit": 1000},
    "model": {"arch": "mlp", "hidden": [32]},
    "training": {"epochs": 2, "batch_size": 32, "lr": 0.1},
    "cluster": {"workers": )" +
         std::to_string(workers) + R"(, "sync": "bsp", "eval_every": 20,
                "heartbeat_ms": 100, "peer_timeout_ms": 5000},
    "security": {)" +
         security + "}}";
}

class SecurityClusterTest : public ClusterRunTest {
 protected:
  /// A federated run's coordinator takes no connections from outside: no port to wait for.
  std::vector<Event> runToEnd(const std::string& spec, bool listens = true) {
    auto run = start(spec);
    if (listens) {
      EXPECT_GT(run->waitForPort(), 0) << log();
    }
    EXPECT_EQ(run->wait(180s), 0) << log();
    return events();
  }
};

// The issue's claim, measured: with 3 sign-flipping attackers of 10 the mean fails to learn,
// while the median and Krum come within a few points of the run without attackers.
TEST_F(SecurityClusterTest, ThreeSignFlippersOfTenBreakTheMeanButNotMedianOrKrum) {
  const double clean = lastAccuracy(runToEnd(poisonSpec(R"("attack": "none")")));
  ASSERT_GT(clean, 0.6);
  const std::string attack = R"("attack": "sign-flip", "attackers": [1, 4, 8], )";
  const auto mean = runToEnd(poisonSpec(attack + R"("aggregator": "mean")"));
  EXPECT_LT(lastAccuracy(mean), 0.3);
  // The mean trusts everyone: every round judged, nobody flagged.
  const auto meanOutcome = securityOutcome(mean);
  EXPECT_GT(meanOutcome.judgedPushes, 0u);
  EXPECT_EQ(meanOutcome.flagged, 0u);
  const auto median = runToEnd(poisonSpec(attack + R"("aggregator": "median")"));
  EXPECT_GT(lastAccuracy(median), clean - 0.08);
  const auto krum = runToEnd(poisonSpec(attack + R"("aggregator": "krum")"));
  EXPECT_GT(lastAccuracy(krum), clean - 0.08);
  // Krum never picks a flipped push: every attacker's push of every round is excluded, and
  // the flipped pushes point away from the aggregate on the whole.
  const auto verdicts = eventsOf<PushVerdicts>(krum);
  ASSERT_FALSE(verdicts.empty());
  EXPECT_EQ(eventsOf<RunStarted>(krum).front().attackers, (std::vector<int>{1, 4, 8}));
  double attackerCosines = 0, honestCosines = 0;
  for (const auto& v : verdicts) {
    ASSERT_EQ(v.workers.size(), 10u);
    for (std::size_t i = 0; i < v.workers.size(); ++i) {
      const bool attacker = v.workers[i] == 1 || v.workers[i] == 4 || v.workers[i] == 8;
      if (attacker) {
        EXPECT_EQ(v.fates[i], PushFate::Excluded);
      }
      (attacker ? attackerCosines : honestCosines) += v.cosines[i];
    }
  }
  EXPECT_LT(attackerCosines / (3.0 * verdicts.size()), 0.0);
  EXPECT_GT(honestCosines / (7.0 * verdicts.size()), 0.2);
  EXPECT_DOUBLE_EQ(securityOutcome(krum).recall, 1.0);
}

// A backdoor planted by model replacement: the evaluations measure how often a stamped test
// image is taken for the target class; under the mean the boosted backdoor takes hold, and norm
// clipping takes its boost away.
TEST_F(SecurityClusterTest, ABoostedBackdoorIsMeasuredAndClippingBluntsIt) {
  const std::string attack =
      R"("attack": "model-replacement", "attackers": [2], "backdoor_target": 0, )";
  const auto mean = runToEnd(poisonSpec(attack + R"("aggregator": "mean")"));
  const auto evaluations = eventsOf<Evaluation>(mean);
  ASSERT_FALSE(evaluations.empty());
  const double planted = evaluations.back().backdoorSuccess;
  const auto clipped = runToEnd(poisonSpec(attack + R"("aggregator": "norm-clip")"));
  const double blunted = eventsOf<Evaluation>(clipped).back().backdoorSuccess;
  EXPECT_GT(planted, 0.5);
  EXPECT_LT(blunted, planted - 0.2);
  // Without an attack nothing is measured.
  const auto clean = runToEnd(poisonSpec(R"("attack": "none")"));
  EXPECT_DOUBLE_EQ(eventsOf<Evaluation>(clean).back().backdoorSuccess, -1.0);
}

// The lesson as a whole: the live run, then every rule the workers allow against the same
// attack and one clean run, in one table; the detection table marks the attackers.
TEST_F(SecurityClusterTest, TheLessonComparesEveryRuleAgainstTheAttack) {
  auto spec = poisonSpec(R"("attack": "gaussian", "attackers": [0], "aggregator": "multi-krum",
                            "compare": "rules")",
                         5);
  spec.replace(spec.find(R"("name": "poison")"), 16,
               R"("name": "poison", "experiment": "security")");
  const auto ev = runToEnd(spec);
  const auto rows = csvRows(out() + "/security_comparison.csv");
  // Header, the live run, the clean mean, then the 8 rules but the live one and bulyan (f = 1
  // needs 7 workers).
  ASSERT_EQ(rows.size(), 1u + 1u + 1u + 6u);
  EXPECT_EQ(rows[1][0], "gaussian");
  EXPECT_EQ(rows[1][1], "multi-krum");
  EXPECT_EQ(rows[2][0], "none");
  EXPECT_EQ(rows[2][1], "mean");
  for (const auto& row : rows) EXPECT_NE(row[1], "bulyan");
  const auto detection = csvRows(out() + "/detection.csv");
  ASSERT_EQ(detection.size(), 6u);
  EXPECT_EQ(detection[1][1], "1");  // worker 0 attacks
  EXPECT_EQ(detection[2][1], "0");
  // Multi-Krum leaves the Gaussian pushes out, every round.
  EXPECT_EQ(detection[1][3], "0");              // kept
  EXPECT_EQ(detection[1][5], detection[1][2]);  // excluded == judged
  const auto ended = eventsOf<RunEnded>(ev);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended.front().reason, EndReason::Completed);
  ASSERT_EQ(eventsOf<LessonResult>(ev).size(), 1u);
  // Each compared run is announced by the spec settings it changes, which the window names in
  // its language: the clean mean, then the six rules.
  const auto stages = eventsOf<LessonStage>(ev);
  ASSERT_EQ(stages.size(), rows.size() - 2);
  for (std::size_t i = 0; i < stages.size(); ++i) {
    ASSERT_EQ(stages[i].settings.size(), 2u);
    EXPECT_EQ(stages[i].settings[0].field, "security.attack");
    EXPECT_EQ(stages[i].settings[0].value, rows[i + 2][0]);
    EXPECT_EQ(stages[i].settings[1].field, "security.aggregator");
    EXPECT_EQ(stages[i].settings[1].value, rows[i + 2][1]);
    for (const auto& setting : stages[i].settings) {
      EXPECT_NE(distlab::engine::findSpecField(setting.field), nullptr) << setting.field;
    }
    EXPECT_EQ(stages[i].workers, 5);
  }
}

// The same in federated rounds: four of twenty clients flip their updates; the server judges
// each round's sample of twelve by client id. The mean is dragged down, the median holds, and
// Multi-Krum built for f = 4 leaves out every attacker's update.
TEST_F(SecurityClusterTest, FederatedClientsThatAttackAreJudgedByClientId) {
  const auto spec = [](const std::string& rule) {
    return R"({"name": "fl poison", "seed": 4, "experiment": "federated",
      "dataset": {"name": "fashion-mnist", "train_limit": 4000, "test_limit": 500},
      "model": {"arch": "mlp", "hidden": [32]},
      "training": {"batch_size": 20, "lr": 0.05},
      "cluster": {"workers": 2, "partition": "shuffle-split", "heartbeat_ms": 100,
                  "peer_timeout_ms": 5000},
      "fl": {"clients": 20, "fraction": 0.6, "rounds": 15, "local_steps": 5, "eval_every": 5},
      "security": {"attack": "sign-flip", "attackers": [1, 5, 9, 13], "aggregator": ")" +
           rule + R"(", "assumed_attackers": 4}})";
  };
  const auto mean = runToEnd(spec("mean"), false);
  const auto median = runToEnd(spec("median"), false);
  EXPECT_LT(lastAccuracy(mean), 0.45);
  EXPECT_GT(lastAccuracy(median), 0.6);
  const auto krum = runToEnd(spec("multi-krum"), false);
  EXPECT_GT(lastAccuracy(krum), 0.6);
  EXPECT_EQ(eventsOf<RunStarted>(krum).front().attackers, (std::vector<int>{1, 5, 9, 13}));
  const auto rounds = eventsOf<FederatedRound>(krum);
  const auto verdicts = eventsOf<PushVerdicts>(krum);
  ASSERT_EQ(verdicts.size(), 15u);
  std::size_t attackerPushes = 0, excludedAttackers = 0;
  for (std::size_t r = 0; r < verdicts.size(); ++r) {
    // Each verdict covers exactly the round's sampled clients (none late or lost here).
    ASSERT_LT(r, rounds.size());
    auto judged = verdicts[r].workers, sampled = rounds[r].sampled;
    std::sort(judged.begin(), judged.end());
    std::sort(sampled.begin(), sampled.end());
    EXPECT_EQ(judged, sampled) << "round " << r;
    EXPECT_EQ(verdicts[r].update, r + 1);
    for (std::size_t i = 0; i < verdicts[r].workers.size(); ++i) {
      const int c = verdicts[r].workers[i];
      if (c != 1 && c != 5 && c != 9 && c != 13) continue;
      ++attackerPushes;
      excludedAttackers += verdicts[r].fates[i] == PushFate::Excluded;
    }
  }
  ASSERT_GT(attackerPushes, 0u);
  EXPECT_EQ(excludedAttackers, attackerPushes);
}

// A late client's update carried into the next round (fl.late = next) is judged with that
// round's fresh updates: the verdict names it beside the sampled clients.
TEST_F(SecurityClusterTest, CarriedFederatedUpdatesAreJudgedInTheRoundThatUsesThem) {
  const auto ev = runToEnd(R"({"name": "fl late", "seed": 4, "experiment": "federated",
      "dataset": {"name": "fashion-mnist", "train_limit": 2000, "test_limit": 200},
      "model": {"arch": "mlp", "hidden": [16]},
      "training": {"batch_size": 20, "lr": 0.05},
      "cluster": {"workers": 2, "partition": "shuffle-split", "heartbeat_ms": 100,
                  "peer_timeout_ms": 5000},
      "fl": {"clients": 10, "fraction": 0.6, "rounds": 8, "local_steps": 3, "eval_every": 4,
             "speed_sigma": 1.0, "late": "next", "deadline": 1.5},
      "security": {"aggregator": "median"}})",
                           false);
  const auto rounds = eventsOf<FederatedRound>(ev);
  const auto verdicts = eventsOf<PushVerdicts>(ev);
  std::size_t carriedJudged = 0;
  for (const auto& round : rounds) {
    if (!round.applied || round.carried.empty()) continue;
    const auto v = std::find_if(verdicts.begin(), verdicts.end(),
                                [&](const PushVerdicts& p) { return p.update == round.round + 1; });
    ASSERT_NE(v, verdicts.end());
    for (const int c : round.carried) {
      carriedJudged += std::count(v->workers.begin(), v->workers.end(), c) > 0;
    }
  }
  EXPECT_GT(carriedJudged, 0u) << "no round carried a late update";
}

}  // namespace
}  // namespace distlab::engine
