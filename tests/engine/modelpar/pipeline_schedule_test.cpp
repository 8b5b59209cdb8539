// The pipeline's schedules and stage plans, against independent computations: a brute-force
// split, and a simulation of p stages with unit-time passes whose bubble has a closed form.
#include <algorithm>
#include <numeric>

#include <gtest/gtest.h>

#include "core/rng.h"
#include "modelpar/pipeline_schedule.h"
#include "modelpar/stage_plan.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

TEST(PipelineSchedule, EveryMicroBatchGoesForwardOnceThenBackwardOnce) {
  for (auto schedule : {PipelineSchedule::GPipe, PipelineSchedule::OneFOneB}) {
    for (int p = 1; p <= 6; ++p) {
      for (int m = 1; m <= 16; ++m) {
        for (int k = 0; k < p; ++k) {
          const auto ops = stageOps(schedule, p, k, m);
          ASSERT_EQ(ops.size(), static_cast<std::size_t>(2 * m));
          std::vector<int> forwardAt(m, -1), backwardAt(m, -1);
          for (std::size_t i = 0; i < ops.size(); ++i) {
            auto& at = ops[i].forward ? forwardAt : backwardAt;
            ASSERT_EQ(at[ops[i].micro], -1) << "micro-batch run twice";
            at[ops[i].micro] = static_cast<int>(i);
          }
          for (int j = 0; j < m; ++j) EXPECT_LT(forwardAt[j], backwardAt[j]);
        }
      }
    }
  }
}

TEST(PipelineSchedule, OneFOneBHoldsAtMostTheStagesAheadWhereGPipeHoldsEveryMicroBatch) {
  for (int p = 2; p <= 5; ++p) {
    for (int m : {1, 2, 4, 8, 16}) {
      for (int k = 0; k < p; ++k) {
        EXPECT_EQ(peakInFlight(stageOps(PipelineSchedule::GPipe, p, k, m)), m);
        EXPECT_EQ(peakInFlight(stageOps(PipelineSchedule::OneFOneB, p, k, m)), std::min(m, p - k));
      }
    }
  }
}

/// Runs every stage's ops with unit-time passes: a forward needs the previous stage's forward
/// of that micro-batch, a backward the next stage's backward. Returns the makespan, or -1 when
/// the schedule deadlocks.
int simulate(PipelineSchedule schedule, int p, int m) {
  std::vector<std::vector<PipelineOp>> ops;
  for (int k = 0; k < p; ++k) ops.push_back(stageOps(schedule, p, k, m));
  std::vector<std::size_t> next(p, 0);
  std::vector<std::vector<int>> fDone(p, std::vector<int>(m, -1)), bDone = fDone;
  int time = 0;
  for (int finished = 0; finished < p;) {
    bool progressed = false;
    std::vector<std::pair<int, PipelineOp>> runNow;
    for (int k = 0; k < p; ++k) {
      if (next[k] == ops[k].size()) continue;
      const PipelineOp op = ops[k][next[k]];
      const bool ready = op.forward ? (k == 0 || (fDone[k - 1][op.micro] >= 0 &&
                                                  fDone[k - 1][op.micro] <= time))
                                    : (k == p - 1 || (bDone[k + 1][op.micro] >= 0 &&
                                                      bDone[k + 1][op.micro] <= time));
      if (ready) runNow.push_back({k, op});
    }
    for (const auto& [k, op] : runNow) {
      (op.forward ? fDone : bDone)[k][op.micro] = time + 1;
      if (++next[k] == ops[k].size()) ++finished;
      progressed = true;
    }
    ++time;
    if (!progressed && time > 4 * (m + p) + 4) return -1;
  }
  return time;
}

TEST(PipelineSchedule, UnitTimeStagesLeaveTheTheoreticalBubble) {
  for (auto schedule : {PipelineSchedule::GPipe, PipelineSchedule::OneFOneB}) {
    for (int p = 1; p <= 5; ++p) {
      for (int m : {1, 2, 3, 4, 8, 16}) {
        const int makespan = simulate(schedule, p, m);
        ASSERT_GT(makespan, 0) << "deadlock p=" << p << " m=" << m;
        // Each stage is busy 2m of the makespan; the rest is the bubble.
        const double bubble = 1.0 - 2.0 * m / makespan;
        EXPECT_NEAR(bubble, theoreticalBubble(p, m), 1e-12) << "p=" << p << " m=" << m;
      }
    }
  }
}

TEST(StagePlan, BalancedSplitsMatchTheBestOfEverySplit) {
  Rng rng = Rng::stream(7, RngPurpose::Data);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 2 + static_cast<int>(rng.below(7));
    const int p = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(n)));
    std::vector<double> costs(static_cast<std::size_t>(n));
    for (auto& c : costs) c = 1.0 + static_cast<double>(rng.below(100));
    const StagePlan plan = balanceStages(costs, p);
    ASSERT_EQ(plan.stages(), p);
    const auto worstOf = [&](const std::vector<std::size_t>& first) {
      double worst = 0;
      for (std::size_t k = 0; k < first.size(); ++k) {
        const std::size_t end = k + 1 < first.size() ? first[k + 1] : costs.size();
        worst = std::max(worst, std::accumulate(costs.begin() + static_cast<long>(first[k]),
                                                costs.begin() + static_cast<long>(end), 0.0));
      }
      return worst;
    };
    // Every way to choose p-1 cut points among n-1, by bit masks.
    double best = 1e300;
    for (unsigned mask = 0; mask < (1u << (n - 1)); ++mask) {
      if (__builtin_popcount(mask) != p - 1) continue;
      std::vector<std::size_t> first = {0};
      for (int i = 0; i < n - 1; ++i) {
        if (mask & (1u << i)) first.push_back(static_cast<std::size_t>(i + 1));
      }
      best = std::min(best, worstOf(first));
    }
    EXPECT_EQ(plan.first.front(), 0u);
    EXPECT_TRUE(std::is_sorted(plan.first.begin(), plan.first.end()));
    EXPECT_DOUBLE_EQ(worstOf(plan.first), best);
  }
}

// Multiply-adds per example, the first layer with weights at 2/3 (no input errors to compute).
TEST(StagePlan, LayerCostsCountMultiplyAddsAndTheFirstLayerSkipsItsInputErrors) {
  ModelSpec spec;
  spec.hidden = {8};
  const Model mlp = buildModel(spec, Shape{4, 1, 1}, 3, 1);  // Dense 4-8, ReLU, Dense 8-3
  const auto costs = layerCosts(mlp);
  ASSERT_EQ(costs.size(), 3u);
  EXPECT_DOUBLE_EQ(costs[0], (4 * 8 + 8) * 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(costs[1], 8);
  EXPECT_DOUBLE_EQ(costs[2], 8 * 3 + 3);
}

TEST(StagePlan, ALayerThatOutweighsTheRestDoesNotLeaveAStageNearlyEmpty) {
  const std::vector<double> costs = {1000, 10, 300, 10, 300};
  const StagePlan plan = balanceStages(costs, 3);
  EXPECT_EQ(plan.first, (std::vector<std::size_t>{0, 1, 3}));
}

}  // namespace
}  // namespace distlab::engine
