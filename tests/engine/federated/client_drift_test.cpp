// The spread of a round's client updates, on vectors whose answer is known by hand.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.h"
#include "federated/client_drift.h"

namespace distlab::engine {
namespace {

TEST(ClientDrift, AlignedUpdatesHaveCosineOneAndOpposedOnesPullTheMeanAway) {
  // Two clients along x, lengths 1 and 3: the mean is along x, both cosines 1.
  const std::vector<float> a = {1, 0}, b = {3, 0};
  const std::vector<std::span<const float>> aligned = {a, b};
  const std::vector<double> equal = {1.0, 1.0};
  auto d = clientDrift(aligned, equal);
  EXPECT_DOUBLE_EQ(d.meanNorm, 2.0);
  EXPECT_DOUBLE_EQ(d.normSpread, 1.0);
  EXPECT_DOUBLE_EQ(d.meanCosine, 1.0);
  // (1, 0) and (0, 1) weighted 3 : 1: the mean (0.75, 0.25); cosines 3/sqrt(10), 1/sqrt(10).
  const std::vector<float> x = {1, 0}, y = {0, 1};
  const std::vector<std::span<const float>> crossed = {x, y};
  const std::vector<double> weights = {3.0, 1.0};
  d = clientDrift(crossed, weights);
  ASSERT_EQ(d.cosines.size(), 2u);
  EXPECT_NEAR(d.cosines[0], 3 / std::sqrt(10.0), 1e-12);
  EXPECT_NEAR(d.cosines[1], 1 / std::sqrt(10.0), 1e-12);
  EXPECT_NEAR(d.minCosine, 1 / std::sqrt(10.0), 1e-12);
  EXPECT_NEAR(d.meanCosine, 2 / std::sqrt(10.0), 1e-12);
  EXPECT_DOUBLE_EQ(d.normSpread, 0.0);
  // Opposite updates cancel: a zero mean gives cosine 0, not NaN.
  const std::vector<float> minus = {-1, 0};
  const std::vector<std::span<const float>> opposed = {x, minus};
  d = clientDrift(opposed, equal);
  EXPECT_EQ(d.meanCosine, 0.0);
  EXPECT_THROW(clientDrift(opposed, std::vector<double>{1.0}), Error);
}

}  // namespace
}  // namespace distlab::engine
