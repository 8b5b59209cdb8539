// Every kernel table the CPU can run (AVX2 always, AVX-512 where present) against plain loops,
// and the layers built on them against finite differences on each variant.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/rng.h"
#include "nn/builders.h"
#include "nn/conv2d.h"
#include "nn/kernels/kernels.h"
#include "nn/pooling.h"
#include "nn_test_util.h"

namespace distlab::engine::testing {
namespace {

constexpr double kTolerance = 2e-2;

std::vector<float> randomFloats(int n, std::uint64_t seed, int levels = 0) {
  Rng rng(seed);
  std::vector<float> v(static_cast<std::size_t>(n));
  // With levels > 0 the values are a few integers, so ties are frequent.
  for (float& x : v) {
    x = levels > 0 ? static_cast<float>(static_cast<int>(rng.uniform(0.0, levels)))
                   : static_cast<float>(rng.uniform(-1.0, 1.0));
  }
  return v;
}

class KernelVariantTest : public ActiveIsaTest {
 protected:
  const kernels::Table& table() const { return kernels::forIsa(GetParam()); }
};

// 1 to 13 channels: whole groups of six and every size of last group.
TEST_P(KernelVariantTest, ConvTapsAddsEveryTapInOrderAsAPlainLoopDoes) {
  const int n = 2 * kernels::kWideBlock, taps = 7, outStride = n + 5;
  const std::vector<int> offsets{0, 1, 2, 30, 31, 32, 61};
  const auto in = randomFloats(n + 64, 1);
  for (int channels = 1; channels <= 13; ++channels) {
    const int wStride = channels + 2;
    const auto w = randomFloats(taps * wStride, 2 + channels);
    const auto bias = randomFloats(channels, 30 + channels);
    std::vector<float> out(static_cast<std::size_t>(channels) * outStride, -7.0f);
    table().convTaps(in.data(), offsets.data(), nullptr, taps, w.data(), wStride, bias.data(),
                     channels, out.data(), outStride, n);
    for (int c = 0; c < channels; ++c) {
      for (int i = 0; i < outStride; ++i) {
        float expected = i < n ? bias[c] : -7.0f;  // nothing past n is written
        for (int t = 0; i < n && t < taps; ++t)
          expected = std::fma(w[c + t * wStride], in[offsets[t] + i], expected);
        ASSERT_EQ(out[c * outStride + i], expected) << channels << " " << c << " " << i;
      }
    }
  }
}

// The gather of the batch-inner convolution's dx: tap t reads weight row wRows[t]; no bias.
TEST_P(KernelVariantTest, ConvTapsIndexedReadsEachTapsWeightRow) {
  const int n = kernels::kWideBlock, taps = 9, rowsOfW = 12, outStride = n + 3;
  std::vector<int> offsets(taps), wRows(taps);
  for (int t = 0; t < taps; ++t) {
    offsets[t] = (t * 37) % 200;
    wRows[t] = (t * 5 + 3) % rowsOfW;  // out of order, some rows unused
  }
  const auto in = randomFloats(200 + n, 41);
  for (int channels = 1; channels <= 13; ++channels) {
    const int wStride = channels + 1;
    const auto w = randomFloats(rowsOfW * wStride, 50 + channels);
    std::vector<float> out(static_cast<std::size_t>(channels) * outStride, -7.0f);
    table().convTaps(in.data(), offsets.data(), wRows.data(), taps, w.data(), wStride, nullptr,
                     channels, out.data(), outStride, n);
    for (int c = 0; c < channels; ++c) {
      for (int i = 0; i < n; ++i) {
        float expected = 0.0f;
        for (int t = 0; t < taps; ++t)
          expected = std::fma(w[c + wRows[t] * wStride], in[offsets[t] + i], expected);
        ASSERT_EQ(out[c * outStride + i], expected) << channels << " " << c << " " << i;
      }
      ASSERT_EQ(out[c * outStride + n], -7.0f);
    }
  }
}

// The batch-inner dW: sums over rows placed at their own strides in g and in the input.
TEST_P(KernelVariantTest, ConvTapsGradRowsSumsEveryRow) {
  const kernels::GradRows rows{3, 48, 60, 70};
  const int taps = 7, channels = 4, gStride = 3 * 60, wStride = channels;
  std::vector<int> offsets(taps);
  for (int t = 0; t < taps; ++t) offsets[t] = t * 3;
  const auto g = randomFloats(channels * gStride, 60), in = randomFloats(3 * 70 + 64, 61);
  auto dw = randomFloats(taps * wStride, 62);
  const auto before = dw;
  table().convTapsGrad(g.data(), gStride, channels, in.data(), offsets.data(), taps, dw.data(),
                       wStride, rows);
  for (int c = 0; c < channels; ++c) {
    for (int t = 0; t < taps; ++t) {
      double dot = 0.0;
      for (int r = 0; r < rows.count; ++r)
        for (int i = 0; i < rows.n; ++i)
          dot += static_cast<double>(g[c * gStride + r * rows.gStride + i]) *
                 in[offsets[t] + r * rows.inStride + i];
      EXPECT_NEAR(dw[c + t * wStride], before[c + t * wStride] + dot, 1e-4) << c << " " << t;
    }
  }
}

TEST_P(KernelVariantTest, DotAndAxpyMatchDoublePrecisionLoops) {
  const int n = 3 * kernels::kWideBlock;
  const auto a = randomFloats(n, 3), b = randomFloats(n, 4);
  double dot = 0.0;
  for (int i = 0; i < n; ++i) dot += static_cast<double>(a[i]) * b[i];
  // One tap: convTapsGrad's per-tap dot product.
  const int offset = 0;
  float dw = 0.0f;
  table().convTapsGrad(a.data(), n, 1, b.data(), &offset, 1, &dw, 1, kernels::oneRow(n));
  EXPECT_NEAR(dw, dot, 1e-5 * n);

  auto y = b;
  table().axpyWide(-1.5f, a.data(), y.data(), n);
  for (int i = 0; i < n; ++i) ASSERT_NEAR(y[i], b[i] - 1.5 * a[i], 1e-6) << i;
}

// 13 taps (groups of four or five and a shorter last group) for 1 to 9 channels (whole groups and
// every size of last group).
TEST_P(KernelVariantTest, ConvTapsGradAddsEachTapsDotProductToItsWeight) {
  const int n = 2 * kernels::kWideBlock, taps = 13, gStride = n + 3;
  std::vector<int> offsets(taps);
  for (int t = 0; t < taps; ++t) offsets[t] = (t / 3) * 20 + t % 3;
  const auto in = randomFloats(n + 80, 6);
  for (int channels = 1; channels <= 9; ++channels) {
    const int wStride = channels + 1;
    const auto g = randomFloats(channels * gStride, 5 + channels);
    auto dw = randomFloats(taps * wStride, 7);
    const auto before = dw;
    table().convTapsGrad(g.data(), gStride, channels, in.data(), offsets.data(), taps, dw.data(),
                         wStride, kernels::oneRow(n));
    for (int t = 0; t < taps; ++t) {
      for (int c = 0; c < channels; ++c) {
        double dot = 0.0;
        for (int i = 0; i < n; ++i)
          dot += static_cast<double>(g[c * gStride + i]) * in[offsets[t] + i];
        EXPECT_NEAR(dw[c + t * wStride], before[c + t * wStride] + dot, 1e-5 * n) << c << " " << t;
      }
      ASSERT_EQ(dw[channels + t * wStride], before[channels + t * wStride]);  // the gap: untouched
    }
  }
}

TEST_P(KernelVariantTest, MaxPoolRowPicksTheFirstMaximumAtEveryWidth) {
  for (int outW = 1; outW <= 40; ++outW) {
    const int inW = 2 * outW + outW % 2;  // odd widths leave a last column unread
    const auto rows = randomFloats(2 * inW, 10 + outW, 3);
    std::vector<float> dst(static_cast<std::size_t>(outW), -99.0f);
    std::vector<int> arg(static_cast<std::size_t>(outW), -1);
    const int first = 1000;
    table().maxPool2x2Row(rows.data(), inW, outW, first, dst.data(), arg.data());
    for (int ox = 0; ox < outW; ++ox) {
      int best = 2 * ox;
      for (int k : {2 * ox + 1, inW + 2 * ox, inW + 2 * ox + 1})
        if (rows[k] > rows[best]) best = k;
      ASSERT_EQ(dst[ox], rows[best]) << "width " << outW << " window " << ox;
      ASSERT_EQ(arg[ox], first + best) << "width " << outW << " window " << ox;
    }
  }
}

// Both convolution paths (direct for the 1-channel 5x5 layer, im2col for the 6-channel one)
// and the 2x2 pooling on this variant, against central differences.
TEST_P(KernelVariantTest, LeNetLayersGradientsMatchFiniteDifferences) {
  struct Case {
    Shape in;
    int outChannels, kernel, padding;
  };
  for (const Case c : {Case{{1, 12, 12}, 3, 5, 2}, Case{{6, 9, 9}, 4, 5, 0}}) {
    Model model =
        singleLayerModel(std::make_unique<Conv2D>(c.outChannels, c.kernel, 1, c.padding), c.in);
    const auto [inputError, paramError] = gradientErrors(model, randomMatrix(c.in.size(), 2, 5));
    EXPECT_LT(inputError, kTolerance) << c.in.channels;
    EXPECT_LT(paramError, kTolerance) << c.in.channels;
  }
  // Pooling: distinct inputs 0.01 apart, so no step of the differences changes a window's winner.
  Model pool = singleLayerModel(std::make_unique<MaxPool2D>(2), Shape{2, 20, 20});
  Matrix x(800, 2);
  for (Eigen::Index i = 0; i < x.size(); ++i)
    x.data()[i] = static_cast<float>((i * 37) % 1600) * 0.01f;
  EXPECT_LT(gradientErrors(pool, x, 1e-3f).first, kTolerance);
}

INSTANTIATE_TEST_SUITE_P(Isas, KernelVariantTest, ::testing::Values(Isa::Avx2, Isa::Avx512),
                         isaTestName);

// The variants agree on a whole LeNet-5 step: forward outputs and every gradient.
TEST(KernelVariantsAgreeTest, LeNetForwardAndGradientsAgreeAcrossVariants) {
  if (!cpuHas(Isa::Avx512)) GTEST_SKIP() << "one variant only on this CPU";
  const Isa before = activeIsa();
  auto step = [](Isa isa) {
    useIsa(isa);
    ModelSpec lenet;
    lenet.arch = "lenet5";
    Model model = buildModel(lenet, Shape{1, 28, 28}, 10, 3);
    const Matrix x = randomMatrix(784, 8, 4, 0.0f, 1.0f);
    const Matrix y = model.forward(x);
    model.zeroGradients();
    model.backward(randomMatrix(y.rows(), y.cols(), 5));
    return std::pair{y, std::vector<float>(model.gradients().begin(), model.gradients().end())};
  };
  const auto [y2, g2] = step(Isa::Avx2);
  const auto [y5, g5] = step(Isa::Avx512);
  useIsa(before);
  EXPECT_LT((y2 - y5).cwiseAbs().maxCoeff(), 1e-5f);
  double worst = 0.0;
  for (std::size_t i = 0; i < g2.size(); ++i)
    worst = std::max(worst, std::abs(double(g2[i]) - g5[i]) / (1e-3 + std::abs(double(g5[i]))));
  EXPECT_LT(worst, 1e-3);
}

TEST(CpuIsaTest, SwitchingToAVariantTheCpuLacksIsAnError) {
  EXPECT_TRUE(cpuHas(Isa::Avx2));
  if (cpuHas(Isa::Avx512)) GTEST_SKIP() << "this CPU runs every variant";
  EXPECT_THROW(useIsa(Isa::Avx512), Error);
}

}  // namespace
}  // namespace distlab::engine::testing
