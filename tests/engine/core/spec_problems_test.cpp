// Every spec problem is a code and one sentence whose %n are its values.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "core/spec.h"
#include "core/spec_problems.h"

namespace distlab::engine {
namespace {

TEST(SpecProblemsTest, CodesAreUniqueAndPlaceholdersRunFromOneWithoutGaps) {
  std::set<std::string_view> codes;
  for (const auto& p : specProblems()) {
    EXPECT_TRUE(codes.insert(p.code).second) << p.code;
    const std::string text(p.text);
    std::set<int> used;
    const std::regex placeholder("%([0-9])");
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
      used.insert(std::stoi((*it)[1]));
    }
    int expected = 1;
    for (const int n : used) EXPECT_EQ(n, expected++) << p.code << ": " << text;
  }
  EXPECT_GT(codes.size(), 40u);
}

TEST(SpecProblemsTest, AProblemFillsItsSentenceWithItsValues) {
  const SpecError e = specProblem("cluster.slowdown", "per_worker_count", {"2", "4"});
  EXPECT_EQ(e.text(),
            "cluster.slowdown: has 2 entries; allowed: none (all workers alike) or one per worker "
            "(4)");
  EXPECT_EQ(e.code, "per_worker_count");
  // A value used twice is filled twice; a missing value leaves its placeholder.
  EXPECT_EQ(fillPlaceholders("%1 of %2, %1", {"a", "b"}), "a of b, a");
  EXPECT_EQ(fillPlaceholders("%1 and %2", {"a"}), "a and %2");
  EXPECT_THROW(specProblem("x", "no_such_problem"), std::logic_error);
}

// The rules between fields: each problem they find carries its code.
TEST(SpecProblemsTest, EveryRuleBetweenFieldsGivesACodedProblem) {
  const char* specs[] = {
      R"({"model": {"arch": "lenet5"}, "dataset": {"name": "blobs"}})",
      R"({"dataset": {"name": "height-weight"}, "model": {"arch": "linear"}})",
      R"({"model": {"init": "uniform", "init_range": [1, -1]}})",
      R"({"dataset": {"name": "blobs", "samples": 3, "classes": 3}})",
      R"({"privacy": {"defense": "topk", "defense_strength": 1}})",
      R"({"privacy": {"secure_aggregation": true}, "cluster": {"sync": "asp", "workers": 1}})",
      R"({"privacy": {"capture_worker": 0}, "cluster": {"sync": "local-sgd"}})",
      R"({"privacy": {"secure_aggregation": true}, "cluster": {"workers": 2, "encoder": "fp16"}})",
      R"({"cluster": {"model_aggregation": "ensemble", "sync": "bsp"}})",
      R"({"cluster": {"workers": 4, "slowdown": [1, 2], "peer_timeout_ms": 100,
                      "heartbeat_ms": 200}})",
      R"({"experiment": "averaging", "dataset": {"name": "blobs"}, "model": {"arch": "mlp"},
          "cluster": {"partition": "dirichlet"}})",
      R"({"experiment": "inversion", "model": {"arch": "linear"}, "privacy": {"images": []}})",
      R"({"cluster": {"error_feedback": true}})",
      R"({"cluster": {"error_feedback": true, "encoder": "topk", "sync": "local-sgd"}})",
      R"({"cluster": {"sync": "allreduce", "encoder": "topk"}, "privacy": {"dp": "local"}})",
      R"({"experiment": "inversion", "cluster": {"sync": "allreduce"}})",
  };
  int problems = 0;
  for (const char* text : specs) {
    Spec spec;
    const auto errors = parseSpec(std::string(text), spec);
    EXPECT_FALSE(errors.empty()) << text;
    for (const auto& e : errors) {
      EXPECT_FALSE(specProblemText(e.code).empty()) << e.text();
      EXPECT_EQ(e.message, fillPlaceholders(specProblemText(e.code), e.args));
      ++problems;
    }
  }
  EXPECT_GE(problems, 17);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

// Error feedback needs something to feed back, and a gradient to add it to.
TEST(SpecProblemsTest, ErrorFeedbackIsRefusedWhereItHasNothingToDo) {
  Spec spec;
  auto errors = parseSpec(R"({"cluster": {"error_feedback": true}})", spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "cluster.error_feedback");
  EXPECT_EQ(errors[0].code, "feedback_needs_lossy");
  errors = parseSpec(R"({"cluster": {"error_feedback": true, "encoder": "sign", "sync": "local-sgd"}})",
                     spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "feedback_needs_gradients");
  EXPECT_TRUE(parseSpec(R"({"cluster": {"error_feedback": true, "encoder": "topk",
                                        "compress_ratio": 0.001}})", spec).empty());
  errors = parseSpec(R"({"cluster": {"encoder": "topk", "compress_ratio": 0}})", spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "cluster.compress_ratio");
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

// Only a process the coordinator started can be started again, and a masked run's dropped-out
// worker cannot come back at all.
TEST(SpecProblemsTest, RestartsAreRefusedWhereNoWorkerCouldBeStartedAgain) {
  Spec spec;
  auto errors = parseSpec(R"({"cluster": {"restarts": 2, "launch_workers": false}})", spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "cluster.restarts");
  EXPECT_EQ(errors[0].code, "restarts_need_launch");
  errors = parseSpec(R"({"cluster": {"restarts": 1, "workers": 3},
                         "privacy": {"secure_aggregation": true}})", spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "restarts_not_secure");
  errors = parseSpec(R"({"cluster": {"restarts": 101}})", spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "cluster.restarts");
  EXPECT_TRUE(parseSpec(R"({"cluster": {"restarts": 3}})", spec).empty());
  EXPECT_EQ(spec.cluster.restarts, 3);
}

}  // namespace
}  // namespace distlab::engine
