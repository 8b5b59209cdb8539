// Real clusters on loopback running the lessons: lesson 1's averaging on the cluster, lesson 2's
// sampling, lesson 5's four methods and the default lesson's accuracy.
#include <cmath>

#include "cluster_fixture.h"
#include "lessons/averaging/averaging_lesson.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

// Lesson 1 on the real cluster: 2 workers, each batch its whole half of the 100 people, 3 steps.
// BSP must follow 3 steps of the lesson's gradient averaging, local SGD with tau = 3 the lesson's
// model averaging (float on the wire vs double in the lesson).
TEST_F(ClusterRunTest, TheClusterFollowsLessonOnesGradientAndModelAveraging) {
  const std::string lesson = R"({"name": "lesson 1 on the cluster", "seed": 11,
    "dataset": {"name": "height-weight", "samples": 125, "noise": 0.5},
    "model": {"arch": "linear"},
    "training": {"epochs": 3, "batch_size": 50, "lr": 0.1, "loss": "mse", "shuffle": false},
    "cluster": {"workers": 2, "reshuffle_every": 100, "eval_every": 1000, "heartbeat_ms": 100,
                "peer_timeout_ms": 3000, )";
  std::map<std::string, Line> result;
  for (const std::string sync : {"bsp", "local-sgd"}) {
    auto run = start(lesson + R"("sync": ")" + sync + R"(", "local_steps": 3}})");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    std::ifstream in(out() + "/params.f32", std::ios::binary);
    float params[2] = {0, 0};  // the dense layer's weight (b), then its bias (a)
    in.read(reinterpret_cast<char*>(params), sizeof params);
    ASSERT_TRUE(in.good());
    result[sync] = {params[1], params[0]};
  }
  // The lesson's computation on the same halves from the same initial model.
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  Model model = buildModelFor(m_spec, data.train);
  ASSERT_EQ(model.parameterCount(), 2u);
  std::vector<Points> clients(2);
  for (int k = 0; k < 2; ++k) {
    WorkerSchedule schedule(m_spec, data.train, k);
    ASSERT_EQ(schedule.totalSteps(), 3u);
    for (const auto row : schedule.batch(0)) {
      clients[k].height.push_back(data.train.x(row, 0));
      clients[k].weight.push_back(data.train.targets(row, 0));
    }
  }
  AveragingOptions o;
  o.start = {model.parameters()[1], model.parameters()[0]};
  o.lr = 0.1;
  o.rounds = 1;
  o.localSteps = 3;
  const AveragingRun lesson1 = runAveraging(clients, o);
  auto distance = [](const Line& x, const Line& y) { return std::hypot(x.a - y.a, x.b - y.b); };
  const Line& ga = lesson1.gradientAveraging[1];
  const Line& ma = lesson1.modelAveraging[1];
  // Each run lands on its own method's result, ten times closer than the methods are apart.
  const double apart = distance(ga, ma);
  EXPECT_LT(distance(result["bsp"], ga), apart / 10) << apart;
  EXPECT_LT(distance(result["local-sgd"], ma), apart / 10) << apart;
  EXPECT_LT(distance(result["bsp"], ga), 1e-4 * std::hypot(ga.a, ga.b));
}

// Lesson 5 at small size: four real clusters, one per aggregation method, and their curves.
TEST_F(ClusterRunTest, LessonFiveRunsAllFourAggregationMethodsAndWritesTheirCurves) {
  auto run = start(R"({"name": "lesson 5 small", "seed": 2, "experiment": "aggregation",
    "dataset": {"name": "fashion-mnist", "train_limit": 2000, "test_limit": 500},
    "model": {"arch": "mlp", "hidden": [32], "activation": "relu", "init": "he"},
    "training": {"epochs": 2, "batch_size": 50, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "local-sgd", "local_steps": 5, "eval_every": 1,
                "distill_steps": 20, "heartbeat_ms": 100, "peer_timeout_ms": 3000}})");
  ASSERT_EQ(run->wait(180s), 0) << log();
  std::map<std::string, int> points;
  const auto curves = csvRows(out() + "/aggregation.csv");
  ASSERT_FALSE(curves.empty());
  EXPECT_EQ(curves[0], (std::vector<std::string>{"method", "round", "epoch", "elapsed_s",
                                                 "test_loss", "test_accuracy", "bytes"}));
  std::map<std::string, double> lastEpoch;
  for (std::size_t r = 1; r < curves.size(); ++r) {
    ++points[curves[r][0]];
    lastEpoch[curves[r][0]] = std::stod(curves[r][2]);
  }
  for (const char* method : {"S-DNN", "MA-DNN", "E-DNN", "EC-DNN"}) {
    EXPECT_GE(points[method], 1) << method;  // asked every round; a busy evaluator skips some
    EXPECT_NEAR(lastEpoch[method], 2.0, 1e-3) << method;  // each curve ends at the budget
  }
  std::map<std::string, std::vector<std::string>> summary;
  for (const auto& row : csvRows(out() + "/aggregation_summary.csv")) summary[row[0]] = row;
  const std::uint64_t model = (784 * 32 + 32 + 32 * 10 + 10);
  EXPECT_EQ(summary["S-DNN"][1], "1");
  EXPECT_EQ(summary["MA-DNN"][3], std::to_string(model));
  EXPECT_EQ(summary["E-DNN"][3], std::to_string(2 * model));  // the ensemble is K models
  EXPECT_EQ(summary["EC-DNN"][3], std::to_string(model));     // compressed back to one
  EXPECT_EQ(std::filesystem::file_size(out() + "/E-DNN/params.f32"), 2 * model * sizeof(float));
  EXPECT_EQ(std::filesystem::file_size(out() + "/EC-DNN/params.f32"), model * sizeof(float));
  for (const auto& [method, row] : summary) {
    if (method != "method") {
      EXPECT_GT(std::stod(row[2]), 0.5) << method;  // they all learn
    }
  }
}

TEST_F(ClusterRunTest, SamplingWithReplacementLeavesAboutOneInEExamplesToNoWorker) {
  auto run = start(smallSpec(R"("workers": 4, "sync": "bsp", "partition": "with-replacement")"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  std::vector<double> unused;
  for (const auto& s : eventsOf<SplitSummary>(events())) unused.push_back(s.unusedFraction);
  ASSERT_EQ(unused.size(), 2u);                          // a new draw every epoch
  for (double u : unused) EXPECT_NEAR(u, 0.3679, 0.06);  // (1 - 1/n)^n, n = 960: sd ~0.016
  EXPECT_NE(unused[0], unused[1]);
}

TEST_F(ClusterRunTest, BspWithFourWorkersReaches84PercentOnFashionMnistInTheDefaultLesson) {
#if defined(DISTLAB_SANITIZED)
  // 439 s on a 2-core machine, at the end of CI's last stage: the README's suite runs it, and
  // the shorter four-worker runs take the same paths under the sanitizers.
  GTEST_SKIP() << "the whole default lesson is left to the Release suite";
#endif
  std::ifstream preset(std::string(DISTLAB_SOURCE_DIR) + "/engine/lessons/cluster/default.json");
  const std::string text((std::istreambuf_iterator<char>(preset)),
                         std::istreambuf_iterator<char>());
  const Spec spec = loadSpecText(text);
  ASSERT_EQ(spec.cluster.workers, 4);
  ASSERT_EQ(spec.cluster.sync, "bsp");
  auto run = start(text);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(1200s), 0) << log();
  std::ifstream csv(out() + "/metrics.csv");
  std::string line, last;
  while (std::getline(csv, line)) last = line;
  std::vector<std::string> fields;
  std::stringstream ss(last);
  for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
  ASSERT_EQ(fields.size(), 10u) << last;
  EXPECT_GE(std::stod(fields[7]), 0.84) << last;
}

}  // namespace
}  // namespace distlab::engine
