#include <gtest/gtest.h>

#include <cmath>

#include "widgets/decimate.h"

namespace distlab::widgets {
namespace {

TEST(DecimateTest, SmallSeriesAreKeptAsTheyAre) {
  const QList<QPointF> points = {{0, 1}, {1, 3}, {2, 2}};
  EXPECT_EQ(decimateMinMax(points, 10), points);
}

TEST(DecimateTest, EachBucketKeepsItsMinimumAndMaximumInOrder) {
  QList<QPointF> points;
  for (int i = 0; i < 1000; ++i) points.append({static_cast<double>(i), std::sin(i * 0.1)});
  points[500].setY(25.0);  // a spike must survive
  const auto out = decimateMinMax(points, 50);
  EXPECT_LE(out.size(), 102);
  EXPECT_GE(out.size(), 50);
  EXPECT_TRUE(out.contains(QPointF(500, 25.0)));
  for (qsizetype i = 1; i < out.size(); ++i) EXPECT_LT(out[i - 1].x(), out[i].x());
  // Every bucket of 20 points: the min and max of the originals there are present.
  for (int b = 0; b < 50; ++b) {
    double lo = 1e9, hi = -1e9;
    for (int i = b * 20; i < (b + 1) * 20; ++i) {
      lo = std::min(lo, points[i].y());
      hi = std::max(hi, points[i].y());
    }
    bool sawLo = false, sawHi = false;
    for (const auto& p : out) {
      if (p.x() >= b * 20 && p.x() < (b + 1) * 20) {
        sawLo |= p.y() == lo;
        sawHi |= p.y() == hi;
      }
    }
    EXPECT_TRUE(sawLo && sawHi) << b;
  }
  EXPECT_EQ(out.front(), points.front());  // the first bucket's min here is the first point
  EXPECT_EQ(out.back(), points.back());    // the ends are always kept
}

TEST(DecimateTest, RoundingAtBucketEdgesCannotStallIt) {
  // x = 10 i / n puts points exactly on bucket edges that (x - x0) / width rounds either way.
  QList<QPointF> points;
  const int n = 100000;
  for (int i = 0; i < n; ++i) points.append({10.0 * i / n, static_cast<double>(i % 7)});
  for (int buckets : {800, 813, 1000, 1279}) {
    const auto out = decimateMinMax(points, buckets);
    EXPECT_LE(out.size(), 2 * buckets + 2) << buckets;
    EXPECT_GE(out.size(), buckets) << buckets;
  }
}

}  // namespace
}  // namespace distlab::widgets
