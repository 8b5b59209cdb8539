#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/spec.h"

namespace distlab::engine {
namespace {

std::vector<SpecError> errorsOf(const std::string& text) {
  Spec spec;
  return parseSpec(text, spec);
}

// The single error a spec produces, as "path: message".
std::string onlyError(const std::string& text) {
  const auto errors = errorsOf(text);
  EXPECT_EQ(errors.size(), 1u) << text;
  return errors.empty() ? "" : errors.front().text();
}

TEST(SpecTest, EmptyObjectGivesTheDefaults) {
  Spec spec;
  ASSERT_TRUE(parseSpec(std::string("{}"), spec).empty());
  EXPECT_EQ(spec.version, 1);
  EXPECT_EQ(spec.dataset.name, "fashion-mnist");
  EXPECT_EQ(spec.model.hidden, (std::vector<int>{256, 128}));
  EXPECT_EQ(spec.training.batchSize, 64);
  EXPECT_DOUBLE_EQ(spec.training.lr, 0.1);
}

TEST(SpecTest, RoundTripJsonSpecJson) {
  Spec spec;
  spec.name = "双客户端 linear";
  spec.seed = 1234567890123ULL;
  spec.dataset.name = "blobs";
  spec.dataset.classes = 5;
  spec.dataset.normalize = "standardize";
  spec.model.hidden = {7, 3};
  spec.model.init = "uniform";
  spec.model.initLow = -0.25;
  spec.model.initHigh = 0.75;
  spec.training.optimizer = "adam";
  spec.training.shuffle = false;
  spec.training.dropLast = true;
  const auto json = specToJson(spec);
  Spec back;
  ASSERT_TRUE(parseSpec(json.dump(), back).empty());
  EXPECT_EQ(specToJson(back), json);
  EXPECT_EQ(back.seed, spec.seed);
  EXPECT_EQ(back.name, spec.name);
  EXPECT_EQ(back.model.hidden, spec.model.hidden);
}

TEST(SpecTest, UnknownKeysAreNamedWithTheAllowedOnes) {
  const auto top = onlyError(R"({"epochs": 3})");
  EXPECT_NE(top.find("epochs: unknown key; allowed keys:"), std::string::npos) << top;
  EXPECT_NE(top.find("training"), std::string::npos) << top;
  const auto nested = onlyError(R"({"training": {"learning_rate": 0.1}})");
  EXPECT_NE(nested.find("training.learning_rate: unknown key"), std::string::npos) << nested;
  EXPECT_NE(nested.find("lr"), std::string::npos) << nested;
  // A misspelt section is guessed first, before fields of that name in other sections.
  const auto section = onlyError(R"({"trainig": {"epochs": 3}})");
  EXPECT_NE(section.find(R"(did you mean "training")"), std::string::npos) << section;
}

struct FieldCase {
  const char* json;
  const char* expected;  // a substring of the error text
};

class SpecFieldErrorTest : public ::testing::TestWithParam<FieldCase> {};

TEST_P(SpecFieldErrorTest, NamesPathValueAndWhatIsAllowed) {
  const auto text = onlyError(GetParam().json);
  EXPECT_NE(text.find(GetParam().expected), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(
    EveryField, SpecFieldErrorTest,
    ::testing::Values(
        FieldCase{R"({"version": 2})", "version: 2 is out of range; allowed: integers from 1 to 1"},
        FieldCase{R"({"name": 5})", "name: 5 has the wrong type (integer); expected a string"},
        FieldCase{R"({"description": false})", "description: false has the wrong type"},
        FieldCase{R"({"seed": -1})", "seed: -1 is out of range; allowed: integers >= 0"},
        FieldCase{R"({"seed": "x"})", "seed: \"x\" has the wrong type (string)"},
        FieldCase{R"({"dataset": 3})",
                  "dataset: 3 has the wrong type (integer); expected an object"},
        FieldCase{R"({"dataset": {"name": "imagenet"}})",
                  "dataset.name: \"imagenet\" is not allowed; allowed values: fashion-mnist, "
                  "mnist, cifar10, height-weight, blobs, spirals"},
        FieldCase{R"({"dataset": {"path": 1}})", "dataset.path: 1 has the wrong type"},
        FieldCase{R"({"dataset": {"train_limit": -5}})",
                  "dataset.train_limit: -5 is out of range; allowed: integers from 0 to 10000000"},
        FieldCase{R"({"dataset": {"test_limit": 1.5}})",
                  "dataset.test_limit: 1.5 has the wrong type (number); expected an integer"},
        FieldCase{
            R"({"dataset": {"normalize": "minmax"}})",
            "dataset.normalize: \"minmax\" is not allowed; allowed values: none, standardize"},
        FieldCase{R"({"dataset": {"samples": -1}})", "dataset.samples: -1 is out of range"},
        FieldCase{R"({"dataset": {"classes": 1}})",
                  "dataset.classes: 1 is out of range; allowed: integers from 2 to 100"},
        FieldCase{R"({"dataset": {"noise": -0.1}})",
                  "dataset.noise: -0.1 is out of range; allowed: >= 0 and <= 100"},
        FieldCase{R"({"dataset": {"test_fraction": 0}})",
                  "dataset.test_fraction: 0 is out of range; allowed: > 0 and <= 0.9"},
        FieldCase{R"({"model": {"arch": "resnet"}})",
                  "model.arch: \"resnet\" is not allowed; allowed values: mlp, lenet5, linear"},
        FieldCase{R"({"model": {"hidden": [256, 0]}})",
                  "model.hidden[1]: 0 is out of range; allowed: integers from 1 to 65536"},
        FieldCase{R"({"model": {"hidden": 256}})", "model.hidden: 256 has the wrong type"},
        FieldCase{R"({"model": {"activation": "gelu"}})",
                  "model.activation: \"gelu\" is not allowed; allowed values: relu, sigmoid, tanh"},
        FieldCase{R"({"model": {"init": "zeros"}})",
                  "model.init: \"zeros\" is not allowed; allowed values: he, xavier, uniform"},
        FieldCase{R"({"model": {"init_range": [1]}})",
                  "model.init_range: [1] is not allowed; expected a list of two numbers"},
        FieldCase{R"({"training": {"epochs": 0}})",
                  "training.epochs: 0 is out of range; allowed: integers from 1 to 100000"},
        FieldCase{R"({"training": {"batch_size": "64"}})",
                  "training.batch_size: \"64\" has the wrong type (string); expected an integer"},
        FieldCase{R"({"training": {"optimizer": "rmsprop"}})",
                  "training.optimizer: \"rmsprop\" is not allowed; allowed values: sgd, adam"},
        FieldCase{R"({"training": {"lr": -1}})",
                  "training.lr: -1 is out of range; allowed: > 0 and <= 100"},
        FieldCase{R"({"training": {"momentum": 1}})", "training.momentum: 1 is out of range"},
        FieldCase{R"({"training": {"weight_decay": 2}})",
                  "training.weight_decay: 2 is out of range"},
        FieldCase{R"({"training": {"beta1": 1}})", "training.beta1: 1 is out of range"},
        FieldCase{R"({"training": {"beta2": -0.5}})", "training.beta2: -0.5 is out of range"},
        FieldCase{R"({"training": {"epsilon": 0}})", "training.epsilon: 0 is out of range"},
        FieldCase{R"({"training": {"loss": "l1"}})",
                  "training.loss: \"l1\" is not allowed; allowed values: cross-entropy, mse"},
        FieldCase{R"({"training": {"shuffle": "yes"}})",
                  "training.shuffle: \"yes\" has the wrong type (string); expected true or false"},
        FieldCase{R"({"training": {"drop_last": 1}})",
                  "training.drop_last: 1 has the wrong type (integer); expected true or false"}));

TEST(SpecTest, CombinationsAreChecked) {
  EXPECT_NE(onlyError(R"({"dataset": {"name": "spirals"}, "model": {"arch": "lenet5"}})")
                .find("model.arch: \"lenet5\" needs an image data set"),
            std::string::npos);
  EXPECT_NE(onlyError(R"({"dataset": {"name": "height-weight"}, "model": {"arch": "linear"}})")
                .find("training.loss: \"cross-entropy\" needs class labels"),
            std::string::npos);
  EXPECT_NE(onlyError(R"({"model": {"init": "uniform", "init_range": [1, -1]}})")
                .find("model.init_range: low must be below high"),
            std::string::npos);
}

TEST(SpecTest, PrivacyCombinationsAreChecked) {
  const std::string workers = R"("cluster": {"workers": 2, "sync": "bsp"})";
  EXPECT_TRUE(errorsOf(R"({"privacy": {"secure_aggregation": true}, )" + workers + "}").empty());
  EXPECT_NE(onlyError(R"({"privacy": {"secure_aggregation": true}, "cluster": {"workers": 2,
                "sync": "asp"}})")
                .find("privacy.secure_aggregation: masks cancel only in the sum of a whole round"),
            std::string::npos);
  EXPECT_NE(onlyError(R"({"experiment": "aggregation", "privacy": {"secure_aggregation": true},
                "cluster": {"workers": 2, "sync": "local-sgd"}})")
                .find("privacy.secure_aggregation: masks a cluster run's pushes"),
            std::string::npos);
  EXPECT_NE(onlyError(R"({"privacy": {"capture_worker": 0}, "cluster": {"workers": 2,
                "sync": "local-sgd"}})")
                .find("privacy.capture_worker: local SGD pushes models"),
            std::string::npos);
  EXPECT_NE(onlyError(R"({"privacy": {"optimizer": "sgd"}})").find("lbfgs, adam"),
            std::string::npos);
}

TEST(SpecTest, EveryProblemIsReportedNotJustTheFirst) {
  const auto errors = errorsOf(R"({"seed": "x", "training": {"lr": 0, "epochs": 0}, "bogus": 1})");
  EXPECT_EQ(errors.size(), 4u);
}

TEST(SpecTest, BadJsonNamesLineAndColumn) {
  const auto text = onlyError("{\n  \"name\": \"x\",\n  oops\n}");
  EXPECT_NE(text.find("not valid JSON at line 3"), std::string::npos) << text;
  // ... and the parser's reason.
  const auto comma = onlyError(R"({"seed": 1,})");
  EXPECT_NE(comma.find("column 12: syntax error"), std::string::npos) << comma;
  EXPECT_NE(comma.find("expected string literal"), std::string::npos) << comma;
  EXPECT_EQ(onlyError(" \n"), "not valid JSON: the file is empty");
}

// A value nested 70,000 deep where a string belongs: one short error, not a stack overflow
// (the message's excerpt of the value was written out whole before it was cut).
TEST(SpecTest, ADeeplyNestedValueIsOneShortError) {
  const std::size_t depth = 70000;
  const auto text =
      onlyError(R"({"name": )" + std::string(depth, '[') + std::string(depth, ']') + "}");
  EXPECT_EQ(text.rfind("name: [[[", 0), 0u) << text.substr(0, 200);
  EXPECT_NE(text.find("wrong type (array)"), std::string::npos) << text.substr(0, 200);
  EXPECT_LT(text.size(), 200u);
  const auto object = onlyError(R"({"description": {"a": {"b": [1, 2, 3]}, "c": "d"}})");
  EXPECT_NE(object.find(R"(description: {"a":{"b":[1,2,3]},"c":"d"} has the wrong type)"),
            std::string::npos)
      << object;
}

TEST(SpecTest, RangesThatDependOnOtherFieldsAreChecked) {
  EXPECT_NE(onlyError(R"({"model": {"init": "uniform", "init_range": [-1e30, 1e30]}})")
                .find("model.init_range: [-1e+30, 1e+30] overflows the first forward pass; "
                      "allowed: bounds from -100 to 100"),
            std::string::npos);
  EXPECT_TRUE(errorsOf(R"({"model": {"init": "uniform", "init_range": [-100, 100]}})").empty());
  EXPECT_NE(onlyError(R"({"cluster": {"bind": "not an address"}})")
                .find("cluster.bind: \"not an address\" is not an IP address"),
            std::string::npos);
  EXPECT_TRUE(errorsOf(R"({"cluster": {"bind": "::1"}})").empty());
  EXPECT_TRUE(errorsOf(R"({"cluster": {"bind": "0.0.0.0"}})").empty());
  EXPECT_NE(onlyError(R"({"privacy": {"capture_worker": 2}, "cluster": {"workers": 2}})")
                .find("privacy.capture_worker: 2 is not a worker; allowed: -1 (none) to 1"),
            std::string::npos);
  EXPECT_TRUE(errorsOf(R"({"privacy": {"capture_worker": 1}, "cluster": {"workers": 2}})").empty());
  const std::string krum = R"({"cluster": {"workers": 7}, "security": {"aggregator": "multi-krum",
      "assumed_attackers": 1, "krum_select": )";
  EXPECT_NE(onlyError(krum + "7}}").find("security.krum_select: 7 picks; allowed: 0 (n - f) to 6"),
            std::string::npos)
      << onlyError(krum + "7}}");
  EXPECT_TRUE(errorsOf(krum + "6}}").empty());
  // A federated run's attackers are client ids, beyond the 64 worker ranks.
  const std::string clients = R"({"experiment": "federated", "fl": {"clients": 100},
      "security": {"attack": "sign-flip", "attackers": )";
  EXPECT_TRUE(errorsOf(clients + "[80]}}").empty()) << onlyError(clients + "[80]}}");
  EXPECT_NE(onlyError(clients + "[100]}}").find("names 100; allowed: 0 to 99"), std::string::npos)
      << onlyError(clients + "[100]}}");
}

// A number no double holds is a problem of the spec, said in one short line: the text of the
// number (here 100,000 digits long) is not echoed back.
TEST(SpecTest, ANumberBeyondADoubleIsOneShortError) {
  const auto text = onlyError(R"({"seed": 1e400})");
  EXPECT_NE(text.find("beyond the range of a double"), std::string::npos) << text;
  const auto huge = onlyError(R"({"seed": 1)" + std::string(100000, '0') + "e400}");
  EXPECT_LT(huge.size(), 200u);
}

TEST(SpecTest, LoadSpecFileThrowsOneLineWithTheFileName) {
  try {
    loadSpecFile("/nonexistent/spec.json");
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/spec.json"), std::string::npos);
  }
  try {
    loadSpecText(R"({"training": {"lr": 0, "epochs": 0}})");
    FAIL() << "no throw";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    EXPECT_NE(what.find("training.lr"), std::string::npos);
    EXPECT_NE(what.find("training.epochs"), std::string::npos);
  }
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(SpecTest, ProblemsAnEditorCanCauseCarryACodeAndTheirValues) {
  Spec spec;
  auto errors = parseSpec(std::string(R"({"dataset": {"name": "blobs"}, "model": {"arch": "lenet5"},
      "cluster": {"workers": 4, "slowdown": [3, 1]}})"),
                          spec);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "lenet5_needs_images");
  EXPECT_EQ(errors[0].args, (std::vector<std::string>{"blobs"}));
  EXPECT_EQ(errors[1].path, "cluster.slowdown");
  EXPECT_EQ(errors[1].code, "per_worker_count");
  EXPECT_EQ(errors[1].args, (std::vector<std::string>{"2", "4"}));
  errors = parseSpec(std::string(R"({"cluster": {"slowdown": [2, 0.5]}})"), spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "cluster.slowdown[1]");
  EXPECT_EQ(errors[0].code, "list_item_out_of_range");
  EXPECT_EQ(errors[0].args.at(0), "0.5");
  errors = parseSpec(std::string(R"({"cluster": {"slowdown": "fast"}})"), spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "not_a_number_list");
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(SpecTest, TheAveragingExperimentNeedsTheLessonsDataAndModel) {
  Spec spec;
  ASSERT_TRUE(parseSpec(std::string(R"({"experiment": "averaging",
      "dataset": {"name": "height-weight"}, "model": {"arch": "linear"},
      "training": {"loss": "mse"}, "cluster": {"partition": "shards"}})"),
                        spec)
                  .empty());
  EXPECT_EQ(spec.experiment, "averaging");
  EXPECT_EQ(specToJson(spec)["experiment"], "averaging");
  const auto errors = errorsOf(R"({"experiment": "averaging", "dataset": {"name": "blobs"}})");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].path, "dataset.name");
  EXPECT_NE(errors[0].message.find("allows: height-weight"), std::string::npos);
  EXPECT_EQ(errors[1].path, "model.arch");
  EXPECT_NE(onlyError(R"({"experiment": "lecture"})").find("allowed values: cluster, averaging"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(SpecTest, AClusterRunDefendsGradientPushesWithPerBufferDefensesOnly) {
  EXPECT_NE(onlyError(R"({"privacy": {"defense": "dp"}})").find("in a cluster run allowed: none, noise"),
            std::string::npos);
  EXPECT_NE(onlyError(R"({"cluster": {"sync": "local-sgd"}, "privacy": {"defense": "noise"}})")
                .find("pushes models"),
            std::string::npos);
  Spec spec;
  EXPECT_TRUE(parseSpec(std::string(R"({"privacy": {"defense": "topk", "defense_strength": 0.9}})"),
                        spec)
                  .empty());
}

}  // namespace
}  // namespace distlab::engine
