#include <bit>
#include <cmath>
#include <numeric>
#include <span>
#include <vector>

#include <gtest/gtest.h>

#include "aggregate/weighted_mean.h"
#include "core/error.h"
#include "core/spec.h"
#include "data/load.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

TEST(WeightedMeanTest, WeightsBySampleCount) {
  WeightedMean mean(2);
  mean.add(std::vector<float>{1, 10}, 1);
  mean.add(std::vector<float>{4, 40}, 3);
  std::vector<float> out(2);
  mean.result(out);
  EXPECT_FLOAT_EQ(out[0], (1 * 1 + 4 * 3) / 4.0f);
  EXPECT_FLOAT_EQ(out[1], (10 * 1 + 40 * 3) / 4.0f);
  EXPECT_EQ(mean.samples(), 4u);
  EXPECT_EQ(mean.contributions(), 2);
  EXPECT_THROW(mean.add(std::vector<float>{1}, 1), Error);
  mean.reset();
  EXPECT_THROW(mean.result(out), Error);
}

// The parameter server's fused rounds take the mean a slice at a time: checked against
// WeightedMean over whole arrays, and a lone update must come out exactly.
TEST(WeightedMeanTest, SlicesOfTheMeanAgreeWithTheWholeMean) {
  const std::size_t n = 1001;
  std::vector<std::vector<float>> updates(3, std::vector<float>(n));
  for (std::size_t k = 0; k < updates.size(); ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      updates[k][i] = std::sin(static_cast<float>(i * (k + 3))) * static_cast<float>(k + 1) / 7.0f;
    }
  }
  const std::vector<std::uint32_t> samples = {64, 17, 3};
  WeightedMean whole(n);
  for (std::size_t k = 0; k < updates.size(); ++k) whole.add(updates[k], samples[k]);
  std::vector<float> expected(n), sliced(n);
  whole.result(expected);
  const std::vector<std::span<const float>> views(updates.begin(), updates.end());
  const std::vector<float> weights(samples.begin(), samples.end());
  for (std::size_t begin = 0; begin < n; begin += 100) {
    const std::size_t size = std::min<std::size_t>(100, n - begin);
    weightedMeanSlice(views, weights, 84.0f, begin, std::span<float>(sliced).subspan(begin, size));
  }
  for (std::size_t i = 0; i < n; ++i) ASSERT_NEAR(sliced[i], expected[i], 1e-6f) << i;

  std::vector<float> lone(n);
  weightedMeanSlice(std::span(views).first(1), std::vector<float>{64.0f}, 64.0f, 0, lone);
  EXPECT_EQ(lone, updates[0]);
  EXPECT_THROW(weightedMeanSlice(views, std::vector<float>{1.0f}, 1.0f, 0, lone), Error);
  EXPECT_THROW(weightedMeanSlice(views, weights, 84.0f, 1, lone), Error);  // past the end
}

// The barrier's one-pass aggregation must not change a bit of what add() then result() give.
TEST(WeightedMeanTest, AddAndTakeEqualsAddThenResultToTheBit) {
  std::vector<std::vector<float>> updates(3, std::vector<float>(1001));
  for (std::size_t k = 0; k < updates.size(); ++k) {
    for (std::size_t i = 0; i < updates[k].size(); ++i) {
      updates[k][i] = std::sin(static_cast<float>(i * (k + 3))) * static_cast<float>(k + 1) / 7.0f;
    }
  }
  const std::uint32_t samples[] = {64, 37, 5};
  for (std::size_t count = 1; count <= updates.size(); ++count) {
    WeightedMean twoSteps(1001), fused(1001);
    for (std::size_t k = 0; k < count; ++k) twoSteps.add(updates[k], samples[k]);
    for (std::size_t k = 0; k + 1 < count; ++k) fused.add(updates[k], samples[k]);
    std::vector<float> expected(1001), got(1001);
    twoSteps.result(expected);
    fused.addAndTake(updates[count - 1], samples[count - 1], got);
    for (std::size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(std::bit_cast<std::uint32_t>(got[i]), std::bit_cast<std::uint32_t>(expected[i]))
          << count << " updates, value " << i;
    }
    // A mean reused after result() and reset() (a round a departing worker completed) holds a
    // stale sum: the next round must not see it.
    twoSteps.reset();
    twoSteps.add(updates[1], 3);
    twoSteps.addAndTake(updates[2], 5, got);
    EXPECT_FLOAT_EQ(got[7], (3 * updates[1][7] + 5 * updates[2][7]) / 8.0f);
    // It also emptied the sum: the next round starts from nothing.
    EXPECT_EQ(fused.samples(), 0u);
    EXPECT_THROW(fused.result(got), Error);
    fused.add(updates[0], 2);
    fused.result(got);
    EXPECT_FLOAT_EQ(got[5], updates[0][5]);
  }
  WeightedMean empty(2);
  std::vector<float> out(2);
  EXPECT_THROW(empty.addAndTake(std::vector<float>{1, 2}, 0, out), Error);
  EXPECT_THROW(empty.addAndTake(std::vector<float>{1}, 1, out), Error);
}

// The lecture's argument for data parallelism on its own example: the gradient of the mean squared
// error over 80 people equals the sample-weighted mean of the gradients that two machines compute
// on their halves, even when the halves are unequal.
TEST(WeightedMeanTest, AveragedWorkerGradientsEqualTheFullBatchGradient) {
  Spec spec;
  spec.dataset.name = "height-weight";
  spec.model.arch = "linear";
  spec.training.loss = "mse";
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  Model model = buildModel(spec.model, data.train.shape, 1, spec.seed);
  auto gradientOn = [&](std::size_t first, std::size_t count) {
    std::vector<std::size_t> rows(count);
    std::iota(rows.begin(), rows.end(), first);
    Matrix x, targets, dOut;
    std::vector<int> labels;
    gatherBatch(data.train, rows, x, labels, targets);
    computeLoss(LossKind::MeanSquaredError, model.forward(x), {labels, &targets}, &dOut);
    model.backward(dOut);
    return std::vector<float>(model.gradients().begin(), model.gradients().end());
  };
  const std::size_t n = data.train.size();
  const auto full = gradientOn(0, n);
  for (std::size_t split : {n / 2, n / 4}) {
    WeightedMean mean(model.parameterCount());
    mean.add(gradientOn(0, split), static_cast<std::uint32_t>(split));
    mean.add(gradientOn(split, n - split), static_cast<std::uint32_t>(n - split));
    std::vector<float> averaged(model.parameterCount());
    mean.result(averaged);
    for (std::size_t i = 0; i < full.size(); ++i) {
      EXPECT_NEAR(averaged[i], full[i], 1e-4 * std::abs(full[i]) + 1e-4) << "split " << split;
    }
  }
}

}  // namespace
}  // namespace distlab::engine
