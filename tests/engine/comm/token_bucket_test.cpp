#include <gtest/gtest.h>

#include "comm/token_bucket.h"

namespace distlab::engine {
namespace {

TEST(TokenBucketTest, AnUnlimitedBucketNeverDelays) {
  for (const double rate : {0.0, -5.0}) {
    TokenBucket bucket(rate, 500);
    EXPECT_TRUE(bucket.unlimited());
    EXPECT_EQ(bucket.reserve(1'000'000'000, 0.0), 0.0);
    EXPECT_EQ(bucket.reserve(1'000'000'000, 0.0), 0.0);
  }
  EXPECT_FALSE(TokenBucket(1000, 500).unlimited());
}

TEST(TokenBucketTest, TheBurstIsFreeAndTheRestWaitsAtTheRate) {
  TokenBucket bucket(1000, 500);
  EXPECT_EQ(bucket.reserve(500, 10.0), 0.0);          // starts full
  EXPECT_DOUBLE_EQ(bucket.reserve(1000, 10.0), 1.0);  // 1000 B more at 1000 B/s
  // The sender waited its second and sends again: the debt is paid, the next 100 B wait 0.1 s.
  EXPECT_DOUBLE_EQ(bucket.reserve(100, 11.0), 0.1);
}

TEST(TokenBucketTest, AMessageLargerThanTheBurstGoesThroughAfterTheRightDelay) {
  TokenBucket bucket(1000, 500);
  EXPECT_DOUBLE_EQ(bucket.reserve(5000, 0.0), 4.5);
  EXPECT_DOUBLE_EQ(bucket.reserve(0, 4.5), 0.0);  // after the wait it is even again
}

TEST(TokenBucketTest, TheLongRunRateIsExactlyTheCap) {
  TokenBucket bucket(1000, 500);
  double last = 0.0;
  for (int i = 0; i < 100; ++i) last = bucket.reserve(100, 0.0);
  EXPECT_NEAR(last, (100.0 * 100.0 - 500.0) / 1000.0, 1e-9);

  // A sender that always waits what it is told moves exactly rate bytes per second.
  TokenBucket paced(2000, 0);
  double now = 0.0;
  for (int i = 0; i < 1000; ++i) now += paced.reserve(300, now);
  EXPECT_NEAR(now, 1000.0 * 300.0 / 2000.0, 1e-6);
}

TEST(TokenBucketTest, IdleTimeRefillsOnlyUpToTheBurst) {
  TokenBucket bucket(1000, 500);
  EXPECT_EQ(bucket.reserve(500, 0.0), 0.0);
  // An hour idle buys no more than the burst: 500 B free, the next 100 B wait 0.1 s.
  EXPECT_EQ(bucket.reserve(500, 3600.0), 0.0);
  EXPECT_DOUBLE_EQ(bucket.reserve(100, 3600.0), 0.1);
  // A partial refill: 0.4 s later 400 B came back; 100 pay the debt, 300 are left.
  EXPECT_EQ(bucket.reserve(200, 3600.4), 0.0);
  EXPECT_NEAR(bucket.reserve(400, 3600.4), 0.3, 1e-9);
}

TEST(TokenBucketTest, AClockThatStepsBackRefillsNothing) {
  TokenBucket bucket(1000, 500);
  EXPECT_EQ(bucket.reserve(500, 5.0), 0.0);
  EXPECT_DOUBLE_EQ(bucket.reserve(100, 4.0), 0.1);
  EXPECT_DOUBLE_EQ(bucket.reserve(100, 4.5), 0.2);  // still before 5.0: nothing refilled
}

}  // namespace
}  // namespace distlab::engine
