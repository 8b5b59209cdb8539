// Lesson 4b on real clusters: the same training with every update encoding, the bytes each
// pushed counted from the traffic records, and the Pareto front marked.
#include "../cluster/cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

TEST_F(ClusterRunTest, TheCompressionLessonRunsEveryEncodingAndMarksTheFront) {
  auto run = start(R"({"name": "compression", "seed": 4, "experiment": "compression",
    "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
    "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
    "training": {"epochs": 2, "batch_size": 32, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 20, "heartbeat_ms": 100,
                "peer_timeout_ms": 5000, "compress_ratio": 0.05, "sweep_ratios": [0.2]}})");
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto rows = csvRows(out() + "/compression.csv");
  // float32 (live), fp16, int8, topk, topk+ef, randk, qsgd, sign, sign+ef, topk 0.2 + ef
  ASSERT_EQ(rows.size(), 11u) << log();
  EXPECT_EQ(rows[1][0], "float32");
  std::map<std::string, std::vector<std::string>> byRun;
  int front = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    byRun[rows[i][0]] = rows[i];
    front += rows[i][9] == "1";
  }
  for (const char* name : {"fp16", "int8", "topk-0.05", "topk-0.05+ef", "randk-0.05", "qsgd-4",
                           "sign", "sign+ef", "topk-0.2+ef"}) {
    EXPECT_EQ(byRun.count(name), 1u) << name;
  }
  const auto pushed = [&](const char* name) { return std::stod(byRun[name][5]); };
  const auto raw = [&](const char* name) { return std::stod(byRun[name][6]); };
  EXPECT_DOUBLE_EQ(pushed("float32"), raw("float32"));
  EXPECT_NEAR(pushed("fp16") / pushed("float32"), 0.5, 0.05);  // frame headers aside
  EXPECT_LT(pushed("topk-0.05+ef"), pushed("topk-0.2+ef"));
  EXPECT_LT(pushed("topk-0.2+ef"), pushed("fp16"));
  EXPECT_DOUBLE_EQ(raw("topk-0.05"), raw("float32"));  // the same floats stood for
  EXPECT_GT(std::stod(byRun["float32"][7]), 0.7);
  EXPECT_GE(front, 1);
  // The least bytes for the best accuracy is never beaten: the front holds the fewest-bytes run.
  std::string fewest = rows[1][0];
  for (const auto& [name, row] : byRun) {
    if (std::stod(row[5]) < pushed(fewest.c_str())) fewest = name;
  }
  EXPECT_EQ(byRun[fewest][9], "1") << fewest;
}

}  // namespace
}  // namespace distlab::engine
