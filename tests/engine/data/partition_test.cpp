#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "data/partition.h"

namespace distlab::engine {
namespace {

std::vector<int> cyclicLabels(std::size_t n, int classes) {
  std::vector<int> labels(n);
  for (std::size_t i = 0; i < n; ++i)
    labels[i] = static_cast<int>(i % static_cast<std::size_t>(classes));
  return labels;
}

// Every row 0..n-1 appears exactly once across the workers.
void expectExactCover(const Partition& p, std::size_t n) {
  std::vector<int> hits(n, 0);
  for (const auto& rows : p.rows) {
    for (std::size_t r : rows) {
      ASSERT_LT(r, n);
      ++hits[r];
    }
  }
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(hits[i], 1) << "row " << i;
}

TEST(PartitionTest, ShuffleSplitCoversEveryRowOnceAndReshufflesEveryREpochs) {
  const std::size_t n = 1003;
  for (int epoch = 0; epoch < 6; ++epoch) {
    const Partition p = shuffleSplit(n, 4, 7, epoch, 3);
    ASSERT_EQ(p.rows.size(), 4u);
    expectExactCover(p, n);
    for (const auto& rows : p.rows) EXPECT_NEAR(static_cast<double>(rows.size()), n / 4.0, 1.0);
  }
  // Epochs 0-2 share one shuffle, epoch 3 starts a new one.
  EXPECT_EQ(shuffleSplit(n, 4, 7, 0, 3).rows, shuffleSplit(n, 4, 7, 2, 3).rows);
  EXPECT_NE(shuffleSplit(n, 4, 7, 2, 3).rows, shuffleSplit(n, 4, 7, 3, 3).rows);
  EXPECT_THROW(shuffleSplit(n, 0, 7, 0, 1), Error);
}

TEST(PartitionTest, SamplingWithReplacementLeavesAboutOneOverEUnused) {
  const std::size_t n = 60000;
  Rng rng(3);
  const std::vector<double> capacities = {1, 1, 1, 1};
  const Partition p = sampleWithReplacement(n, capacities, n, rng);
  // P(row never drawn) = (1 - 1/n)^n -> 1/e; its standard error here is ~0.002.
  EXPECT_NEAR(unusedFraction(p, n), std::exp(-1.0), 0.01);
  // Each worker alone sees n/4 draws: it misses (1 - 1/n)^(n/4) ~ e^(-1/4) of the set.
  for (const auto& s : partitionStats(p, cyclicLabels(n, 10), 10)) {
    EXPECT_EQ(s.size, n / 4);
    EXPECT_NEAR(s.unseenFraction, std::exp(-0.25), 0.01);
  }
}

TEST(PartitionTest, SamplingFollowsTheCapacities) {
  Rng rng(4);
  const std::vector<double> capacities = {1, 2, 3, 4};
  const Partition p = sampleWithReplacement(1000, capacities, 1000, rng);
  EXPECT_EQ(p.rows[0].size(), 100u);
  EXPECT_EQ(p.rows[1].size(), 200u);
  EXPECT_EQ(p.rows[2].size(), 300u);
  EXPECT_EQ(p.rows[3].size(), 400u);
  const std::vector<double> uneven = {1, 1, 1};
  const Partition q = sampleWithReplacement(10, uneven, 10, rng);
  EXPECT_EQ(q.rows[0].size() + q.rows[1].size() + q.rows[2].size(), 10u);
  const std::vector<double> bad = {1, 0};
  EXPECT_THROW(sampleWithReplacement(10, bad, 10, rng), Error);
}

// Mean over workers of the number of classes holding >= 5% of the worker's rows.
double meanClassesPerWorker(const Partition& p, const std::vector<int>& labels, int classes) {
  double total = 0;
  for (const auto& s : partitionStats(p, labels, classes)) {
    int present = 0;
    for (auto c : s.labelCounts) present += c >= 0.05 * static_cast<double>(s.size);
    total += present;
  }
  return total / static_cast<double>(p.rows.size());
}

TEST(PartitionTest, DirichletSkewCoversEveryRowAndSmallAlphaConcentratesClasses) {
  const auto labels = cyclicLabels(10000, 10);
  Rng rng(5);
  const Partition skewed = dirichletLabelSkew(labels, 10, 10, 0.1, rng);
  const Partition mixed = dirichletLabelSkew(labels, 10, 10, 100.0, rng);
  expectExactCover(skewed, labels.size());
  expectExactCover(mixed, labels.size());
  EXPECT_LT(meanClassesPerWorker(skewed, labels, 10), 4.0);
  EXPECT_GT(meanClassesPerWorker(mixed, labels, 10), 9.0);
}

// As alpha grows the Dirichlet split approaches the uniform one: the largest gap between a
// client's share of a class and 1/10 shrinks with alpha, to under 0.03 at alpha = 10,000.
TEST(PartitionTest, DirichletSkewApproachesUniformAsAlphaGrows) {
  const auto labels = cyclicLabels(20000, 10);
  const auto largestGap = [&](double alpha) {
    Rng rng(11);
    const Partition p = dirichletLabelSkew(labels, 10, 10, alpha, rng);
    expectExactCover(p, labels.size());
    double gap = 0.0;
    for (const auto& rows : p.rows) {
      std::vector<double> count(10, 0.0);
      for (std::size_t r : rows) count[static_cast<std::size_t>(labels[r])] += 1.0;
      for (double c : count) {
        gap = std::max(gap, std::abs(c / static_cast<double>(rows.size()) - 0.1));
      }
    }
    return gap;
  };
  const double a1 = largestGap(1.0), a100 = largestGap(100.0), a10k = largestGap(10000.0);
  EXPECT_GT(a1, a100);
  EXPECT_GT(a100, a10k);
  EXPECT_LT(a10k, 0.03);
  EXPECT_GT(a1, 0.1);
}

// Log-normal client sizes: every row once, nobody empty, equal at sigma 0; the spread of
// log(size) follows sigma (its standard deviation over 2,000 clients within 10%).
TEST(PartitionTest, QuantitySkewDrawsLogNormalSizesAndCoversEveryRow) {
  Rng rng(9);
  const Partition equal = quantitySkew(1000, 10, 0.0, rng);
  expectExactCover(equal, 1000);
  for (const auto& rows : equal.rows) EXPECT_EQ(rows.size(), 100u);
  const Partition skewed = quantitySkew(2'000'000, 2000, 1.0, rng);
  expectExactCover(skewed, 2'000'000);
  double mean = 0.0, square = 0.0;
  for (const auto& rows : skewed.rows) {
    ASSERT_GE(rows.size(), 1u);
    const double l = std::log(static_cast<double>(rows.size()));
    mean += l / 2000;
    square += l * l / 2000;
  }
  EXPECT_NEAR(std::sqrt(square - mean * mean), 1.0, 0.1);
  // Few rows for many clients: still one each.
  for (const auto& rows : quantitySkew(50, 50, 3.0, rng).rows) EXPECT_EQ(rows.size(), 1u);
  EXPECT_THROW(quantitySkew(100, 10, -1.0, rng), Error);
}

TEST(PartitionTest, GammaHasTheRightMean) {
  Rng rng(6);
  for (double shape : {0.3, 1.0, 4.5}) {
    double sum = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) sum += rng.gamma(shape);
    // Mean = shape, standard error sqrt(shape / n) < 0.007.
    EXPECT_NEAR(sum / n, shape, 0.03) << shape;
  }
}

TEST(PartitionTest, LabelShardsGiveEachWorkerFewClasses) {
  const auto labels = cyclicLabels(6000, 10);
  Rng rng(8);
  const Partition p = labelShards(labels, 10, 2, rng);
  expectExactCover(p, labels.size());
  for (const auto& s : partitionStats(p, labels, 10)) {
    EXPECT_EQ(s.size, 600u);
    const auto classes = std::count_if(s.labelCounts.begin(), s.labelCounts.end(),
                                       [](std::size_t c) { return c > 0; });
    EXPECT_LE(classes, 2);  // two shards of 300 rows, each inside one class of 600
    EXPECT_DOUBLE_EQ(s.unseenFraction, 0.9);
  }
}

}  // namespace
}  // namespace distlab::engine
