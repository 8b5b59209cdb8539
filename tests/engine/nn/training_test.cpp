#include <cstring>
#include <numeric>

#include <gtest/gtest.h>

#include "core/spec.h"
#include "data/load.h"
#include "nn/dense.h"
#include "nn/trainer.h"

namespace distlab::engine {
namespace {

Spec fashionMlpSpec() {
  Spec spec;
  spec.dataset.trainLimit = 5000;
  spec.dataset.testLimit = 2000;
  spec.training.epochs = 10;
  spec.training.dropLast = true;  // 5000 = 78 * 64 + 8: no 8-example step before each evaluation
  return spec;
}

TEST(TrainingTest, MlpLearnsFashionMnistSubsetAbove80Percent) {
  const Spec spec = fashionMlpSpec();
  Trainer trainer(spec, loadDataset(spec.dataset, spec.seed));
  const auto reports = trainer.run();
  ASSERT_EQ(reports.size(), 10u);
  EXPECT_GT(reports.back().test.accuracy, 0.80);
  EXPECT_LT(reports.back().trainLoss, reports.front().trainLoss);
  EXPECT_EQ(reports.back().step, 10 * (5000 / 64));
  // The confusion matrix accounts for every test example.
  long long total = 0;
  for (const auto& row : reports.back().test.confusion)
    total += std::accumulate(row.begin(), row.end(), 0LL);
  EXPECT_EQ(total, 2000);
}

TEST(TrainingTest, SameSpecAndSeedGiveBitIdenticalParameters) {
  for (const char* arch : {"mlp", "lenet5"}) {
    Spec spec = fashionMlpSpec();
    spec.model.arch = arch;
    spec.dataset.trainLimit = 1000;
    spec.dataset.testLimit = 100;
    spec.training.epochs = 2;
    spec.training.optimizer = "adam";
    spec.training.lr = 1e-3;
    const TrainTest data = loadDataset(spec.dataset, spec.seed);
    Trainer first(spec, data), second(spec, data);
    first.run();
    second.run();
    ASSERT_EQ(first.model().parameterCount(), second.model().parameterCount());
    EXPECT_EQ(0, std::memcmp(first.model().parameters().data(), second.model().parameters().data(),
                             first.model().parameterCount() * sizeof(float)))
        << arch;
    spec.seed = 2;
    Trainer other(spec, data);
    other.run();
    EXPECT_NE(0, std::memcmp(first.model().parameters().data(), other.model().parameters().data(),
                             first.model().parameterCount() * sizeof(float)))
        << arch;
  }
}

TEST(TrainingTest, FullBatchGradientDescentReachesTheLeastSquaresLine) {
  // The lecture's height/weight regression: gradient descent on the MSE must land on the
  // closed-form least-squares fit of the same (standardised) training data.
  Spec spec;
  spec.dataset.name = "height-weight";
  spec.dataset.normalize = "standardize";
  spec.model.arch = "linear";
  spec.training.loss = "mse";
  spec.training.lr = 0.1;
  spec.training.epochs = 300;
  TrainTest data = loadDataset(spec.dataset, spec.seed);
  spec.training.batchSize = static_cast<int>(data.train.size());
  const auto& x = data.train.x;
  const auto& y = data.train.targets;
  const double n = static_cast<double>(data.train.size());
  double mx = 0, my = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    mx += x(i, 0);
    my += y(i, 0);
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    sxy += (x(i, 0) - mx) * (y(i, 0) - my);
    sxx += (x(i, 0) - mx) * (x(i, 0) - mx);
  }
  const double slope = sxy / sxx, intercept = my - slope * mx;

  Trainer trainer(spec, std::move(data));
  trainer.run();
  auto& dense = static_cast<Dense&>(*trainer.model().layers()[0]);
  EXPECT_NEAR(dense.weights()(0, 0), slope, 1e-3 * std::abs(slope));
  EXPECT_NEAR(dense.bias()[0], intercept, 1e-3 * std::abs(intercept));
}

TEST(TrainingTest, AdamSeparatesTwoSpirals) {
  Spec spec;
  spec.dataset.name = "spirals";
  spec.dataset.samples = 1000;
  spec.dataset.noise = 0.05;
  spec.model.hidden = {64, 64};
  spec.model.activation = "tanh";
  spec.training.optimizer = "adam";
  spec.training.lr = 0.01;
  spec.training.batchSize = 32;
  spec.training.epochs = 60;
  Trainer trainer(spec, loadDataset(spec.dataset, spec.seed));
  const auto reports = trainer.run();
  EXPECT_GT(reports.back().test.accuracy, 0.9);
}

}  // namespace
}  // namespace distlab::engine
