// Ensembles and the lecture's convexity argument, on real models and real data.
#include <cmath>

#include <gtest/gtest.h>

#include "lessons/convexity/convexity_study.h"
#include "aggregate/ensemble.h"
#include "core/spec.h"
#include "data/load.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/optimizer.h"

namespace distlab::engine {
namespace {

Spec blobsSpec(std::uint64_t seed) {
  return loadSpecText(R"({"seed": )" + std::to_string(seed) + R"(,
    "dataset": {"name": "blobs", "samples": 600, "classes": 4, "noise": 1.5},
    "model": {"arch": "mlp", "hidden": [16], "activation": "tanh"},
    "training": {"batch_size": 32, "lr": 0.1}})");
}

TEST(EnsembleTest, ThePredictionIsTheMeanOfTheMembersSoftmaxOutputs) {
  const TrainTest data = loadDataset(blobsSpec(1).dataset, 1);
  Model a = buildModelFor(blobsSpec(1), data.train), b = buildModelFor(blobsSpec(2), data.train);
  std::vector<std::size_t> rows = {0, 1, 2, 3, 4, 5, 6, 7};
  Matrix x, targets;
  std::vector<int> labels;
  gatherBatch(data.test, rows, x, labels, targets);
  Model* members[] = {&a, &b};
  const Matrix p = ensembleProbabilities(members, x);
  const Matrix la = a.forward(x), lb = b.forward(x);
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    double za = 0, zb = 0;
    for (Eigen::Index r = 0; r < la.rows(); ++r) {
      za += std::exp(static_cast<double>(la(r, c)));
      zb += std::exp(static_cast<double>(lb(r, c)));
    }
    for (Eigen::Index r = 0; r < la.rows(); ++r) {
      const double expected = 0.5 * (std::exp(static_cast<double>(la(r, c))) / za +
                                     std::exp(static_cast<double>(lb(r, c))) / zb);
      EXPECT_NEAR(p(r, c), expected, 1e-6);
    }
    EXPECT_NEAR(p.col(c).sum(), 1.0, 1e-5);
  }
}

TEST(EnsembleTest, TheEnsemblesCrossEntropyIsAtMostTheMembersMean) {
  // Jensen: -log is convex, so -log(mean p) <= mean(-log p), for trained and untrained models.
  const TrainTest data = loadDataset(blobsSpec(1).dataset, 1);
  std::vector<Model> models;
  for (std::uint64_t s = 1; s <= 3; ++s) models.push_back(buildModelFor(blobsSpec(s), data.train));
  Matrix x, targets, dOut;
  std::vector<int> labels;
  std::vector<std::size_t> rows(32);
  for (std::size_t m = 0; m < models.size(); ++m) {  // a few steps each, on different rows
    auto optimizer = makeOptimizer(blobsSpec(1).training);
    for (int step = 0; step < 20 * static_cast<int>(m); ++step) {
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = (step * 32 + i + m * 97) % data.train.size();
      gatherBatch(data.train, rows, x, labels, targets);
      computeLoss(LossKind::CrossEntropy, models[m].forward(x), {labels, nullptr}, &dOut);
      models[m].backward(dOut);
      optimizer->step(models[m].parameters(), models[m].gradients());
    }
  }
  std::vector<std::size_t> test(data.test.size());
  for (std::size_t i = 0; i < test.size(); ++i) test[i] = i;
  gatherBatch(data.test, test, x, labels, targets);
  std::vector<Model*> members;
  double mean = 0;
  for (Model& m : models) {
    members.push_back(&m);
    mean += probabilityCrossEntropy(softmaxColumns(m.forward(x)), labels) / 3;
  }
  const double ensemble = probabilityCrossEntropy(ensembleProbabilities(members, x), labels);
  EXPECT_LE(ensemble, mean);
  EXPECT_LT(ensemble, mean - 1e-3);  // the members differ, so the gap is real
}

Spec fashionSpec(const std::string& model) {
  return loadSpecText(R"({"seed": 3,
    "dataset": {"name": "fashion-mnist", "train_limit": 4000, "test_limit": 1000},
    "model": )" + model + R"(,
    "training": {"epochs": 4, "batch_size": 64, "lr": 0.1},
    "cluster": {"workers": 2, "local_steps": 60}})");
}

TEST(EnsembleTest, AveragingMlpsFromDifferentStartsIsFarWorseButFromACommonStartItIsFine) {
  const Spec spec = fashionSpec(R"({"arch": "mlp", "hidden": [64], "activation": "relu", "init": "he"})");
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  const auto different = convexityStudy(spec, data, false);
  const auto common = convexityStudy(spec, data, true);
  ASSERT_EQ(different.size(), 4u);
  ASSERT_EQ(common.size(), 4u);
  // Different random starts: the inequality of the convex case fails, by a wide margin.
  EXPECT_GT(different.back().averagedModelLoss, 1.2 * different.back().meanMemberLoss);
  for (const auto& p : common) {
    EXPECT_LE(p.averagedModelLoss, p.meanMemberLoss + 0.02) << p.round;  // averaging stays fine
  }
  for (const auto* points : {&different, &common}) {
    for (const auto& p : *points) EXPECT_LE(p.ensembleLoss, p.meanMemberLoss) << p.round;
  }
}

TEST(EnsembleTest, ForLogisticRegressionTheAveragedModelIsNeverWorseThanTheMembersMean) {
  const Spec spec = fashionSpec(R"({"arch": "linear", "init": "xavier"})");
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  for (const bool common : {true, false}) {
    for (const auto& p : convexityStudy(spec, data, common)) {
      EXPECT_LE(p.averagedModelLoss, p.meanMemberLoss + 1e-9) << common << " " << p.round;
    }
  }
}

}  // namespace
}  // namespace distlab::engine

#include "aggregate/distillation.h"
#include "core/rng.h"

namespace distlab::engine {
namespace {

TEST(DistillationTest, TheLogitGradientMatchesCentralFiniteDifferences) {
  Rng rng(4);
  Matrix z(5, 3), soft(5, 3);
  for (Eigen::Index i = 0; i < z.size(); ++i) z.data()[i] = static_cast<float>(rng.uniform(-2, 2));
  for (Eigen::Index c = 0; c < 3; ++c) {
    for (Eigen::Index r = 0; r < 5; ++r) soft(r, c) = static_cast<float>(rng.uniform(0.1, 1.0));
    soft.col(c) /= soft.col(c).sum();
  }
  const std::vector<int> labels = {1, 4, 0};
  Matrix gradient;
  distillationLoss(z, soft, labels, 3.0, 0.3, &gradient);
  const float h = 1e-2f;
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    Matrix up = z, down = z;
    up.data()[i] += h;
    down.data()[i] -= h;
    const double numeric = (distillationLoss(up, soft, labels, 3.0, 0.3, nullptr) -
                            distillationLoss(down, soft, labels, 3.0, 0.3, nullptr)) /
                           (2 * h);
    EXPECT_NEAR(gradient.data()[i], numeric, 2e-3 + 1e-2 * std::abs(numeric)) << i;
  }
}

TEST(DistillationTest, TheCompressedModelHasTheLocalSizeAndBeatsARandomOneByFar) {
  const Spec spec = loadSpecText(R"({"seed": 3,
    "dataset": {"name": "fashion-mnist", "train_limit": 4000, "test_limit": 1000},
    "model": {"arch": "mlp", "hidden": [64], "activation": "relu", "init": "he"},
    "training": {"batch_size": 64, "lr": 0.1}})");
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  // Two members trained on the two halves for a while: the ensemble to compress.
  std::vector<float> members;
  for (int m = 0; m < 2; ++m) {
    Model model = buildModelFor(spec, data.train);
    auto optimizer = makeOptimizer(spec.training);
    Matrix x, targets, dOut;
    std::vector<int> labels;
    std::vector<std::size_t> rows(64);
    for (int step = 0; step < 150; ++step) {
      for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i] = static_cast<std::size_t>(m) * 2000 + (static_cast<std::size_t>(step) * 64 + i) % 2000;
      }
      gatherBatch(data.train, rows, x, labels, targets);
      computeLoss(LossKind::CrossEntropy, model.forward(x), {labels, nullptr}, &dOut);
      model.backward(dOut);
      optimizer->step(model.parameters(), model.gradients());
    }
    members.insert(members.end(), model.parameters().begin(), model.parameters().end());
  }
  Model teacher = buildModelFor(spec, data.train);
  Spec other = spec;
  other.seed = 99;  // a fresh random student
  Model student = buildModelFor(other, data.train);
  const double before = evaluate(student, data.test, LossKind::CrossEntropy).accuracy;
  Rng rng(1);
  DistillOptions o;
  o.steps = 150;
  distillEnsemble(teacher, student, members, data.train, o, rng);
  EXPECT_EQ(student.parameterCount() * 2, members.size());  // one member's size, not two
  const double after = evaluate(student, data.test, LossKind::CrossEntropy).accuracy;
  const double ensemble = evaluateEnsemble(teacher, members, data.test).accuracy;
  EXPECT_GT(after, before + 0.4) << before << " -> " << after;
  EXPECT_GT(after, ensemble - 0.08) << "ensemble " << ensemble;
}

}  // namespace
}  // namespace distlab::engine
