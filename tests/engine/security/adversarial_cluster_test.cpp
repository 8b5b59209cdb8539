// Lesson 8b on real clusters: every worker crafts PGD examples on its own batch (adversarial
// training) and the model that comes out resists the attack far better than a plainly trained
// one; the lesson trains each way and measures the robust-accuracy curve.
#include "../cluster/cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

std::string adversarialSpec(const std::string& adversarial, const std::string& experiment) {
  return R"({"name": "adversarial", "seed": 6, "experiment": ")" + experiment + R"(",
    "dataset": {"name": "fashion-mnist", "train_limit": 3000, "test_limit": 400},
    "model": {"arch": "mlp", "hidden": [32]},
    "training": {"epochs": 10, "batch_size": 50, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 20, "heartbeat_ms": 100,
                "peer_timeout_ms": 5000},
    "adversarial": {)" +
         adversarial + "}}";
}

class AdversarialClusterTest : public ClusterRunTest {
 protected:
  /// `listens`: a cluster trains (its coordinator prints its port); an attack on a run folder
  /// starts none.
  void runToEnd(const std::string& spec, bool listens = true) {
    auto run = start(spec);
    if (listens) {
      ASSERT_GT(run->waitForPort(), 0) << log();
    }
    ASSERT_EQ(run->wait(180s), 0) << log();
  }
};

// The lesson, whole: the live run trains with pgd, then none and input-gradient; each model is
// attacked at every radius. Adversarial training must beat plain training under attack by a
// wide margin, and every model loses accuracy as the budget grows.
TEST_F(AdversarialClusterTest, AdversarialTrainingOnTheClusterResistsPgd) {
  runToEnd(adversarialSpec(R"("epsilon": 0.1, "epsilons": [0, 0.05, 0.1], "test_images": 400,
                              "training": "pgd", "train_steps": 5, "compare": true)",
                           "adversarial"));
  const auto rows = csvRows(out() + "/adversarial_summary.csv");
  ASSERT_EQ(rows.size(), 4u);  // header, pgd (live), none, input-gradient
  EXPECT_EQ(rows[1][0], "pgd");
  EXPECT_EQ(rows[2][0], "none");
  EXPECT_EQ(rows[3][0], "input-gradient");
  const double pgdClean = std::stod(rows[1][1]), pgdRobust = std::stod(rows[1][2]);
  const double plainClean = std::stod(rows[2][1]), plainRobust = std::stod(rows[2][2]);
  EXPECT_GT(plainClean, 0.6);
  EXPECT_LT(plainRobust, 0.25);              // a plain model falls to PGD at 0.1
  EXPECT_GT(pgdRobust, plainRobust + 0.15);  // the adversarially trained one holds
  EXPECT_LT(pgdClean, plainClean + 0.02);    // at some cost on clean data (or none)
  // The curve: falling with epsilon for every model.
  const auto curve = csvRows(out() + "/robustness.csv");
  ASSERT_EQ(curve.size(), 1u + 3u * 3u);
  for (std::size_t model = 0; model < 3; ++model) {
    const auto at = [&](std::size_t e) { return std::stod(curve[1 + model * 3 + e][2]); };
    EXPECT_GE(at(0), at(1));
    EXPECT_GE(at(1), at(2));
  }
  // The examples: the budget kept exactly, the picture written.
  const auto examples = csvRows(out() + "/adversarial_examples.csv");
  ASSERT_GT(examples.size(), 1u);
  for (std::size_t i = 1; i < examples.size(); ++i) EXPECT_LE(std::stod(examples[i][6]), 0.1);
  EXPECT_TRUE(std::filesystem::exists(out() + "/adversarial_examples.png"));
  // The workers trained on crafted batches: slower than the plain run.
  EXPECT_GT(std::stod(rows[1][4]), std::stod(rows[2][4]));
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

// A model trained before is attacked from its run folder: no training, and at epsilon 0 the
// attack's "clean" accuracy is exactly the run's own last test accuracy (the same test images,
// the same parameters), an independent check of the loading.
TEST_F(AdversarialClusterTest, AModelFromARunFolderIsAttackedAsItWasTrained) {
  runToEnd(adversarialSpec(R"("training": "none")", "cluster"));
  const auto trainedEvents = events();
  const double trainedAccuracy = lastAccuracy(trainedEvents);
  const std::string trainedRun = path("trained").string();
  std::filesystem::rename(out(), trainedRun);
  runToEnd(adversarialSpec(
               R"("epsilons": [0, 0.1], "test_images": 400, "attack_run": ")" + trainedRun + R"(")",
               "adversarial"),
           false);
  const auto rows = csvRows(out() + "/adversarial_summary.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], "trained-run");
  EXPECT_NEAR(std::stod(rows[1][1]), trainedAccuracy, 1e-12);
  EXPECT_LT(std::stod(rows[1][2]), trainedAccuracy - 0.3);
  // No cluster ran: no worker joined.
  EXPECT_TRUE(workerStates(events(), WorkerStatus::Joined).empty());
  // A folder without a model: one line naming the field.
  auto bad = start(adversarialSpec(R"("attack_run": "/nonexistent")", "adversarial"));
  EXPECT_NE(bad->wait(60s), 0);
  EXPECT_NE(log().find("adversarial.attack_run"), std::string::npos) << log();
}

}  // namespace
}  // namespace distlab::engine
