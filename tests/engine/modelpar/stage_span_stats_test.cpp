#include "modelpar/stage_span_stats.h"

#include <gtest/gtest.h>

namespace distlab::engine {
namespace {

Span span(int stage, SpanKind kind, std::int64_t start, std::int64_t end, std::uint64_t step,
          std::uint64_t bytes = 0) {
  return Span{stage, kind, start, end, step, bytes};
}

TEST(StageSpanStatsTest, BusyTimeBubbleAndPeaksFromTheSpans) {
  StageSpanStats stats(2);
  // Step 0 is not measured: it counts for memory and bytes only.
  stats.add(span(0, SpanKind::Forward, 0, 500, 0, 9'000), 1);
  stats.add(span(0, SpanKind::Send, 500, 510, 0, 64), 1);
  // Step 1, from 1000 to 2000 ns: stage 0 busy 600 ns, stage 1 busy 300 ns.
  stats.add(span(0, SpanKind::Forward, 1000, 1200, 1, 4'000), 1);
  stats.add(span(0, SpanKind::Receive, 1200, 1300, 1, 128), 1);
  stats.add(span(0, SpanKind::Backward, 1300, 1600, 1, 12'000), 1);  // held before its update
  stats.add(span(0, SpanKind::Compute, 1900, 2000, 1), 1);
  stats.add(span(1, SpanKind::Forward, 1200, 1400, 1, 1'000), 1);
  stats.add(span(1, SpanKind::Backward, 1400, 1500, 1), 1);
  stats.add(span(1, SpanKind::Idle, 1500, 1900, 1), 1);
  stats.add(span(7, SpanKind::Forward, 0, 1'000'000, 1), 1);  // no such stage: ignored

  ASSERT_EQ(stats.stages().size(), 2u);
  EXPECT_EQ(stats.stages()[0].busyNs, 600);
  EXPECT_EQ(stats.stages()[1].busyNs, 300);
  EXPECT_EQ(stats.stages()[0].peakActivationBytes, 12'000u);
  EXPECT_EQ(stats.stages()[1].peakActivationBytes, 1'000u);
  EXPECT_EQ(stats.stages()[0].bytesSent, 64u);
  EXPECT_EQ(stats.wallNs(), 1000);
  EXPECT_DOUBLE_EQ(stats.bubble(), 1.0 - 900.0 / 2000.0);
  // m = 3: t = 200 and 100 per micro-batch; ideal step 300 + 2 * 200 = 700 ns.
  EXPECT_DOUBLE_EQ(stats.bubbleOfTheseStages(3), 1.0 - 900.0 / 1400.0);
}

TEST(StageSpanStatsTest, EqualStagesGiveTheTextbookBubble) {
  // p stages of equal micro-batch time: (p-1)/(m+p-1), whatever the time.
  for (const int p : {2, 3, 4}) {
    for (const int m : {1, 4, 16}) {
      StageSpanStats stats(p);
      for (int k = 0; k < p; ++k) stats.add(span(k, SpanKind::Forward, 0, 70 * m, 1), 1);
      EXPECT_NEAR(stats.bubbleOfTheseStages(m), static_cast<double>(p - 1) / (m + p - 1), 1e-12)
          << p << " stages, m = " << m;
    }
  }
}

TEST(StageSpanStatsTest, NoSpansIsNoDivisionByZero) {
  const StageSpanStats stats(2);
  EXPECT_EQ(stats.wallNs(), 1);
  EXPECT_DOUBLE_EQ(stats.bubble(), 1.0);
  EXPECT_DOUBLE_EQ(stats.bubbleOfTheseStages(4), 0.0);
}

}  // namespace
}  // namespace distlab::engine
