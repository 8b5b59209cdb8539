// Lesson 8c on real clusters: the server keeps every push of the victim worker, infers from each
// whether its batch held a class, and the workers' noise and secure aggregation blunt it.
#include "../../cluster/cluster_fixture.h"
#include "cluster/push_capture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

std::string propertySpec(const std::string& privacy,
                         const std::string& training = R"("epochs": 1, "batch_size": 8)",
                         const std::string& cluster = "") {
  return R"({"name": "property", "seed": 8, "experiment": "property",
    "dataset": {"name": "fashion-mnist", "train_limit": 2400, "test_limit": 1000},
    "model": {"arch": "mlp", "hidden": [32]},
    "training": {"lr": 0.05, )" + training + R"(},
    "cluster": {"workers": 3, "sync": "bsp", "eval_every": 25, "heartbeat_ms": 100,
                "peer_timeout_ms": 5000)" + cluster + R"(},
    "privacy": {)" + privacy + "}}";
}

class PropertyClusterTest : public ClusterRunTest {};

// The lesson, whole: the plain run leaks, noise of std 1 on every push and secure aggregation
// (the server reads only the round's mean) leak much less, and the masks cost no accuracy.
TEST_F(PropertyClusterTest, TheServerTellsTheVictimsBatchesApartUntilTheyAreProtected) {
  auto run = start(propertySpec(R"("capture_worker": 1, "capture_count": 80, "property_class": 0,
                                   "shadow_batches": 32, "defense": "noise",
                                   "sweep_strengths": [1.0])"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto rows = csvRows(out() + "/property_inference.csv");
  ASSERT_EQ(rows.size(), 4u) << log();  // header, none (live), noise-1, secure-aggregation
  EXPECT_EQ(rows[1][0], "none");
  EXPECT_EQ(rows[2][0], "noise-1");
  EXPECT_EQ(rows[3][0], "secure-aggregation");
  const auto value = [&](int row, int column) { return std::stod(rows[row][column]); };
  EXPECT_EQ(value(1, 4), 80);  // every kept push is a round
  EXPECT_EQ(value(3, 4), 79);  // the last masked round has no step after it
  EXPECT_GT(value(1, 5), 0.2);  // both kinds of batches occur
  EXPECT_LT(value(1, 5), 0.8);
  EXPECT_GT(value(1, 6), 0.8);               // AUC of the unprotected pushes
  EXPECT_LT(value(2, 6), value(1, 6) - 0.1);  // noise
  EXPECT_LT(value(3, 6), value(1, 6) - 0.1);  // secure aggregation
  EXPECT_NEAR(value(3, 9), value(1, 9), 0.02);  // masks cancel: the same model
  EXPECT_LT(value(2, 9), value(1, 9));           // noise costs accuracy
  // The server kept one push a round of worker 1 only, announced once; the comparison runs'
  // series were read and removed.
  std::size_t kept = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out() + "/capture-series")) {
    EXPECT_EQ(readPushCapture(entry.path().string()).worker, 1);
    ++kept;
  }
  EXPECT_EQ(kept, 80u);
  EXPECT_EQ(eventsOf<PushCaptured>(events()).size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(out() + "/compare/noise-1/capture-series"));
  EXPECT_TRUE(std::filesystem::exists(out() + "/compare/noise-1/events.jsonl"));
  const auto perRound = csvRows(out() + "/property_rounds.csv");
  EXPECT_EQ(perRound.size(), 81u);
}

std::vector<std::string> problemsOf(const std::string& text) {
  Spec spec;
  std::vector<std::string> out;
  for (const auto& e : parseSpec(text, spec)) out.push_back(e.text());
  return out;
}

void expectOne(const std::vector<std::string>& found, const std::string& start) {
  ASSERT_EQ(found.size(), 1u) << (found.empty() ? "no problem" : found.front());
  EXPECT_EQ(found.front().rfind(start, 0), 0u) << found.front();
}

TEST(PropertySpecTest, WhatTheAttackCannotRunOnIsRefusedNamingTheField) {
  const std::string ok = R"("capture_worker": 0, "capture_count": 20)";
  EXPECT_TRUE(problemsOf(propertySpec(ok)).empty());
  expectOne(problemsOf(propertySpec(R"("capture_worker": 3, "capture_count": 20)")),
            "privacy.capture_worker");
  expectOne(problemsOf(propertySpec(R"("capture_worker": 0, "capture_count": 5)")),
            "privacy.capture_count");
  expectOne(problemsOf(propertySpec(ok, R"("optimizer": "adam")")),
            "training.optimizer");
  expectOne(problemsOf(propertySpec(ok, R"("momentum": 0.9)")),
            "training.momentum");
  expectOne(problemsOf(propertySpec(R"("capture_worker": 0, "capture_count": 20,
                                      "defense": "dp", "defense_strength": 1)")),
            "privacy.defense");
  expectOne(problemsOf(propertySpec(ok, R"("loss": "mse")")), "training.loss");
  // A lossy encoding would break the comparison's masks and what the server reads.
  expectOne(problemsOf(propertySpec(ok, R"("batch_size": 8)", R"(, "encoder": "int8")")),
            "cluster.encoder");
}

TEST_F(PropertyClusterTest, AClassTheDataSetHasNotIsNamed) {
  auto run = start(propertySpec(R"("capture_worker": 0, "capture_count": 10,
                                   "property_class": 12, "sweep_strengths": [])"));
  EXPECT_NE(run->wait(180s), 0);
  EXPECT_NE(log().find("privacy.property_class"), std::string::npos) << log();
}

}  // namespace
}  // namespace distlab::engine
