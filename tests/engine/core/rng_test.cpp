#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "core/rng.h"

namespace distlab::engine {
namespace {

TEST(RngTest, SameSeedSameSequence) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(RngTest, StreamsAreIndependentPerPurposeAndIndex) {
  std::set<std::uint64_t> firsts;
  for (auto purpose : {RngPurpose::Init, RngPurpose::Shuffle, RngPurpose::Data}) {
    for (std::uint64_t worker = 0; worker < 8; ++worker) {
      firsts.insert(Rng::stream(1, purpose, worker).next());
    }
  }
  EXPECT_EQ(firsts.size(), 24u);
  EXPECT_EQ(Rng::stream(1, RngPurpose::Init, 3).next(), Rng::stream(1, RngPurpose::Init, 3).next());
}

TEST(RngTest, UniformAndNormalHaveTheRightMoments) {
  Rng rng(7);
  const int n = 200000;
  double su = 0, sn = 0, sn2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    const double z = rng.normal();
    sn += z;
    sn2 += z * z;
  }
  // Standard errors: uniform mean 0.29/sqrt(n) ~ 6.5e-4, normal mean 2.2e-3, variance 3.2e-3.
  EXPECT_NEAR(su / n, 0.5, 4e-3);
  EXPECT_NEAR(sn / n, 0.0, 1e-2);
  EXPECT_NEAR(sn2 / n, 1.0, 1.5e-2);
}

TEST(RngTest, BelowIsUnbiasedAndInRange) {
  Rng rng(3);
  std::vector<int> counts(6, 0);
  for (int i = 0; i < 60000; ++i) {
    const auto v = rng.below(6);
    ASSERT_LT(v, 6u);
    ++counts[v];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);  // ~4.4 standard deviations
  EXPECT_EQ(rng.below(1), 0u);
}

TEST(RngTest, ShuffleIsAPermutation) {
  Rng rng(9);
  std::vector<int> v(100);
  std::iota(v.begin(), v.end(), 0);
  rng.shuffle(std::span<int>(v));
  EXPECT_FALSE(std::is_sorted(v.begin(), v.end()));
  std::sort(v.begin(), v.end());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(v[i], i);
}

}  // namespace
}  // namespace distlab::engine
