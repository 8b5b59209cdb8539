#include "cluster/worker_schedule.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "core/error.h"

#include "data/synthetic.h"

namespace distlab::engine {
namespace {

Dataset blobs(int n) {
  Rng rng(7);
  return makeBlobs(n, 3, 0.5, rng);
}

Spec clusterSpec(int workers, const std::string& partition) {
  Spec spec;
  spec.training.batchSize = 16;
  spec.training.epochs = 3;
  spec.cluster.workers = workers;
  spec.cluster.partition = partition;
  return spec;
}

TEST(WorkerScheduleTest, ShuffleSplitGivesEveryRowToExactlyOneWorkerEachEpoch) {
  const Dataset train = blobs(203);
  const Spec spec = clusterSpec(4, "shuffle-split");
  std::vector<WorkerSchedule> schedules;
  for (int k = 0; k < 4; ++k) schedules.emplace_back(spec, train, k);
  for (int epoch = 0; epoch < 3; ++epoch) {
    std::multiset<std::size_t> seen;
    for (auto& s : schedules) {
      for (std::uint64_t i = 0; i < s.stepsPerEpoch(); ++i) {
        const auto rows = s.batch(static_cast<std::uint64_t>(epoch) * s.stepsPerEpoch() + i);
        seen.insert(rows.begin(), rows.end());
      }
    }
    ASSERT_EQ(seen.size(), train.size()) << epoch;
    for (std::size_t r = 0; r < train.size(); ++r) ASSERT_EQ(seen.count(r), 1u) << r;
  }
}

TEST(WorkerScheduleTest, ARestartedScheduleGivesTheSameBatchesAsARunningOne) {
  const Dataset train = blobs(300);
  for (const char* partition :
       {"shuffle-split", "with-replacement", "dirichlet", "shards", "quantity-skew"}) {
    const Spec spec = clusterSpec(3, partition);
    WorkerSchedule running(spec, train, 1);
    std::vector<std::vector<std::size_t>> batches;
    for (std::uint64_t s = 0; s < running.totalSteps(); ++s) {
      const auto b = running.batch(s);
      batches.emplace_back(b.begin(), b.end());
    }
    for (std::uint64_t s :
         {std::uint64_t{0}, running.stepsPerEpoch() + 1, running.totalSteps() - 1}) {
      WorkerSchedule restarted(spec, train, 1);
      const auto b = restarted.batch(s);
      EXPECT_EQ(std::vector<std::size_t>(b.begin(), b.end()), batches[s]) << partition << " " << s;
    }
  }
}

TEST(WorkerScheduleTest, SamplingWithReplacementLeavesAboutOneOverEUnseen) {
  const Dataset train = blobs(20000);
  Spec spec = clusterSpec(4, "with-replacement");
  const auto partition = partitionForEpoch(spec, train, 0);
  const double unused = unusedFraction(partition, train.size());
  EXPECT_NEAR(unused, 0.3679, 0.01);  // (1 - 1/n)^n -> 1/e
  std::size_t drawn = 0;
  for (const auto& rows : partition.rows) drawn += rows.size();
  EXPECT_EQ(drawn, train.size());
}

TEST(WorkerScheduleTest, StepCountsFollowTheBatchSize) {
  const Dataset train = blobs(203);
  Spec spec = clusterSpec(2, "shuffle-split");
  WorkerSchedule s(spec, train, 0);  // 102 rows
  EXPECT_EQ(s.stepsPerEpoch(), 7u);  // ceil(102 / 16)
  EXPECT_EQ(s.totalSteps(), 21u);
  EXPECT_EQ(s.batch(6).size(), 6u);
  spec.training.dropLast = true;
  EXPECT_EQ(WorkerSchedule(spec, train, 0).stepsPerEpoch(), 6u);
  EXPECT_THROW(WorkerSchedule(spec, train, 2), Error);
}

}  // namespace
}  // namespace distlab::engine
