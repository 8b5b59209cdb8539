// The area under the ROC curve against its definition, counted pair by pair.
#include <gtest/gtest.h>

#include <cmath>

#include "attacks/property/roc.h"
#include "core/rng.h"

namespace distlab::engine {
namespace {

// P(a positive scores above a negative) + half P(tie), by brute force over every pair.
double pairwiseAuc(const std::vector<double>& scores, const std::vector<int>& truth) {
  double wins = 0, pairs = 0;
  for (std::size_t p = 0; p < scores.size(); ++p) {
    if (!truth[p]) continue;
    for (std::size_t n = 0; n < scores.size(); ++n) {
      if (truth[n]) continue;
      wins += scores[p] > scores[n] ? 1.0 : scores[p] == scores[n] ? 0.5 : 0.0;
      pairs += 1;
    }
  }
  return wins / pairs;
}

TEST(RocTest, AucMatchesCountingEveryPairWithTies) {
  Rng rng(3);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> scores;
    std::vector<int> truth;
    for (int i = 0; i < 57; ++i) {
      truth.push_back(rng.below(3) == 0);
      // Few distinct values: plenty of ties, some across the classes.
      scores.push_back(static_cast<double>(rng.below(7)) + (truth.back() ? 1.5 : 0.0) * (trial % 2));
    }
    EXPECT_NEAR(areaUnderRoc(scores, truth), pairwiseAuc(scores, truth), 1e-12) << trial;
  }
}

TEST(RocTest, SeparatedReversedTiedAndOneClass) {
  const std::vector<int> truth = {1, 1, 0, 0, 0};
  EXPECT_DOUBLE_EQ(areaUnderRoc(std::vector<double>{0.9, 0.8, 0.1, 0.2, 0.3}, truth), 1.0);
  EXPECT_DOUBLE_EQ(areaUnderRoc(std::vector<double>{0.1, 0.2, 0.9, 0.8, 0.7}, truth), 0.0);
  EXPECT_DOUBLE_EQ(areaUnderRoc(std::vector<double>(5, 0.4), truth), 0.5);
  EXPECT_TRUE(std::isnan(areaUnderRoc(std::vector<double>{0.1, 0.2}, std::vector<int>{1, 1})));
}

TEST(RocTest, CurveRunsFromCornerToCornerAndItsAreaIsTheAuc) {
  const std::vector<double> scores = {0.9, 0.7, 0.7, 0.4, 0.3, 0.3, 0.1};
  const std::vector<int> truth = {1, 0, 1, 1, 0, 0, 1};
  const auto curve = rocCurve(scores, truth);
  ASSERT_EQ(curve.size(), 6u);  // (0,0) and one point per distinct score
  EXPECT_DOUBLE_EQ(curve.front().falsePositiveRate, 0.0);
  EXPECT_DOUBLE_EQ(curve.front().truePositiveRate, 0.0);
  EXPECT_DOUBLE_EQ(curve.back().falsePositiveRate, 1.0);
  EXPECT_DOUBLE_EQ(curve.back().truePositiveRate, 1.0);
  double area = 0;  // trapezoids: ties are the diagonal segments
  for (std::size_t i = 1; i < curve.size(); ++i) {
    area += (curve[i].falsePositiveRate - curve[i - 1].falsePositiveRate) *
            (curve[i].truePositiveRate + curve[i - 1].truePositiveRate) / 2;
  }
  EXPECT_NEAR(area, areaUnderRoc(scores, truth), 1e-12);
}

}  // namespace
}  // namespace distlab::engine
