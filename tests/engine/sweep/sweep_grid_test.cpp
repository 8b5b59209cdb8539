#include "sweep/sweep_grid.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace distlab::engine {
namespace {

using testing::errorOf;

TEST(SweepGridTest, ListsInBracketsAndTheGridsOrder) {
  const auto hidden = parseVary("model.hidden=[64],[128,64]");
  ASSERT_EQ(hidden.values.size(), 2u);
  EXPECT_EQ(hidden.values[1], nlohmann::json::parse("[128,64]"));
  const auto sync = parseVary("cluster.sync=bsp,asp,ssp");
  const auto base = nlohmann::json::parse(R"({"name": "g", "seed": 10})");
  const auto runs = sweepRuns(base, {hidden, sync}, 2);
  ASSERT_EQ(runs.size(), 12u);
  // The last axis varies fastest, repeats innermost; the seed moves with the repeat.
  EXPECT_EQ(runs[0].spec.model.hidden, (std::vector<int>{64}));
  EXPECT_EQ(runs[0].spec.cluster.sync, "bsp");
  EXPECT_EQ(runs[1].spec.seed, 11u);
  EXPECT_EQ(runs[2].spec.cluster.sync, "asp");
  EXPECT_EQ(runs[6].spec.model.hidden, (std::vector<int>{128, 64}));
  EXPECT_EQ(runs[6].name, "07-model.hidden=_128_64_-cluster.sync=bsp-r0");
}

TEST(SweepGridTest, ProblemsNameTheFieldOrThePoint) {
  EXPECT_NE(errorOf([] { parseVary("training.lr"); }).find("not FIELD=V1,V2"), std::string::npos);
  EXPECT_NE(errorOf([] { parseVary("training.lr=0.1,,0.2"); }).find("an empty value"),
            std::string::npos);
  EXPECT_NE(errorOf([] { parseVary("training.lrr=1"); }).find("did you mean training.lr"),
            std::string::npos);
  const auto lr = parseVary("training.lr=0.1,-1");
  const auto message = errorOf([&] { sweepRuns(nlohmann::json::object(), {lr}, 1); });
  EXPECT_NE(message.find("training.lr=-1"), std::string::npos) << message;
  EXPECT_EQ(message.find("training.lr=0.1:"), std::string::npos) << message;  // that one is fine
}

TEST(SweepGridTest, ProblemsComeTypedForAWindowToTranslate) {
  const auto lr = parseVary("training.lr=0.1,-1");
  const auto sync = parseVary("cluster.sync=bsp,asp");
  const auto problems = sweepProblems(nlohmann::json::object(), {lr, sync});
  ASSERT_EQ(problems.size(), 2u);  // lr=-1 with each sync, once each (not per repeat)
  EXPECT_EQ(problems[0].point, "training.lr=-1-cluster.sync=bsp");
  EXPECT_EQ(problems[0].error.path, "training.lr");
  EXPECT_TRUE(sweepProblems(nlohmann::json::object(), {sync}).empty());
}

}  // namespace
}  // namespace distlab::engine
