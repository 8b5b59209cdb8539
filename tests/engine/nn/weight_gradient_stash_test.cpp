#include "nn/weight_gradient_stash.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "nn/builders.h"
#include "nn/dense.h"
#include "nn/model.h"
#include "nn_test_util.h"

namespace distlab::engine {
namespace {

using testing::randomMatrix;

double maxRelativeDifference(std::span<const float> a, std::span<const float> b) {
  double worst = 0.0, scale = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, std::abs(static_cast<double>(a[i]) - b[i]));
    scale = std::max(scale, std::abs(static_cast<double>(b[i])));
  }
  return worst / scale;
}

// LeNet-5 mixes layers that split their backward pass (Dense) with ones that do not (Conv2D,
// pooling), so both paths of Model::backward(..., stash) run.
Model lenet() {
  ModelSpec spec;
  spec.arch = "lenet5";
  return buildModel(spec, Shape{1, 28, 28}, 10, 4);
}

TEST(WeightGradientStashTest, ChunksFlushedInTwoGroupsGiveTheWholeBatchGradients) {
  constexpr int kBatch = 24;
  const Matrix x = randomMatrix(784, kBatch, 1, 0.0f, 1.0f);
  const Matrix dOut = randomMatrix(10, kBatch, 2);
  Model model = lenet();
  model.forward(x);
  Matrix dxWhole;
  model.backward(dOut, &dxWhole, GradientMode::Overwrite);
  const std::vector<float> whole(model.gradients().begin(), model.gradients().end());

  model.zeroGradients();
  WeightGradientStash stash;
  stash.prepare(model, 18);
  const std::size_t denseStart =
      model.parameterCount() - (400 * 120 + 120 + 120 * 84 + 84 + 84 * 10 + 10);
  int begin = 0;
  for (const int columns : {8, 10, 6}) {
    const Matrix xc = x.middleCols(begin, columns);
    model.forward(xc);
    Matrix dx;
    model.backward(dOut.middleCols(begin, columns), &dx, stash);
    EXPECT_LT((dx - dxWhole.middleCols(begin, columns)).cwiseAbs().maxCoeff(),
              1e-5f * dxWhole.cwiseAbs().maxCoeff());
    begin += columns;
    if (begin == 8) {
      // Kept, not added: the dense layers' gradients are still zero, the convolutions' are not.
      EXPECT_EQ(stash.columns(), 8);
      EXPECT_EQ(stash.heldBytes(), 8u * (400 + 120 + 120 + 84 + 84 + 10) * sizeof(float));
      const auto g = model.gradients();
      EXPECT_TRUE(std::all_of(g.begin() + static_cast<std::ptrdiff_t>(denseStart), g.end(),
                              [](float v) { return v == 0.0f; }));
      EXPECT_TRUE(std::any_of(g.begin(), g.begin() + static_cast<std::ptrdiff_t>(denseStart),
                              [](float v) { return v != 0.0f; }));
    }
    if (begin == 18) stash.flush(model);
  }
  EXPECT_EQ(stash.columns(), 6);
  stash.flush(model);
  EXPECT_EQ(stash.columns(), 0);
  EXPECT_EQ(stash.heldBytes(), 0u);
  EXPECT_LT(maxRelativeDifference(model.gradients(), whole), 1e-5);
}

TEST(WeightGradientStashTest, AFlushAddsToGradientsAlreadyThere) {
  Model model = lenet();
  const Matrix x = randomMatrix(784, 5, 3, 0.0f, 1.0f);
  const Matrix dOut = randomMatrix(10, 5, 4);
  model.forward(x);
  model.backward(dOut, nullptr, GradientMode::Overwrite);
  const std::vector<float> once(model.gradients().begin(), model.gradients().end());
  WeightGradientStash stash;
  stash.prepare(model, 5);
  model.forward(x);  // a layer may use what its forward pass kept only once
  model.backward(dOut, nullptr, stash);
  stash.flush(model);
  for (std::size_t i = 0; i < once.size(); i += 97) {
    EXPECT_NEAR(model.gradients()[i], 2.0f * once[i], 1e-5f * (1.0f + std::abs(once[i])));
  }
}

TEST(WeightGradientStashTest, MoreColumnsThanPreparedOrALayerThatDoesNotSplitIsAnError) {
  Model model = lenet();
  WeightGradientStash stash;
  stash.prepare(model, 4);
  const Matrix x = randomMatrix(784, 5, 5, 0.0f, 1.0f);
  model.forward(x);
  EXPECT_THROW(model.backward(randomMatrix(10, 5, 6), nullptr, stash), Error);

  const auto& conv = *model.layers().front();
  ASSERT_FALSE(conv.splitsWeightGradient());
  Matrix dx;
  EXPECT_THROW(model.layers().front()->backwardInput(x, x, x, dx), Error);
  EXPECT_THROW(model.layers().front()->addWeightGradient(x.data(), x.data(), 1), Error);
}

}  // namespace
}  // namespace distlab::engine
