#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "nn/activations.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/pooling.h"
#include "nn_test_util.h"

namespace distlab::engine {
namespace {

using testing::gradientErrors;
using testing::randomMatrix;
using testing::singleLayerModel;

// Central differences in float with step 1e-2 have truncation + rounding error around 1e-3 of the
// gradient's scale on these sizes; 1e-2 relative leaves margin while catching any real mistake
// (a wrong index or a missing term is off by O(1)).
constexpr double kTolerance = 1e-2;

TEST(DenseTest, GradientsMatchFiniteDifferences) {
  Model model = singleLayerModel(std::make_unique<Dense>(5), Shape{7, 1, 1});
  auto [inputError, paramError] = gradientErrors(model, randomMatrix(7, 4, 1));
  EXPECT_LT(inputError, kTolerance);
  EXPECT_LT(paramError, kTolerance);
}

TEST(DenseTest, ComputesWxPlusBByHand) {
  Model model = singleLayerModel(std::make_unique<Dense>(2), Shape{3, 1, 1});
  auto p = model.parameters();
  // W = [[1 2 3], [4 5 6]] column-major, then b = [0.5, -1].
  const float values[] = {1, 4, 2, 5, 3, 6, 0.5f, -1};
  std::copy(std::begin(values), std::end(values), p.begin());
  Matrix x(3, 1);
  x << 1, 0, -1;
  const Matrix& y = model.forward(x);
  EXPECT_FLOAT_EQ(y(0, 0), 1 - 3 + 0.5f);
  EXPECT_FLOAT_EQ(y(1, 0), 4 - 6 - 1.0f);
}

TEST(DenseTest, ViewsShareTheModelsFlatBuffers) {
  Model model(Shape{3, 1, 1});
  model.add(std::make_unique<Dense>(4));
  model.add(std::make_unique<Dense>(2));
  model.finalize();
  auto& second = static_cast<Dense&>(*model.layers()[1]);
  // The second layer's weights start right after the first layer's 4*3 + 4 values.
  second.weights()(1, 2) = 42.0f;
  EXPECT_EQ(model.parameters()[16 + 2 * 2 + 1], 42.0f);
  model.parameters()[16 + 8] = -3.0f;  // first bias of the second layer
  EXPECT_EQ(second.bias()[0], -3.0f);
  EXPECT_EQ(model.parameterCount(), 16u + 10u);
  // Gradients land in the flat gradient buffer at the same offsets.
  model.zeroGradients();
  const Matrix x = Matrix::Ones(3, 1);  // backward() reads the input of the last forward()
  model.forward(x);
  model.backward(Matrix::Ones(2, 1));
  EXPECT_EQ(model.gradients()[16 + 8], 1.0f);  // dL/db = dy = 1
}

struct ConvCase {
  int inChannels, size, outChannels, kernel, stride, padding;
};

class ConvGradientTest : public ::testing::TestWithParam<ConvCase> {};

TEST_P(ConvGradientTest, GradientsMatchFiniteDifferences) {
  const auto c = GetParam();
  const Shape in{c.inChannels, c.size, c.size};
  Model model =
      singleLayerModel(std::make_unique<Conv2D>(c.outChannels, c.kernel, c.stride, c.padding), in);
  auto [inputError, paramError] = gradientErrors(model, randomMatrix(in.size(), 3, 2));
  EXPECT_LT(inputError, kTolerance);
  EXPECT_LT(paramError, kTolerance);
}

INSTANTIATE_TEST_SUITE_P(Shapes, ConvGradientTest,
                         ::testing::Values(ConvCase{1, 6, 2, 3, 1, 0}, ConvCase{1, 7, 3, 5, 1, 2},
                                           ConvCase{2, 7, 3, 3, 2, 1}, ConvCase{3, 6, 2, 2, 2, 0},
                                           ConvCase{2, 5, 4, 3, 1, 1}));

TEST(Conv2DTest, OutputShapeFollowsTheFormula) {
  Conv2D conv(6, 5, 1, 2);
  EXPECT_EQ(conv.configure(Shape{1, 28, 28}), (Shape{6, 28, 28}));
  Conv2D strided(4, 3, 2, 1);
  EXPECT_EQ(strided.configure(Shape{3, 7, 7}), (Shape{4, 4, 4}));  // floor((7+2-3)/2)+1
  Conv2D tooBig(1, 9);
  EXPECT_THROW(tooBig.configure(Shape{1, 5, 5}), Error);
}

TEST(Conv2DTest, ComputesACrossCorrelationByHand) {
  // One 3x3 input, one 2x2 kernel [[1,2],[3,4]], bias 1, no padding -> 2x2 output.
  Model model = singleLayerModel(std::make_unique<Conv2D>(1, 2), Shape{1, 3, 3});
  auto p = model.parameters();
  const float weights[] = {1, 2, 3, 4, 1};  // W row (ky,kx) order, then bias
  std::copy(std::begin(weights), std::end(weights), p.begin());
  Matrix x(9, 1);
  x << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  const Matrix& y = model.forward(x);
  EXPECT_FLOAT_EQ(y(0, 0), 1 * 1 + 2 * 2 + 3 * 4 + 4 * 5 + 1);
  EXPECT_FLOAT_EQ(y(1, 0), 1 * 2 + 2 * 3 + 3 * 5 + 4 * 6 + 1);
  EXPECT_FLOAT_EQ(y(2, 0), 1 * 4 + 2 * 5 + 3 * 7 + 4 * 8 + 1);
  EXPECT_FLOAT_EQ(y(3, 0), 1 * 5 + 2 * 6 + 3 * 8 + 4 * 9 + 1);
}

TEST(Conv2DTest, ZeroPaddingReadsZerosAtTheBorder) {
  Model model = singleLayerModel(std::make_unique<Conv2D>(1, 3, 1, 1), Shape{1, 2, 2});
  auto p = model.parameters();
  std::fill(p.begin(), p.end(), 1.0f);
  p[9] = 0.0f;  // bias
  Matrix x(4, 1);
  x << 1, 2, 3, 4;
  const Matrix& y = model.forward(x);
  // With padding 1 every 3x3 window of a 2x2 image covers all four pixels.
  for (int i = 0; i < 4; ++i) EXPECT_FLOAT_EQ(y(i, 0), 10.0f);
}

// Stride 1 with more than 32 taps against plain loops in double: LeNet-5's second layer on 70
// examples (a full block of 64 and a partial one) then 128 (two full blocks), a padded layer on
// 40 then 33 (one partial block each), and LeNet-5's layer on 5 then 7 (lowered). Forward, dW,
// db and dx; Accumulate adds the later batches' gradients, the last one without dx.
TEST(Conv2DTest, StrideOneLayersMatchPlainLoopsOnEveryPath) {
  struct Case {
    int in, side, out, k, pad, firstBatch, laterBatch;
  };
  for (const Case cs :
       {Case{6, 14, 16, 5, 0, 70, 128}, Case{4, 9, 5, 3, 1, 40, 33}, Case{6, 14, 16, 5, 0, 5, 7}}) {
    const int outSide = cs.side + 2 * cs.pad - cs.k + 1, taps = cs.in * cs.k * cs.k;
    Model model = singleLayerModel(std::make_unique<Conv2D>(cs.out, cs.k, 1, cs.pad),
                                   Shape{cs.in, cs.side, cs.side});
    const auto params = model.parameters();
    auto w = [&](int co, int ci, int ky, int kx) {  // column-major (out x in*k*k)
      return static_cast<double>(params[co + cs.out * ((ci * cs.k + ky) * cs.k + kx)]);
    };
    std::vector<double> dwRef(params.size(), 0.0);
    for (int round = 0; round < 3; ++round) {
      const int batch = round == 0 ? cs.firstBatch : cs.laterBatch;
      const bool wantDx = round < 2;
      const Matrix x = randomMatrix(cs.in * cs.side * cs.side, batch, 11 + round);
      const Matrix dy = randomMatrix(cs.out * outSide * outSide, batch, 21 + round);
      const Matrix y = model.forward(x);
      Matrix dx;
      model.backward(dy, wantDx ? &dx : nullptr,
                     round == 0 ? GradientMode::Overwrite : GradientMode::Accumulate);
      double yErr = 0, dxErr = 0, dwErr = 0;
      std::vector<double> dxRef(static_cast<std::size_t>(x.size()), 0.0);
      for (int b = 0; b < batch; ++b) {
        for (int co = 0; co < cs.out; ++co) {
          for (int oy = 0; oy < outSide; ++oy) {
            for (int ox = 0; ox < outSide; ++ox) {
              const auto row = (co * outSide + oy) * outSide + ox;
              double sum = params[cs.out * taps + co];
              const double g = dy(row, b);
              dwRef[cs.out * taps + co] += g;
              for (int ci = 0; ci < cs.in; ++ci) {
                for (int ky = 0; ky < cs.k; ++ky) {
                  for (int kx = 0; kx < cs.k; ++kx) {
                    const int iy = oy + ky - cs.pad, ix = ox + kx - cs.pad;
                    if (iy < 0 || iy >= cs.side || ix < 0 || ix >= cs.side) continue;
                    const auto at = (ci * cs.side + iy) * cs.side + ix;
                    sum += w(co, ci, ky, kx) * x(at, b);
                    dwRef[co + cs.out * ((ci * cs.k + ky) * cs.k + kx)] += g * x(at, b);
                    dxRef[b * x.rows() + at] += g * w(co, ci, ky, kx);
                  }
                }
              }
              yErr = std::max(yErr, std::abs(sum - y(row, b)));
            }
          }
        }
      }
      for (Eigen::Index i = 0; wantDx && i < x.size(); ++i)
        dxErr = std::max(dxErr, std::abs(dxRef[i] - dx.data()[i]));
      for (std::size_t i = 0; i < dwRef.size(); ++i)
        dwErr = std::max(dwErr, std::abs(dwRef[i] - model.gradients()[i]));
      EXPECT_LT(yErr, 1e-4) << cs.in << " round " << round;
      EXPECT_LT(dxErr, 1e-4) << cs.in << " round " << round;
      EXPECT_LT(dwErr, 1e-3) << cs.in << " round " << round;  // sums of up to 14,000 products
    }
  }
}

TEST(PoolingTest, MaxPoolPicksTheMaximumAndRoutesItsGradient) {
  Model model = singleLayerModel(std::make_unique<MaxPool2D>(2), Shape{1, 2, 4});
  Matrix x(8, 1);
  x << 1, 5, 2, 0, 3, 4, 9, 8;
  const Matrix& y = model.forward(x);
  ASSERT_EQ(y.rows(), 2);
  EXPECT_FLOAT_EQ(y(0, 0), 5);
  EXPECT_FLOAT_EQ(y(1, 0), 9);
  Matrix dx;
  Matrix dy(2, 1);
  dy << 10, 20;
  model.backward(dy, &dx);
  Matrix expected(8, 1);
  expected << 0, 10, 0, 0, 0, 0, 20, 0;
  EXPECT_EQ(dx, expected);
}

TEST(PoolingTest, MaxPoolGradientMatchesFiniteDifferences) {
  Model model = singleLayerModel(std::make_unique<MaxPool2D>(2), Shape{2, 4, 6});
  // Distinct values keep every window's maximum away from ties, where max is not differentiable.
  Matrix x = randomMatrix(48, 2, 3);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] += static_cast<float>(i % 48) * 0.1f;
  EXPECT_LT(gradientErrors(model, x, 1e-3f).first, kTolerance);
}

TEST(PoolingTest, OverlappingMaxPoolGradientMatchesFiniteDifferences) {
  // 3x3 windows with stride 2 take the general loop (2x2/2 has an unrolled one).
  Model model = singleLayerModel(std::make_unique<MaxPool2D>(3, 2), Shape{2, 7, 7});
  Matrix x = randomMatrix(98, 2, 12);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] += static_cast<float>(i % 98) * 0.1f;
  const Matrix& y = model.forward(x);
  ASSERT_EQ(y.rows(), 2 * 3 * 3);
  // Output (1,2) of channel 1 covers input rows 2-4, columns 4-6 of that channel.
  float expected = -1e9f;
  for (int r = 2; r <= 4; ++r) {
    for (int c = 4; c <= 6; ++c) expected = std::max(expected, x(49 + r * 7 + c, 1));
  }
  EXPECT_EQ(y(9 + 1 * 3 + 2, 1), expected);
  EXPECT_LT(gradientErrors(model, x, 1e-3f).first, kTolerance);
}

TEST(PoolingTest, MaxPoolOnOddSizesLeavesTheLastRowAndColumnWithoutGradient) {
  // 5x5 with 2x2 windows: row 4 and column 4 belong to no window.
  Model model = singleLayerModel(std::make_unique<MaxPool2D>(2), Shape{1, 5, 5});
  Matrix x = randomMatrix(25, 1, 13);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] += static_cast<float>(i) * 0.1f;
  model.forward(x);
  Matrix dx;
  model.backward(Matrix::Ones(4, 1), &dx);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(dx(4 * 5 + i, 0), 0.0f);
    EXPECT_EQ(dx(i * 5 + 4, 0), 0.0f);
  }
  EXPECT_FLOAT_EQ(dx.sum(), 4.0f);  // each of the 4 windows routes its 1 to one input
  EXPECT_LT(gradientErrors(model, x, 1e-3f).first, kTolerance);
}

TEST(PoolingTest, MaxPool2x2MatchesAPlainLoopOnRealSizes) {
  // 28x28 (14 windows a row, one short vector chunk) and 40x40 (20: a full chunk plus a tail).
  for (int size : {28, 40}) {
    const Shape in{3, size, size};
    Model model = singleLayerModel(std::make_unique<MaxPool2D>(2), in);
    const Matrix x = randomMatrix(in.size(), 2, 14);
    const Matrix& y = model.forward(x);
    const int half = size / 2;
    Matrix dy = randomMatrix(y.rows(), 2, 15), dx;
    model.backward(dy, &dx);
    for (int b = 0; b < 2; ++b) {
      for (int c = 0; c < 3; ++c) {
        for (int oy = 0; oy < half; ++oy) {
          for (int ox = 0; ox < half; ++ox) {
            int best = -1;
            for (int k = 0; k < 4; ++k) {
              const int i = (c * size + 2 * oy + k / 2) * size + 2 * ox + k % 2;
              if (best < 0 || x(i, b) > x(best, b)) best = i;
            }
            const int o = (c * half + oy) * half + ox;
            ASSERT_EQ(y(o, b), x(best, b)) << size << " " << o;
            ASSERT_EQ(dx(best, b), dy(o, b)) << size << " " << o;
          }
        }
      }
    }
    EXPECT_NEAR(dx.sum(), dy.sum(), 1e-3);  // every gradient lands once, nothing else
  }
}

TEST(PoolingTest, AvgPoolAveragesAndGradientMatches) {
  Model model = singleLayerModel(std::make_unique<AvgPool2D>(2), Shape{1, 2, 2});
  Matrix x(4, 1);
  x << 1, 2, 3, 6;
  EXPECT_FLOAT_EQ(model.forward(x)(0, 0), 3.0f);
  Model strided = singleLayerModel(std::make_unique<AvgPool2D>(3, 2), Shape{2, 7, 7});
  EXPECT_LT(gradientErrors(strided, randomMatrix(98, 2, 4)).first, kTolerance);
}

TEST(ActivationTest, GradientsMatchFiniteDifferences) {
  // Inputs away from 0 so ReLU's kink is not straddled by the finite difference.
  Matrix x = randomMatrix(10, 3, 5, 0.1f, 2.0f);
  for (Eigen::Index i = 0; i < x.size(); i += 2) x.data()[i] = -x.data()[i];
  for (auto make : {+[]() -> std::unique_ptr<Layer> { return std::make_unique<ReLU>(); },
                    +[]() -> std::unique_ptr<Layer> { return std::make_unique<Sigmoid>(); },
                    +[]() -> std::unique_ptr<Layer> { return std::make_unique<Tanh>(); },
                    +[]() -> std::unique_ptr<Layer> { return std::make_unique<Softplus>(); },
                    +[]() -> std::unique_ptr<Layer> { return std::make_unique<Flatten>(); }}) {
    Model model = singleLayerModel(make(), Shape{10, 1, 1});
    EXPECT_LT(gradientErrors(model, x, 1e-3f).first, kTolerance) << model.summary();
  }
}

TEST(ActivationTest, ValuesByHand) {
  Matrix x(3, 1);
  x << -2, 0, 3;
  Matrix y;
  ReLU().forward(x, y);
  EXPECT_EQ(y, (Matrix(3, 1) << 0, 0, 3).finished());
  Sigmoid().forward(x, y);
  EXPECT_NEAR(y(0, 0), 1.0 / (1.0 + std::exp(2.0)), 1e-7);
  EXPECT_FLOAT_EQ(y(1, 0), 0.5f);
  Matrix extreme(2, 1);
  extreme << -1000, 1000;
  Sigmoid().forward(extreme, y);
  EXPECT_EQ(y(0, 0), 0.0f);
  EXPECT_EQ(y(1, 0), 1.0f);
  Tanh().forward(x, y);
  EXPECT_NEAR(y(2, 0), std::tanh(3.0), 1e-6);
  Softplus().forward(x, y);
  EXPECT_NEAR(y(0, 0), std::log1p(std::exp(-2.0)), 1e-7);
  EXPECT_NEAR(y(1, 0), std::log(2.0), 1e-7);
  Softplus().forward(extreme, y);
  EXPECT_EQ(y(0, 0), 0.0f);
  EXPECT_EQ(y(1, 0), 1000.0f);  // no overflow of e^x
}

}  // namespace
}  // namespace distlab::engine
