#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "nn/gradient_check.h"
#include "nn/loss.h"
#include "nn_test_util.h"

namespace distlab::engine {
namespace {

TEST(CrossEntropyTest, ValuesByHand) {
  Matrix z(3, 2);
  z << 1, 0, 2, 0, 3, 0;
  const std::vector<int> labels = {2, 0};
  // Example 1: log(e + e^2 + e^3) - 3; example 2: uniform logits -> log 3.
  const double first = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3.0;
  EXPECT_NEAR(softmaxCrossEntropy(z, labels, nullptr), (first + std::log(3.0)) / 2, 1e-6);
}

TEST(CrossEntropyTest, HugeLogitsStayFinite) {
  Matrix z(2, 1);
  z << 1000, -1000;
  const std::vector<int> right = {0}, wrong = {1};
  Matrix g;
  EXPECT_NEAR(softmaxCrossEntropy(z, right, &g), 0.0, 1e-6);
  EXPECT_TRUE(g.allFinite());
  EXPECT_NEAR(softmaxCrossEntropy(z, wrong, &g), 2000.0, 1e-3);
  EXPECT_NEAR(g(0, 0), 1.0, 1e-6);
  EXPECT_NEAR(g(1, 0), -1.0, 1e-6);
}

TEST(CrossEntropyTest, GradientMatchesFiniteDifferences) {
  Matrix z = testing::randomMatrix(5, 4, 11, -3, 3);
  const std::vector<int> labels = {0, 4, 2, 2};
  Matrix g;
  softmaxCrossEntropy(z, labels, &g);
  std::vector<double> numeric(static_cast<std::size_t>(z.size()));
  numericalGradient(
      {z.data(), static_cast<std::size_t>(z.size())},
      [&] { return softmaxCrossEntropy(z, labels, nullptr); }, 1e-2f, numeric);
  EXPECT_LT(relativeError({g.data(), static_cast<std::size_t>(g.size())}, numeric), 1e-3);
}

TEST(CrossEntropyTest, RejectsLabelsOutsideTheClasses) {
  Matrix z = Matrix::Zero(3, 1);
  const std::vector<int> bad = {3};
  EXPECT_THROW(softmaxCrossEntropy(z, bad, nullptr), Error);
  const std::vector<int> tooMany = {0, 1};
  EXPECT_THROW(softmaxCrossEntropy(z, tooMany, nullptr), Error);
}

TEST(MseTest, ValueAndGradientByHand) {
  Matrix y(2, 2), t(2, 2);
  y << 1, 2, 3, 4;
  t << 0, 2, 1, 8;
  Matrix g;
  // Differences 1, 0, 2, -4 -> squares 1 + 0 + 4 + 16 = 21 over 4 values.
  EXPECT_DOUBLE_EQ(meanSquaredError(y, t, &g), 21.0 / 4.0);
  EXPECT_FLOAT_EQ(g(0, 0), 2.0f * 1 / 4);
  EXPECT_FLOAT_EQ(g(1, 1), 2.0f * -4 / 4);
}

TEST(MseTest, OneHotTargetsFromLabels) {
  Matrix y(2, 1);
  y << 0.5, 0.5;
  const std::vector<int> labels = {1};
  EXPECT_DOUBLE_EQ(computeLoss(LossKind::MeanSquaredError, y, {labels, nullptr}, nullptr),
                   (0.25 + 0.25) / 2);
  EXPECT_THROW(lossFromName("hinge"), Error);
}

}  // namespace
}  // namespace distlab::engine
