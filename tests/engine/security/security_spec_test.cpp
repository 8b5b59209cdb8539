// Lesson 8's spec fields: what cannot run is refused in one line naming the field.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/spec.h"

namespace distlab::engine {
namespace {

// The problems of a spec with this cluster and security section, as "path: message" lines.
std::vector<std::string> problems(const std::string& cluster, const std::string& security,
                                  const std::string& extra = "") {
  Spec spec;
  std::vector<std::string> out;
  for (const auto& e : parseSpec(
           R"({"cluster": {)" + cluster + R"(}, "security": {)" + security + "}" + extra + "}",
           spec)) {
    out.push_back(e.text());
  }
  return out;
}

void expectOne(const std::vector<std::string>& found, const std::string& start) {
  ASSERT_EQ(found.size(), 1u) << (found.empty() ? "no problem" : found.front());
  EXPECT_EQ(found.front().rfind(start, 0), 0u) << found.front();
}

TEST(SecuritySpecTest, AValidAttackAndRuleAreAccepted) {
  EXPECT_TRUE(problems(R"("workers": 10)", R"("attack": "sign-flip", "attackers": [0, 4, 9],
                       "aggregator": "krum")")
                  .empty());
  // Krum at its bound: n = 2f + 3.
  EXPECT_TRUE(
      problems(R"("workers": 7)", R"("aggregator": "krum", "assumed_attackers": 2)").empty());
  EXPECT_TRUE(
      problems(R"("workers": 11)", R"("aggregator": "bulyan", "assumed_attackers": 2)").empty());
}

TEST(SecuritySpecTest, AttackersMustBeAFewRealRanks) {
  expectOne(problems(R"("workers": 4)", R"("attack": "gaussian")"),
            "security.attackers: is empty; the attack \"gaussian\" needs at least one");
  expectOne(problems(R"("workers": 4)", R"("attack": "gaussian", "attackers": [4])"),
            "security.attackers: names 4; allowed: 0 to 3 (worker ranks");
  expectOne(problems(R"("workers": 8)", R"("attack": "gaussian", "attackers": [1, 1])"),
            "security.attackers: names worker 1 twice");
  expectOne(problems(R"("workers": 4)", R"("attack": "gaussian", "attackers": [0, 1])"),
            "security.attackers: 2 of 4 workers are malicious; allowed: fewer than half");
  expectOne(problems(R"("workers": 4)", R"("attack": "bogus", "attackers": [0])"),
            "security.attack: \"bogus\" is not allowed");
}

TEST(SecuritySpecTest, RulesNeedRoundsAndEnoughWorkers) {
  expectOne(problems(R"("workers": 6)", R"("aggregator": "krum", "assumed_attackers": 2)"),
            "security.aggregator: \"krum\" with f = 2 needs at least 7 pushes a round; a round "
            "has 6");
  expectOne(problems(R"("workers": 10)", R"("aggregator": "bulyan", "attackers": [0, 1, 2],
                     "attack": "alie")"),
            "security.aggregator: \"bulyan\" with f = 3 needs at least 15 pushes a round");
  expectOne(problems(R"("workers": 5, "sync": "asp")", R"("aggregator": "median")"),
            "security.aggregator: \"median\" compares a whole round's pushes");
  expectOne(problems(R"("workers": 5)", R"("aggregator": "median")",
                     R"(, "privacy": {"secure_aggregation": true})"),
            "security.aggregator: \"median\" must see each push");
  expectOne(problems(R"("workers": 5, "sync": "local-sgd", "model_aggregation": "ensemble")",
                     R"("aggregator": "median")"),
            "security.aggregator: \"median\" combines pushes into one model");
  // The plain mean goes with everything.
  EXPECT_TRUE(problems(R"("workers": 5, "sync": "asp")", R"("aggregator": "mean")").empty());
}

TEST(SecuritySpecTest, AttacksNeedWhatTheyChange) {
  expectOne(
      problems(R"("workers": 5, "sync": "local-sgd")", R"("attack": "alie", "attackers": [0])"),
      "security.attack: \"alie\" estimates the honest gradient");
  expectOne(problems(R"("workers": 5)", R"("attack": "backdoor", "attackers": [0],
                     "backdoor_target": 10)"),
            "security.backdoor_target: 10 is not a class of the data set; allowed: 0 to 9");
  expectOne(problems(R"("workers": 5)", R"("attack": "label-flip", "attackers": [0])",
                     R"(, "dataset": {"name": "height-weight"}, "model": {"arch": "linear"},
                     "training": {"loss": "mse"})"),
            "security.attack: \"label-flip\" changes class labels");
  expectOne(problems(R"("workers": 5)", R"("attack_strength": -1)"),
            "security.attack_strength: -1 is out of range");
}

// In a federated run the attackers are clients, and a rule is checked against a round's sample.
TEST(SecuritySpecTest, AFederatedRunsAttackersAreClients) {
  const std::string fl = R"(, "experiment": "federated", "fl": {"clients": 20, "fraction": 0.5})";
  EXPECT_TRUE(problems(R"("workers": 2)", R"("attack": "sign-flip", "attackers": [3, 17],
                       "aggregator": "krum", "assumed_attackers": 2)",
                       fl)
                  .empty());
  expectOne(problems(R"("workers": 2)", R"("attack": "sign-flip", "attackers": [20])", fl),
            "security.attackers: names 20; allowed: 0 to 19");
  expectOne(problems(R"("workers": 2)", R"("aggregator": "bulyan", "assumed_attackers": 2)", fl),
            "security.aggregator: \"bulyan\" with f = 2 needs at least 11 pushes a round; a "
            "round has 10");
  expectOne(problems(R"("workers": 2)", R"("attack": "alie", "attackers": [1])", fl),
            "security.attack: \"alie\" estimates the honest gradient");
}

}  // namespace
}  // namespace distlab::engine
