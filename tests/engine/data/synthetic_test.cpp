#include "data/synthetic.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/error.h"

namespace distlab::engine {
namespace {

std::vector<int> classCounts(const Dataset& d) {
  std::vector<int> counts(static_cast<std::size_t>(d.numClasses), 0);
  for (int label : d.labels) ++counts.at(static_cast<std::size_t>(label));
  return counts;
}

bool sameData(const Dataset& a, const Dataset& b) {
  return a.x.view() == b.x.view() && a.targets == b.targets && a.labels == b.labels;
}

TEST(HeightWeightTest, SizesAndShape) {
  Rng rng(1);
  const Dataset d = makeHeightWeight(100, 0.1, rng);
  EXPECT_EQ(d.size(), 100u);
  EXPECT_EQ(d.x.cols(), 1);
  EXPECT_EQ(d.targets.rows(), 100);
  EXPECT_EQ(d.targets.cols(), 1);
  EXPECT_TRUE(d.labels.empty());
  EXPECT_EQ(d.numClasses, 0);
  EXPECT_TRUE(d.isRegression());
  EXPECT_EQ(d.shape, (Shape{1, 1, 1}));
}

TEST(HeightWeightTest, DeterministicForASeed) {
  Rng a(7), b(7), c(8);
  const Dataset da = makeHeightWeight(50, 0.1, a);
  const Dataset db = makeHeightWeight(50, 0.1, b);
  const Dataset dc = makeHeightWeight(50, 0.1, c);
  EXPECT_TRUE(sameData(da, db));
  EXPECT_FALSE(sameData(da, dc));
}

TEST(HeightWeightTest, HeightsAreNormalAroundOneSeventy) {
  Rng rng(3);
  const int n = 10000;
  const Dataset d = makeHeightWeight(n, 0.1, rng);
  const double mean = d.x.view().cast<double>().mean();
  const double var = (d.x.view().cast<double>().array() - mean).square().sum() / n;
  EXPECT_NEAR(mean, 1.70, 5 * 0.08 / std::sqrt(n));
  // The sample variance of n normals has standard error sigma^2 * sqrt(2 / (n - 1)).
  EXPECT_NEAR(var, 0.08 * 0.08, 5 * 0.08 * 0.08 * std::sqrt(2.0 / (n - 1)));
}

TEST(HeightWeightTest, NoiseFreeDataLieOnTheLine) {
  Rng rng(4);
  const Dataset d = makeHeightWeight(200, 0.0, rng);
  for (Eigen::Index i = 0; i < d.x.rows(); ++i) {
    EXPECT_NEAR(d.targets(i, 0), 60.0 * d.x(i, 0) - 35.0, 1e-4);
  }
}

// Ordinary least squares in closed form (b = Sxy / Sxx, a = mean(y) - b mean(x)); the
// tolerances are five standard errors of those estimates, computed from the residuals.
TEST(HeightWeightTest, LeastSquaresRecoversSlopeAndIntercept) {
  Rng rng(2024);
  const int n = 10000;
  const double noise = 0.5;  // weight noise std 5 kg
  const Dataset d = makeHeightWeight(n, noise, rng);
  double meanX = 0, meanY = 0;
  for (int i = 0; i < n; ++i) {
    meanX += d.x(i, 0);
    meanY += d.targets(i, 0);
  }
  meanX /= n;
  meanY /= n;
  double sxx = 0, sxy = 0;
  for (int i = 0; i < n; ++i) {
    const double dx = d.x(i, 0) - meanX;
    sxx += dx * dx;
    sxy += dx * (d.targets(i, 0) - meanY);
  }
  const double slope = sxy / sxx;
  const double intercept = meanY - slope * meanX;
  double sse = 0;
  for (int i = 0; i < n; ++i) {
    const double r = d.targets(i, 0) - (intercept + slope * d.x(i, 0));
    sse += r * r;
  }
  const double s = std::sqrt(sse / (n - 2));
  const double seSlope = s / std::sqrt(sxx);
  const double seIntercept = s * std::sqrt(1.0 / n + meanX * meanX / sxx);
  EXPECT_NEAR(slope, 60.0, 5 * seSlope);
  EXPECT_NEAR(intercept, -35.0, 5 * seIntercept);
  EXPECT_NEAR(s, noise * 10.0, 5 * noise * 10.0 / std::sqrt(2.0 * n));
  // Guards against a vacuous test: the tolerances must be tight enough to mean something.
  EXPECT_LT(5 * seSlope, 5.0);
  EXPECT_LT(5 * seIntercept, 10.0);
}

TEST(BlobsTest, SizesShapeAndBalancedClasses) {
  Rng rng(1);
  const Dataset d = makeBlobs(1003, 4, 0.1, rng);
  EXPECT_EQ(d.size(), 1003u);
  EXPECT_EQ(d.x.cols(), 2);
  EXPECT_EQ(d.shape, (Shape{2, 1, 1}));
  EXPECT_EQ(d.numClasses, 4);
  EXPECT_EQ(d.labels.size(), 1003u);
  EXPECT_EQ(d.targets.size(), 0);
  EXPECT_EQ(classCounts(d), (std::vector<int>{251, 251, 251, 250}));
}

TEST(BlobsTest, ClustersSitOnACircleOfRadiusThree) {
  Rng rng(5);
  const int classes = 5;
  const double noise = 0.2;
  const Dataset d = makeBlobs(5000, classes, noise, rng);
  std::vector<Eigen::Vector2d> sum(classes, Eigen::Vector2d::Zero());
  std::vector<double> sumSquares(classes, 0.0);
  const std::vector<int> counts = classCounts(d);
  for (std::size_t i = 0; i < d.size(); ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    sum[static_cast<std::size_t>(d.labels[i])] += Eigen::Vector2d(d.x(row, 0), d.x(row, 1));
  }
  std::vector<Eigen::Vector2d> centres;
  for (int c = 0; c < classes; ++c) {
    centres.push_back(sum[static_cast<std::size_t>(c)] / counts[static_cast<std::size_t>(c)]);
  }
  for (std::size_t i = 0; i < d.size(); ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    const auto c = static_cast<std::size_t>(d.labels[i]);
    sumSquares[c] += (Eigen::Vector2d(d.x(row, 0), d.x(row, 1)) - centres[c]).squaredNorm();
  }
  const double spread = 0.5 + noise;
  for (int c = 0; c < classes; ++c) {
    const auto k = static_cast<std::size_t>(c);
    EXPECT_NEAR(centres[k].norm(), 3.0, 5 * spread / std::sqrt(counts[k])) << c;
    // Per-axis variance spread^2; two axes.
    EXPECT_NEAR(std::sqrt(sumSquares[k] / (2 * counts[k])), spread, 0.1 * spread) << c;
    for (int other = 0; other < c; ++other) {
      EXPECT_GT((centres[k] - centres[static_cast<std::size_t>(other)]).norm(), 1.0);
    }
  }
}

TEST(BlobsTest, DeterministicForASeed) {
  Rng a(11), b(11), c(12);
  EXPECT_TRUE(sameData(makeBlobs(300, 3, 0.1, a), makeBlobs(300, 3, 0.1, b)));
  Rng a2(11);
  EXPECT_FALSE(sameData(makeBlobs(300, 3, 0.1, a2), makeBlobs(300, 3, 0.1, c)));
}

TEST(SpiralsTest, SizesShapeAndBalancedClasses) {
  Rng rng(1);
  const Dataset d = makeSpirals(1001, 0.1, rng);
  EXPECT_EQ(d.size(), 1001u);
  EXPECT_EQ(d.x.cols(), 2);
  EXPECT_EQ(d.shape, (Shape{2, 1, 1}));
  EXPECT_EQ(d.numClasses, 2);
  EXPECT_EQ(classCounts(d), (std::vector<int>{501, 500}));
  EXPECT_LT(d.x.view().rowwise().norm().maxCoeff(), 3.0f + 5 * 0.1f * std::sqrt(2.0f));
}

TEST(SpiralsTest, ArmsAreInterleavedHalfTurnsApart) {
  // Without noise the second arm is the first turned by 180 degrees, point for point.
  Rng rng(1);
  const Dataset d = makeSpirals(400, 0.0, rng);
  for (Eigen::Index i = 0; i + 1 < d.x.rows(); i += 2) {
    ASSERT_EQ(d.labels[static_cast<std::size_t>(i)], 0);
    ASSERT_EQ(d.labels[static_cast<std::size_t>(i + 1)], 1);
    EXPECT_NEAR(d.x(i + 1, 0), -d.x(i, 0), 1e-5);
    EXPECT_NEAR(d.x(i + 1, 1), -d.x(i, 1), 1e-5);
  }
  // Radius grows along the arm.
  EXPECT_LT(d.x.row(0).norm(), d.x.row(200).norm());
  EXPECT_NEAR(d.x.row(398).norm(), 3.0, 1e-5);
}

TEST(SpiralsTest, DeterministicForASeed) {
  Rng a(21), b(21), c(22);
  const Dataset da = makeSpirals(300, 0.2, a);
  EXPECT_TRUE(sameData(da, makeSpirals(300, 0.2, b)));
  EXPECT_FALSE(sameData(da, makeSpirals(300, 0.2, c)));
}

TEST(SyntheticTest, RejectsBadArguments) {
  Rng rng(1);
  EXPECT_THROW(makeHeightWeight(-1, 0.1, rng), Error);
  EXPECT_THROW(makeBlobs(10, 0, 0.1, rng), Error);
  EXPECT_THROW(makeSpirals(10, -0.5, rng), Error);
  EXPECT_EQ(makeBlobs(0, 3, 0.1, rng).size(), 0u);
}

}  // namespace
}  // namespace distlab::engine
