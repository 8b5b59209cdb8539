// Property inference on rounds made here: the victim's gradients computed directly on the
// network (not by the attack's code), the server's reading of them from capture folders.
#include <gtest/gtest.h>

#include "../../test_support.h"
#include "attacks/property/property_inference.h"
#include "cluster/push_capture.h"
#include "core/error.h"
#include "core/rng.h"
#include "data/load.h"
#include "lessons/property/property_rounds.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

struct Network {
  Spec spec = loadSpecText(R"({"dataset": {"name": "blobs", "classes": 5, "samples": 3000},
                               "model": {"arch": "mlp", "hidden": [16]}, "seed": 11})");
  TrainTest data = loadDataset(spec.dataset, spec.seed);
  Model model = buildModelFor(spec, data.train);
};

// `count` rounds of a victim with batches of 4 from the training set, its gradient read as
// pushed, plus Gaussian noise of std `noise` (the workers' defense).
std::vector<PropertyRound> victimRounds(Network& s, int count, double noise) {
  Rng rng(21), defense(22);
  std::vector<PropertyRound> rounds;
  const std::vector<float> start(s.model.parameters().begin(), s.model.parameters().end());
  Matrix x, targets, dOut;
  std::vector<int> labels;
  for (int r = 0; r < count; ++r) {
    PropertyRound round;
    round.parameters = start;
    for (auto& p : round.parameters) p += static_cast<float>(rng.normal(0, 0.01));  // training moves them
    std::copy(round.parameters.begin(), round.parameters.end(), s.model.parameters().begin());
    std::vector<std::size_t> rows(4);
    for (auto& row : rows) row = rng.below(s.data.train.size());
    round.hasProperty = batchHasClass(s.data.train, rows, 0);
    gatherBatch(s.data.train, rows, x, labels, targets);
    s.model.zeroGradients();
    computeLoss(LossKind::CrossEntropy, s.model.forward(x), {labels, nullptr}, &dOut);
    s.model.backward(dOut);
    for (const float g : s.model.gradients()) {
      round.observed.push_back(g + static_cast<float>(defense.normal(0, noise)));
    }
    rounds.push_back(std::move(round));
  }
  return rounds;
}

PropertyAttackOptions optionsFor(double noise) {
  PropertyAttackOptions o;
  o.propertyClass = 0;
  o.shadowBatches = 16;
  o.batchSize = 4;
  o.defense = noise > 0 ? "noise" : "none";
  o.defenseStrength = noise;
  o.seed = 3;
  return o;
}

TEST(PropertyInferenceTest, TheLastLayersGradientTellsWhetherTheBatchHeldTheClass) {
  Network s;
  const auto rounds = victimRounds(s, 60, 0.0);
  int with = 0;
  for (const auto& r : rounds) with += r.hasProperty;
  ASSERT_GT(with, 10);  // both kinds of rounds to score
  ASSERT_LT(with, 50);
  const auto result = inferProperty(s.model, s.data.test, rounds, optionsFor(0.0));
  EXPECT_EQ(result.shadowExamples, 60 * 16);
  EXPECT_EQ(result.features, 16 * 5 + 5);  // the output layer's weights and biases
  ASSERT_EQ(result.scores.size(), 60u);
  EXPECT_GT(result.auc, 0.9);
  EXPECT_GT(result.accuracy, 0.8);
}

TEST(PropertyInferenceTest, NoiseOnThePushesDrownsTheProperty) {
  Network s;
  const double clean = inferProperty(s.model, s.data.test, victimRounds(s, 60, 0.0),
                                     optionsFor(0.0)).auc;
  const double noisy = inferProperty(s.model, s.data.test, victimRounds(s, 60, 10.0),
                                     optionsFor(10.0)).auc;
  EXPECT_LT(noisy, clean - 0.2);
}

TEST(PropertyInferenceTest, AClassTheServerHasNoExampleOfIsNamed) {
  Network s;
  auto o = optionsFor(0.0);
  o.propertyClass = 7;
  try {
    inferProperty(s.model, s.data.test, victimRounds(s, 3, 0.0), o);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("privacy.property_class"), std::string::npos);
  }
}

class PropertyRoundsTest : public testing::TempDirTest {
 protected:
  void capture(std::uint64_t version, bool masked, std::vector<float> params,
               std::vector<std::size_t> rows) {
    PushCapture c;
    c.step = version;
    c.baseVersion = version;
    c.masked = masked;
    c.parameters = std::move(params);
    c.gradient = {9, 9, 9};
    c.rows = std::move(rows);
    writePushCapture(path("run/capture-series/step-00000" + std::to_string(version)).string(), c);
  }
};

TEST_F(PropertyRoundsTest, PlainPushesAreReadAsSentAndMaskedOnesFromTheServersStep) {
  Network s;
  std::size_t ofClass0 = 0, other = 0;
  while (s.data.train.labels[ofClass0] != 0) ++ofClass0;
  while (s.data.train.labels[other] == 0) ++other;
  capture(0, false, {1, 2, 3}, {other, ofClass0});
  capture(1, false, {1, 2, 3}, {other});
  auto rounds = readPropertyRounds(path("run").string(), s.data.train, 0, 0.5);
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_TRUE(rounds[0].hasProperty);
  EXPECT_FALSE(rounds[1].hasProperty);
  EXPECT_EQ(rounds[0].observed, (std::vector<float>{9, 9, 9}));

  std::filesystem::remove_all(path("run"));
  capture(4, true, {1, 2, 3}, {ofClass0});
  capture(5, true, {0.5f, 2, 4}, {other});
  capture(7, true, {0, 0, 0}, {other});  // not the next version: no step to read
  capture(8, true, {1, 1, 1}, {other});  // the last: no step after it
  rounds = readPropertyRounds(path("run").string(), s.data.train, 0, 0.5);
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0].observed, (std::vector<float>{1, 0, -2}));  // (p4 - p5) / lr
  EXPECT_TRUE(rounds[0].hasProperty);
  EXPECT_EQ(rounds[1].observed, (std::vector<float>{-2, -2, -2}));  // (p7 - p8) / lr
  EXPECT_EQ(rounds[1].parameters, (std::vector<float>{0, 0, 0}));
}

// Past a million steps the folders' names no longer sort as their steps do: the steps decide.
TEST_F(PropertyRoundsTest, RoundsFollowTheirStepsNotTheirFoldersNames) {
  Network s;
  capture(999999, true, {2, 2, 2}, {0});
  capture(1000000, true, {1, 1, 1}, {0});
  capture(1000001, true, {0, 0, 0}, {0});
  const auto rounds = readPropertyRounds(path("run").string(), s.data.train, 0, 1.0);
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0].parameters, (std::vector<float>{2, 2, 2}));
  EXPECT_EQ(rounds[0].observed, (std::vector<float>{1, 1, 1}));
  EXPECT_EQ(rounds[1].parameters, (std::vector<float>{1, 1, 1}));
}

TEST_F(PropertyRoundsTest, ARunWithoutASeriesIsNamed) {
  Network s;
  try {
    readPropertyRounds(path("nothing").string(), s.data.train, 0, 0.1);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("capture-series"), std::string::npos);
  }
}

}  // namespace
}  // namespace distlab::engine
