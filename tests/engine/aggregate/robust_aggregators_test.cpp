// The robust rules against results worked out by hand on small fixed vectors (lesson 8).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"
#include "aggregate/weighted_mean.h"

namespace distlab::engine {
namespace {

struct Round {
  std::vector<float> out;
  RobustRound verdict;
};

Round combine(std::string_view rule, const std::vector<std::vector<float>>& pushes,
              RobustSettings settings = {}, RobustMemory* memory = nullptr,
              std::vector<float> weights = {}) {
  std::vector<std::span<const float>> views(pushes.begin(), pushes.end());
  if (weights.empty()) weights.assign(pushes.size(), 1.0f);
  RobustMemory own;
  Round r;
  r.out.resize(pushes.front().size());
  robustAggregators().at(rule).combine(views, weights, settings, memory ? *memory : own, r.out,
                                       r.verdict);
  return r;
}

TEST(RobustAggregatorsTest, EveryRuleIsRegisteredUnderItsName) {
  const std::vector<std::string> expected = {"mean",      "median",       "trimmed-mean",
                                             "krum",      "multi-krum",   "bulyan",
                                             "norm-clip", "centered-clip"};
  EXPECT_EQ(robustAggregators().names(), expected);
  EXPECT_TRUE(robustAggregators().at("mean").trustsEveryPush());
  EXPECT_FALSE(robustAggregators().at("median").trustsEveryPush());
  EXPECT_EQ(robustAggregators().at("krum").fewestPushes(2), 7);
  EXPECT_EQ(robustAggregators().at("multi-krum").fewestPushes(1), 5);
  EXPECT_EQ(robustAggregators().at("bulyan").fewestPushes(2), 11);
  EXPECT_EQ(robustAggregators().at("median").fewestPushes(5), 1);
}

TEST(RobustAggregatorsTest, MeanWeighsThePushesLikeTheServersFusedMean) {
  const auto r = combine("mean", {{1, 10}, {4, 40}}, {}, nullptr, {1, 3});
  EXPECT_FLOAT_EQ(r.out[0], 13.0f / 4);
  EXPECT_FLOAT_EQ(r.out[1], 130.0f / 4);
  EXPECT_EQ(r.verdict.fates, std::vector<PushFate>(2, PushFate::Kept));
}

TEST(RobustAggregatorsTest, MedianOfOddAndEvenCountsAndTies) {
  // Coordinates: {3, 1, 2} -> 2; {5, 5, -100} -> 5 (a tie and an outlier).
  auto r = combine("median", {{3, 5}, {1, 5}, {2, -100}});
  EXPECT_FLOAT_EQ(r.out[0], 2.0f);
  EXPECT_FLOAT_EQ(r.out[1], 5.0f);
  // Four pushes: the mean of the two middle values, {1, 2, 3, 40} -> 2.5.
  r = combine("median", {{1}, {40}, {3}, {2}});
  EXPECT_FLOAT_EQ(r.out[0], 2.5f);
  // Scores: the share of a push's coordinates left out; the outlier of 40 is left out.
  EXPECT_DOUBLE_EQ(r.verdict.scores[1], 1.0);
  EXPECT_DOUBLE_EQ(r.verdict.scores[3], 0.0);
}

TEST(RobustAggregatorsTest, TrimmedMeanCutsTheSameCountAtEachEnd) {
  // Five pushes, trim 0.2: one value cut at each end of every coordinate.
  const std::vector<std::vector<float>> pushes = {{1, 0}, {2, 0}, {3, 0}, {4, 0}, {100, 9}};
  auto r = combine("trimmed-mean", pushes, {.trimFraction = 0.2});
  EXPECT_FLOAT_EQ(r.out[0], 3.0f);             // (2 + 3 + 4) / 3
  EXPECT_FLOAT_EQ(r.out[1], 0.0f);             // {0, 0, 0, 0, 9}: a 0 and the 9 cut
  EXPECT_DOUBLE_EQ(r.verdict.scores[4], 1.0);  // both its coordinates cut
  // Trim 0: the plain mean; a trim beyond half still keeps one value (the median).
  r = combine("trimmed-mean", pushes, {.trimFraction = 0.0});
  EXPECT_FLOAT_EQ(r.out[0], 22.0f);
  r = combine("trimmed-mean", pushes, {.trimFraction = 0.5});
  EXPECT_FLOAT_EQ(r.out[0], 3.0f);
}

// Five pushes on a line, f = 1: each Krum score sums the squared distances to the n - f - 2 = 2
// nearest others. 0: {1, 4} -> 5 ... by hand below.
TEST(RobustAggregatorsTest, KrumPicksThePushWithTheSmallestScore) {
  const std::vector<std::vector<float>> pushes = {{0}, {1}, {2}, {3}, {50}};
  // Scores: 0 -> 1 + 4 = 5; 1 -> 1 + 1 = 2; 2 -> 1 + 1 = 2; 3 -> 1 + 4 = 5; 50 -> 47^2 + 48^2.
  const auto r = combine("krum", pushes, {.assumedAttackers = 1});
  const std::vector<double> scores = {5, 2, 2, 5, 47.0 * 47 + 48 * 48};
  EXPECT_EQ(r.verdict.scores, scores);
  EXPECT_FLOAT_EQ(r.out[0], 1.0f);  // the first of the tied best
  EXPECT_EQ(r.verdict.fates[1], PushFate::Kept);
  EXPECT_EQ(std::count(r.verdict.fates.begin(), r.verdict.fates.end(), PushFate::Excluded), 4);
}

TEST(RobustAggregatorsTest, MultiKrumAveragesTheBestScoredPushes) {
  const std::vector<std::vector<float>> pushes = {{0}, {1}, {2}, {3}, {50}};
  auto r = combine("multi-krum", pushes, {.assumedAttackers = 1, .krumSelect = 3});
  // Best scores 2, 2, 5: pushes 1, 2 and 0 (a stable order among equal scores).
  EXPECT_FLOAT_EQ(r.out[0], 1.0f);
  EXPECT_EQ(r.verdict.fates[3], PushFate::Excluded);
  // Select 0: n - f = 4 pushes, everyone but the outlier.
  r = combine("multi-krum", pushes, {.assumedAttackers = 1});
  EXPECT_FLOAT_EQ(r.out[0], 1.5f);
  EXPECT_EQ(r.verdict.fates[4], PushFate::Excluded);
  EXPECT_EQ(r.verdict.fates[3], PushFate::Kept);
}

// Seven pushes, f = 1 (n = 4f + 3, Bulyan's bound): Krum picks theta = 5 one at a time, then
// each coordinate averages the beta = 3 picked values nearest its median.
TEST(RobustAggregatorsTest, BulyanPicksByKrumThenAveragesNearTheMedian) {
  const std::vector<std::vector<float>> pushes = {{0}, {1}, {2}, {3}, {4}, {10}, {-30}};
  const auto r = combine("bulyan", pushes, {.assumedAttackers = 1});
  // Krum on all 7 (n - f - 2 = 4 nearest): 2 scores 1+1+4+4 = 10, the best; then on the rest 1
  // and 3 tie ... the outliers 10 and -30 are never picked while five nearer ones are left.
  EXPECT_EQ(r.verdict.fates[5], PushFate::Excluded);
  EXPECT_EQ(r.verdict.fates[6], PushFate::Excluded);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(r.verdict.fates[i], PushFate::Kept) << i;
  // Picked {0, 1, 2, 3, 4}: the 3 nearest the median 2 are {1, 2, 3}.
  EXPECT_FLOAT_EQ(r.out[0], 2.0f);
}

TEST(RobustAggregatorsTest, BulyansCoordinateStepTakesTheValuesNearestTheMedianNotTheMiddle) {
  // Picked values {0, 10, 11, 12, 13}: median 11; the three nearest are 10, 11, 12 (centred
  // would also be those); with {0, 1, 11, 12, 13} the median is 11 and the nearest three are
  // 11, 12, 13, while the centred window would take 1, 11, 12.
  std::vector<std::vector<float>> pushes = {{0}, {1}, {11}, {12}, {13}};
  std::vector<std::span<const float>> views(pushes.begin(), pushes.end());
  std::vector<std::size_t> all = {0, 1, 2, 3, 4}, trimmed;
  std::vector<float> out(1);
  coordinateMiddleMean(views, all, 3, MiddleWindow::NearestToMedian, out, trimmed);
  EXPECT_FLOAT_EQ(out[0], 12.0f);
  coordinateMiddleMean(views, all, 3, MiddleWindow::Centred, out, trimmed);
  EXPECT_FLOAT_EQ(out[0], 8.0f);
  EXPECT_EQ(trimmed, (std::vector<std::size_t>{1, 0, 0, 0, 1}));
}

TEST(RobustAggregatorsTest, NormClippingScalesLongPushesDownToTheBound) {
  // Norms 5, 1 and 50 (3-4-5 triangles); bound 5.
  const std::vector<std::vector<float>> pushes = {{3, 4}, {0.6f, 0.8f}, {30, 40}};
  auto r = combine("norm-clip", pushes, {.clipNorm = 5.0});
  EXPECT_FLOAT_EQ(r.out[0], (3 + 0.6f + 3) / 3);
  EXPECT_FLOAT_EQ(r.out[1], (4 + 0.8f + 4) / 3);
  EXPECT_EQ(r.verdict.fates,
            (std::vector<PushFate>{PushFate::Kept, PushFate::Kept, PushFate::Clipped}));
  EXPECT_DOUBLE_EQ(r.verdict.scores[2], 0.1);
  // Bound 0: the median norm, 5, again.
  const auto median = combine("norm-clip", pushes);
  EXPECT_EQ(median.out, r.out);
}

TEST(RobustAggregatorsTest, CenteredClippingStepsFromTheLastAggregate) {
  RobustMemory memory;
  // First round: the centre starts at the coordinate-wise median {1, 1}; distances of the
  // pushes {1,1} -> 0, {2,1} -> 1, {1,101} -> 100; bound 2: the last is scaled by 2/100.
  auto r = combine("centered-clip", {{1, 1}, {2, 1}, {1, 101}}, {.clipNorm = 2.0}, &memory);
  EXPECT_FLOAT_EQ(r.out[0], 1.0f + 1.0f / 3);
  EXPECT_FLOAT_EQ(r.out[1], 1.0f + 2.0f / 3);
  EXPECT_EQ(r.verdict.fates[2], PushFate::Clipped);
  EXPECT_DOUBLE_EQ(r.verdict.scores[2], 0.02);
  ASSERT_EQ(memory.center.size(), 2u);
  EXPECT_FLOAT_EQ(memory.center[1], r.out[1]);
  // Second round: from that centre; pushes at the centre change nothing.
  const std::vector<float> c = memory.center;
  r = combine("centered-clip", {c, c, c}, {.clipNorm = 2.0}, &memory);
  EXPECT_EQ(r.out, c);
}

// The point of the lesson in one vector: one push moved far away moves the mean with it; the
// robust rules stay within the honest pushes' range.
TEST(RobustAggregatorsTest, OneFarPushMovesTheMeanButNotTheRobustRules) {
  std::vector<std::vector<float>> pushes;
  for (int i = 0; i < 6; ++i) pushes.push_back({1.0f + 0.1f * i, -1.0f - 0.1f * i});
  pushes.push_back({-1000, 1000});
  EXPECT_LT(combine("mean", pushes).out[0], -100.0f);
  for (const char* rule : {"median", "trimmed-mean", "krum", "multi-krum", "bulyan", "norm-clip"}) {
    const auto r = combine(rule, pushes, {.assumedAttackers = 1, .trimFraction = 0.2});
    EXPECT_GE(r.out[0], 0.4f) << rule;  // within reach of the honest 1.0 .. 1.5
    EXPECT_LE(r.out[0], 1.5f) << rule;
  }
}

// The blocked, sorting-network coordinate step against a plain sort of every coordinate by
// (value, position), with many ties (values from a few integers) and a length that is not a
// whole number of blocks; the blocked pairwise distances against double sums.
TEST(RobustAggregatorsTest, TheBlockedCoordinateStepAndDistancesMatchAPlainComputation) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> few(-2, 2);
  for (const std::size_t n : {3u, 7u, 10u}) {
    const std::size_t d = 130;
    std::vector<std::vector<float>> pushes(n, std::vector<float>(d));
    for (auto& p : pushes) {
      for (float& x : p) x = static_cast<float>(few(rng)) * 0.5f;
    }
    std::vector<std::span<const float>> views(pushes.begin(), pushes.end());
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    for (const auto window : {MiddleWindow::Centred, MiddleWindow::NearestToMedian}) {
      for (std::size_t keep = 1; keep <= n; ++keep) {
        if (window == MiddleWindow::Centred && (n - keep) % 2) continue;
        std::vector<float> out(d);
        std::vector<std::size_t> trimmed;
        coordinateMiddleMean(views, all, keep, window, out, trimmed);
        std::vector<std::size_t> expectedTrimmed(n, 0);
        for (std::size_t k = 0; k < d; ++k) {
          std::vector<std::pair<float, std::size_t>> column;
          for (std::size_t i = 0; i < n; ++i) column.emplace_back(pushes[i][k], i);
          std::sort(column.begin(), column.end());
          std::size_t lo = (n - keep) / 2, hi = lo + keep;
          if (window == MiddleWindow::NearestToMedian) {
            const double m =
                n % 2 ? column[n / 2].first : 0.5 * (column[n / 2 - 1].first + column[n / 2].first);
            while (lo > 0 && m - column[lo - 1].first < column[hi - 1].first - m) --lo, --hi;
            while (hi < n && column[hi].first - m < m - column[lo].first) ++lo, ++hi;
          }
          double sum = 0;
          for (std::size_t i = lo; i < hi; ++i) sum += column[i].first;
          ASSERT_FLOAT_EQ(out[k], static_cast<float>(sum / keep)) << n << " " << keep << " " << k;
          for (std::size_t i = 0; i < n; ++i) {
            if (i < lo || i >= hi) ++expectedTrimmed[column[i].second];
          }
        }
        EXPECT_EQ(trimmed, expectedTrimmed) << n << " " << keep;
      }
    }
    const auto distances = pairwiseSquaredDistances(views);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        double sum = 0;
        for (std::size_t k = 0; k < d; ++k) {
          const double diff = static_cast<double>(pushes[i][k]) - pushes[j][k];
          sum += diff * diff;
        }
        EXPECT_NEAR(distances[i * n + j], sum, 1e-9 * (1 + sum));
      }
    }
  }
}

}  // namespace
}  // namespace distlab::engine
