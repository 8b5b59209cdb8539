#include <algorithm>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "cluster/clock_table.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

// A discrete-time run: worker k needs periods[k] ticks of time per step; a worker whose step is
// done and who may start the next one does so at once. Returns the largest clock gap ever seen
// between any live worker and the slowest one, and checks the SSP rule at every start.
std::uint64_t simulate(ClockTable& table, const std::vector<int>& periods, int time,
                       std::optional<std::uint64_t> bound) {
  const int n = static_cast<int>(periods.size());
  std::vector<int> busyUntil(periods.size(), -1);  // -1: idle, waiting to start
  std::uint64_t widest = 0;
  for (int t = 0; t < time; ++t) {
    for (int k = 0; k < n; ++k) {
      if (busyUntil[k] == t) {
        table.tick(k);
        busyUntil[k] = -1;
      }
    }
    for (int k = 0; k < n; ++k) {
      if (busyUntil[k] < 0 && table.mayStart(k)) {
        if (bound) {
          EXPECT_LE(table.clock(k), *table.slowest() + *bound) << "t=" << t;
        }
        busyUntil[k] = t + periods[k];
      }
    }
    for (int k = 0; k < n; ++k) widest = std::max(widest, table.clock(k) - *table.slowest());
  }
  return widest;
}

TEST(ClockTableTest, SspNeverLetsAWorkerRunMoreThanSStepsAhead) {
  // Four workers, one five times slower, as in the SSP test.
  const std::vector<int> periods = {1, 1, 1, 5};
  for (std::uint64_t s : {0u, 1u, 3u}) {
    ClockTable table(4, s);
    // A worker may *start* step c+1 while the slowest has c - s, so once it finishes the
    // gap is at most s + 1.
    EXPECT_LE(simulate(table, periods, 200, s), s + 1) << "s=" << s;
    EXPECT_GT(table.clock(3), 30u);  // the slow worker keeps going
  }
}

TEST(ClockTableTest, AspLetsFastWorkersRunAway) {
  ClockTable table(4, std::nullopt);
  EXPECT_GE(simulate(table, {1, 1, 1, 5}, 200, std::nullopt), 150u);
}

TEST(ClockTableTest, BspIsABarrier) {
  ClockTable table(2, 0);
  EXPECT_TRUE(table.mayStart(0));
  table.tick(0);
  EXPECT_FALSE(table.mayStart(0));  // worker 1 has not finished step 1 yet
  EXPECT_TRUE(table.mayStart(1));
  table.tick(1);
  EXPECT_TRUE(table.mayStart(0));
}

TEST(ClockTableTest, ADeadWorkerLeavesTheBarrierAndRejoinsAtTheSlowestClock) {
  ClockTable table(3, 0);
  table.tick(0);
  table.tick(1);
  EXPECT_FALSE(table.mayStart(0));  // waiting for worker 2
  table.markDead(2);
  EXPECT_EQ(table.aliveCount(), 2);
  EXPECT_TRUE(table.mayStart(0));
  EXPECT_FALSE(table.mayStart(2));
  table.tick(0);
  table.tick(1);
  table.markAlive(2);
  EXPECT_EQ(table.clock(2), 2u);
  EXPECT_THROW(ClockTable(0, 0), Error);
}

}  // namespace
}  // namespace distlab::engine
