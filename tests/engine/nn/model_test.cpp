#include <algorithm>
#include <cmath>
#include <cstring>

#include <gtest/gtest.h>

#include "core/error.h"
#include "nn/activations.h"
#include "nn/builders.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/pooling.h"
#include "nn_test_util.h"

namespace distlab::engine {
namespace {

TEST(BuildModelTest, MlpAndLeNetHaveTheTextbookParameterCounts) {
  ModelSpec mlp;  // 784-256-128-10
  EXPECT_EQ(buildModel(mlp, Shape{1, 28, 28}, 10, 1).parameterCount(),
            784u * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
  ModelSpec lenet;
  lenet.arch = "lenet5";
  Model model = buildModel(lenet, Shape{1, 28, 28}, 10, 1);
  // conv 6x1x5x5+6, conv 16x6x5x5+16, 400->120, 120->84, 84->10.
  EXPECT_EQ(model.parameterCount(), 156u + 2416 + 48120 + 10164 + 850);
  EXPECT_EQ(model.outputShape(), (Shape{10, 1, 1}));
  ModelSpec linear;
  linear.arch = "linear";
  EXPECT_EQ(buildModel(linear, Shape{1, 1, 1}, 1, 1).parameterCount(), 2u);
}

TEST(BuildModelTest, SameSeedSameWeightsOtherSeedOtherWeights) {
  ModelSpec spec;
  spec.hidden = {32};
  Model a = buildModel(spec, Shape{20, 1, 1}, 3, 5);
  Model b = buildModel(spec, Shape{20, 1, 1}, 3, 5);
  Model c = buildModel(spec, Shape{20, 1, 1}, 3, 6);
  ASSERT_EQ(a.parameterCount(), b.parameterCount());
  EXPECT_EQ(0, std::memcmp(a.parameters().data(), b.parameters().data(),
                           a.parameterCount() * sizeof(float)));
  EXPECT_NE(0, std::memcmp(a.parameters().data(), c.parameters().data(),
                           a.parameterCount() * sizeof(float)));
}

// A layout is the built model's layers with nothing drawn: same shapes and sizes, every
// parameter 0, and once given the built model's parameters it computes the same outputs.
TEST(BuildModelTest, ALayoutHasTheModelsLayersAndNoDrawnValues) {
  for (const char* arch : {"mlp", "lenet5"}) {
    ModelSpec spec;
    spec.arch = arch;
    Model built = buildModel(spec, Shape{1, 28, 28}, 10, 3);
    Model layout = buildModelLayout(spec, Shape{1, 28, 28}, 10);
    ASSERT_EQ(layout.parameterCount(), built.parameterCount()) << arch;
    EXPECT_EQ(layout.layerShapes(), built.layerShapes()) << arch;
    const auto zeros = layout.parameters();
    EXPECT_TRUE(std::all_of(zeros.begin(), zeros.end(), [](float v) { return v == 0.0f; }));
    std::copy(built.parameters().begin(), built.parameters().end(), layout.parameters().begin());
    Matrix x(784, 3);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(i % 17) / 17;
    const Matrix expected = built.forward(x);
    EXPECT_TRUE(layout.forward(x) == expected) << arch;
  }
}

TEST(BuildModelTest, HeInitHasTheRightSpread) {
  ModelSpec spec;
  spec.hidden = {512};
  Model model = buildModel(spec, Shape{400, 1, 1}, 2, 3);
  // First layer weights: N(0, 2/400). Their sample variance over 204800 draws is within 2%.
  double sum = 0, sq = 0;
  const std::size_t n = 400 * 512;
  for (std::size_t i = 0; i < n; ++i) {
    sum += model.parameters()[i];
    sq += static_cast<double>(model.parameters()[i]) * model.parameters()[i];
  }
  EXPECT_NEAR(sum / n, 0.0, 1e-3);
  EXPECT_NEAR(sq / n / (2.0 / 400), 1.0, 0.02);
}

TEST(ModelGradientTest, WholeMlpMatchesFiniteDifferences) {
  ModelSpec spec;
  spec.hidden = {6, 5};
  spec.activation = "tanh";
  spec.init = "xavier";
  Model model = buildModel(spec, Shape{4, 1, 1}, 3, 2);
  auto [inputError, paramError] = testing::gradientErrors(model, testing::randomMatrix(4, 3, 8));
  EXPECT_LT(inputError, 1e-2);
  EXPECT_LT(paramError, 1e-2);
}

TEST(ModelGradientTest, SmoothConvNetMatchesFiniteDifferences) {
  // LeNet's layout with average pooling: a whole LeNet with max pooling fails a finite-difference
  // check through no fault of its own, because a step of 1e-2 flips which input wins a window.
  Model model(Shape{2, 12, 12});
  model.add(std::make_unique<Conv2D>(3, 5, 1, 2));
  model.add(std::make_unique<Tanh>());
  model.add(std::make_unique<AvgPool2D>(2));
  model.add(std::make_unique<Conv2D>(4, 3, 2, 1));
  model.add(std::make_unique<Sigmoid>());
  model.add(std::make_unique<Flatten>());
  model.add(std::make_unique<Dense>(3));
  model.finalize();
  Rng rng(4);
  model.initialize(Initializer{InitKind::Xavier}, rng);
  auto [inputError, paramError] =
      testing::gradientErrors(model, testing::randomMatrix(288, 2, 10), 1e-2f);
  EXPECT_LT(inputError, 1e-2);
  EXPECT_LT(paramError, 1e-2);
}

TEST(BuildModelTest, PoolingBeforeTheActivationChangesNoValue) {
  // The builder's LeNet pools before activating; conv-act-pool must give the same outputs and
  // gradients for every activation, since max commutes with non-decreasing functions.
  for (const char* activation : {"relu", "sigmoid", "tanh"}) {
    ModelSpec spec;
    spec.arch = "lenet5";
    spec.activation = activation;
    Model built = buildModel(spec, Shape{1, 16, 16}, 3, 8);
    Model textbook(Shape{1, 16, 16});
    auto act = [&]() -> std::unique_ptr<Layer> {
      if (spec.activation == "relu") return std::make_unique<ReLU>();
      if (spec.activation == "sigmoid") return std::make_unique<Sigmoid>();
      return std::make_unique<Tanh>();
    };
    textbook.add(std::make_unique<Conv2D>(6, 5, 1, 2))
        .add(act())
        .add(std::make_unique<MaxPool2D>(2));
    textbook.add(std::make_unique<Conv2D>(16, 5)).add(act()).add(std::make_unique<MaxPool2D>(2));
    textbook.add(std::make_unique<Flatten>()).add(std::make_unique<Dense>(120)).add(act());
    textbook.add(std::make_unique<Dense>(84)).add(act()).add(std::make_unique<Dense>(3));
    textbook.finalize();
    ASSERT_EQ(textbook.parameterCount(), built.parameterCount());
    std::copy(built.parameters().begin(), built.parameters().end(), textbook.parameters().begin());
    const Matrix x = testing::randomMatrix(256, 3, 21);
    const Matrix dOut = testing::randomMatrix(3, 3, 22);
    EXPECT_TRUE(built.forward(x).isApprox(textbook.forward(x), 1e-6f)) << activation;
    Matrix dxBuilt, dxTextbook;
    built.backward(dOut, &dxBuilt);
    textbook.backward(dOut, &dxTextbook);
    EXPECT_TRUE(dxBuilt.isApprox(dxTextbook, 1e-5f)) << activation;
    for (std::size_t i = 0; i < built.parameterCount(); ++i) {
      ASSERT_NEAR(built.gradients()[i], textbook.gradients()[i], 1e-5f) << activation << " " << i;
    }
  }
}

TEST(ModelTest, BackwardOverwritesOrAccumulatesGradients) {
  ModelSpec spec;
  spec.arch = "lenet5";
  Model model = buildModel(spec, Shape{1, 12, 12}, 3, 4);
  const Matrix x = testing::randomMatrix(144, 2, 5);
  const Matrix dOut = testing::randomMatrix(3, 2, 6);
  model.forward(x);
  model.backward(dOut);
  const std::vector<float> once(model.gradients().begin(), model.gradients().end());
  model.forward(x);
  model.backward(dOut);  // overwrite: the same values again, not twice them
  EXPECT_TRUE(std::equal(once.begin(), once.end(), model.gradients().begin()));
  model.forward(x);
  model.backward(dOut, nullptr, GradientMode::Accumulate);
  for (std::size_t i = 0; i < once.size(); ++i) {
    ASSERT_NEAR(model.gradients()[i], 2.0f * once[i], 1e-5f * (1.0f + std::abs(once[i]))) << i;
  }
}

// A cluster worker's model moves into the memory it shares with the coordinator: the same
// numbers come out, the gradients are written there, and writing the parameters there is what
// the layers then compute with.
TEST(ModelTest, MovedBuffersComputeTheSameAndAreWhereTheModelReadsAndWrites) {
  ModelSpec spec;
  spec.arch = "lenet5";
  Model own = buildModel(spec, Shape{1, 12, 12}, 3, 4);
  Model moved = buildModel(spec, Shape{1, 12, 12}, 3, 4);
  const Matrix x = testing::randomMatrix(144, 2, 5);
  const Matrix dOut = testing::randomMatrix(3, 2, 6);
  std::vector<float> params(moved.parameterCount(), -1.0f), grads(moved.parameterCount(), -1.0f);
  moved.moveBuffers(params, grads);
  EXPECT_EQ(moved.parameters().data(), params.data());
  EXPECT_EQ(moved.gradients().data(), grads.data());
  EXPECT_TRUE(std::equal(params.begin(), params.end(), own.parameters().begin()));
  const Matrix yOwn = own.forward(x);
  const Matrix yMoved = moved.forward(x);
  EXPECT_EQ(yOwn, yMoved);
  own.backward(dOut);
  moved.backward(dOut);
  EXPECT_TRUE(std::equal(grads.begin(), grads.end(), own.gradients().begin()));
  std::fill(params.begin(), params.end(), 0.0f);  // as a PARAMS frame lands there
  EXPECT_TRUE(moved.forward(x).isZero());
  std::vector<float> wrong(3);
  EXPECT_THROW(moved.moveBuffers(wrong, grads), Error);
}

TEST(ModelTest, SummaryListsLayersAndTotal) {
  ModelSpec spec;
  Model model = buildModel(spec, Shape{1, 28, 28}, 10, 1);
  const auto text = model.summary();
  EXPECT_NE(text.find("Dense(784->256)"), std::string::npos);
  EXPECT_NE(text.find("total 235146 parameters"), std::string::npos);
}

// Pipeline stages: consecutive layers taken out of one network compute, chained, exactly what
// the whole network does, and replicas that share a stage's buffers sum their gradients there.
TEST(ModelTest, ExtractedStagesChainToTheWholeNetworkAndReplicasShareTheirBuffers) {
  ModelSpec spec;
  spec.arch = "lenet5";
  const Shape input{1, 28, 28};
  Model whole = buildModel(spec, input, 10, 11);
  Rng rng(3);
  Matrix x(input.size(), 5);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniformFloat();
  const Matrix expected = whole.forward(x);
  Model a = buildModel(spec, input, 10, 11), b = buildModel(spec, input, 10, 11);
  Model first = a.extractLayers(0, 5), second = b.extractLayers(5, 12);
  EXPECT_EQ(first.parameterCount() + second.parameterCount(), whole.parameterCount());
  const Matrix middle = first.forward(x);
  EXPECT_EQ((second.forward(middle) - expected).cwiseAbs().maxCoeff(), 0.0f);

  // Two replicas of the second stage, each with a micro-batch in flight, accumulate into the
  // owner's gradient: the sum equals one backward over both micro-batches at once.
  Model c = buildModel(spec, input, 10, 11), d = buildModel(spec, input, 10, 11);
  Model r1 = c.extractLayers(5, 12), r2 = d.extractLayers(5, 12);
  r1.shareBuffers(second.parameters(), second.gradients());
  r2.shareBuffers(second.parameters(), second.gradients());
  EXPECT_TRUE(r1.parameters().empty());
  const Matrix left = middle.leftCols(2), right = middle.rightCols(3);
  Matrix dLeft = Matrix::Ones(10, 2), dRight = Matrix::Ones(10, 3);
  r1.forward(left);
  r2.forward(right);  // r1's activations stay its own
  second.zeroGradients();
  r1.backward(dLeft, nullptr, GradientMode::Accumulate);
  r2.backward(dRight, nullptr, GradientMode::Accumulate);
  const std::vector<float> summed(second.gradients().begin(), second.gradients().end());
  second.forward(middle);
  second.backward(Matrix::Ones(10, 5));
  for (std::size_t i = 0; i < summed.size(); ++i) {
    ASSERT_NEAR(summed[i], second.gradients()[i], 1e-4f * (1.0f + std::abs(summed[i]))) << i;
  }
}

}  // namespace
}  // namespace distlab::engine
