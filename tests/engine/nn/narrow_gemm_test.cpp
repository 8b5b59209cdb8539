// The narrow products (nn/kernels/narrow_gemm.h) of every kernel table the CPU can run against
// double-precision loops, at every kind of edge: rows past the last whole strip, columns past
// the last whole panel, k past the last whole register and past a block of k, leading
// dimensions larger than the matrices, and beta 0 (c not read), 1 and 0.5. Then gemm(), which
// picks them, against BLAS.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "core/rng.h"
#include "nn/gemm.h"
#include "nn/kernels/kernels.h"
#include "nn/packed_weights.h"
#include "nn_test_util.h"

namespace distlab::engine::testing {
namespace {

std::vector<float> randomValues(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (float& x : v) x = static_cast<float>(rng.uniform(-1.0, 1.0));
  return v;
}

struct Shape {
  int m, n, k;
};

class NarrowGemmTest : public ::testing::TestWithParam<Isa> {
 protected:
  void SetUp() override {
    if (!cpuHas(GetParam())) GTEST_SKIP() << "this CPU cannot run " << isaName(GetParam());
  }
  const kernels::Table& table() const { return kernels::forIsa(GetParam()); }

  // c = beta * c + op(a) b with a stored (m x k) or, transposed, (k x m); checks every entry
  // against double sums within float rounding of the sum of |terms|. `packing` takes the
  // transposed product through gemmPackedTN instead of gemmNarrowTN.
  void check(const Shape& s, bool transposed, float beta, bool packing = false) {
    const int lda = (transposed ? s.k : s.m) + 3, ldb = s.k + 5, ldc = s.m + 7;
    const auto a = randomValues(static_cast<std::size_t>(lda) * (transposed ? s.m : s.k), 1);
    const auto b = randomValues(static_cast<std::size_t>(ldb) * s.n, 2);
    auto c = randomValues(static_cast<std::size_t>(ldc) * s.n, 3);
    const auto before = c;
    // beta 0 must not read c: a NaN there would spread.
    if (beta == 0.0f) std::fill(c.begin(), c.end(), std::numeric_limits<float>::quiet_NaN());
    const auto at = [&](int i, int p) {
      return transposed ? a[static_cast<std::size_t>(i) * lda + p]
                        : a[static_cast<std::size_t>(p) * lda + i];
    };
    const auto product = !transposed ? table().gemmNarrowNN
                         : packing   ? table().gemmPackedTN
                                     : table().gemmNarrowTN;
    product(s.m, s.n, s.k, a.data(), lda, b.data(), ldb, beta, c.data(), ldc);
    for (int j = 0; j < s.n; ++j) {
      for (int i = 0; i < s.m; ++i) {
        const std::size_t ci = static_cast<std::size_t>(j) * ldc + i;
        double sum = beta == 0.0f ? 0.0 : double(beta) * before[ci], size = std::abs(sum);
        for (int p = 0; p < s.k; ++p) {
          const double term = double(at(i, p)) * b[static_cast<std::size_t>(j) * ldb + p];
          sum += term;
          size += std::abs(term);
        }
        ASSERT_NEAR(c[ci], sum, 1e-6 * size + 1e-7)
            << "c(" << i << ", " << j << ") of " << s.m << " x " << s.n << " x " << s.k
            << (transposed ? ", a transposed" : "") << ", beta " << beta;
      }
    }
    // Past each column's m rows c is untouched (still NaN where beta is 0).
    for (int j = 0; j < s.n; ++j) {
      for (int i = s.m; i < ldc; ++i) {
        const std::size_t ci = static_cast<std::size_t>(j) * ldc + i;
        if (beta == 0.0f) {
          ASSERT_TRUE(std::isnan(c[ci]));
        } else {
          ASSERT_EQ(c[ci], before[ci]);
        }
      }
    }
  }
};

// m: whole strips of two registers, then strips of one (AVX-512: 32 then 16 rows; AVX2: 16
// then 8). n: whole panels (AVX-512: 12, AVX2: 6) and every tail. k: 1, a few, and 1,100 rows
// by 300 k, where a no longer fits a quarter of L2 and k goes in blocks of 128 (128, 128, 44).
TEST_P(NarrowGemmTest, ProductEqualsDoubleSumsAtEveryEdge) {
  const int lanes = GetParam() == Isa::Avx512 ? 16 : 8;
  for (const int m : {lanes, 2 * lanes, 3 * lanes, 5 * lanes}) {
    for (int n = 1; n <= 26; n += 1) {
      for (const int k : {1, 7, 64}) check({m, n, k}, false, n % 3 == 0 ? 0.0f : 1.0f);
    }
  }
  check({1104, 13, 300}, false, 0.0f);
  check({1104, 13, 300}, false, 0.5f);
  // Training batches, which take these kernels on AMD CPUs: the MLP's first layer, and 128
  // columns (21 panels and a short one on AVX2).
  check({256, 64, 784}, false, 1.0f);
  check({128, 128, 256}, false, 0.0f);
}

// m and n: every size of last block of rows (AVX-512: 4, AVX2: 3) and of columns (6, 4); k
// below a register, at one, past one, and long.
TEST_P(NarrowGemmTest, TransposedProductEqualsDoubleSumsAtEveryEdge) {
  for (int m = 1; m <= 9; ++m) {
    for (int n = 1; n <= 13; ++n) {
      for (const int k : {1, 15, 16, 17, 50}) check({m, n, k}, true, k % 2 ? 0.0f : 1.0f);
    }
  }
  check({40, 32, 1024}, true, 0.0f);
  check({40, 32, 1024}, true, 0.5f);
}

// The packing weight gradient c = beta c + a b^T (a m x k, b n x k): b^T packed into panels, so
// every tail of a panel and of the strips; k from one example to a batch of 64.
TEST_P(NarrowGemmTest, WeightGradientByPackingEqualsDoubleSumsAtEveryEdge) {
  const int lanes = GetParam() == Isa::Avx512 ? 16 : 8;
  const auto checkNT = [&](int m, int n, int k, float beta) {
    const int lda = m + 3, ldb = n + 5, ldc = m + 7;
    const auto a = randomValues(static_cast<std::size_t>(lda) * k, 1);
    const auto b = randomValues(static_cast<std::size_t>(ldb) * k, 2);
    auto c = randomValues(static_cast<std::size_t>(ldc) * n, 3);
    const auto before = c;
    // beta 0 must not read c: a NaN there would spread.
    if (beta == 0.0f) {
      for (int j = 0; j < n; ++j) {
        std::fill_n(c.begin() + static_cast<std::ptrdiff_t>(j) * ldc, m,
                    std::numeric_limits<float>::quiet_NaN());
      }
    }
    table().gemmPackedNT(m, n, k, a.data(), lda, b.data(), ldb, beta, c.data(), ldc);
    for (int j = 0; j < n; ++j) {
      for (int i = 0; i < ldc; ++i) {
        const std::size_t ci = static_cast<std::size_t>(j) * ldc + i;
        if (i >= m) {
          ASSERT_EQ(c[ci], before[ci]);  // past the m rows: untouched
          continue;
        }
        double sum = beta == 0.0f ? 0.0 : double(beta) * before[ci], size = std::abs(sum);
        for (int p = 0; p < k; ++p) {
          const double term = double(a[static_cast<std::size_t>(p) * lda + i]) *
                              b[static_cast<std::size_t>(p) * ldb + j];
          sum += term;
          size += std::abs(term);
        }
        ASSERT_NEAR(c[ci], sum, 1e-6 * size + 1e-7)
            << "c(" << i << ", " << j << ") of " << m << " x " << n << " x " << k;
      }
    }
  };
  for (const int m : {lanes, 2 * lanes, 3 * lanes}) {
    for (int n = 1; n <= 26; n += 1) {
      for (const int k : {1, 7, 64}) checkNT(m, n, k, n % 3 == 0 ? 0.0f : 1.0f);
    }
  }
  checkNT(256, 784, 64, 0.0f);   // the MLP's first layer
  checkNT(112, 400, 64, 1.0f);   // LeNet-5's 400 -> 120, accumulating
  checkNT(1104, 13, 300, 0.5f);  // a no longer in one block: k in blocks of 128 (128, 128, 44)
}

// The packing W^T dy: a^T packed into strips of rows as W x packs a, so the same edges as
// there (whole strips of two registers, then one; every tail of a panel); k short and long.
TEST_P(NarrowGemmTest, TransposedProductByPackingEqualsDoubleSumsAtEveryEdge) {
  const int lanes = GetParam() == Isa::Avx512 ? 16 : 8;
  for (const int m : {lanes, 2 * lanes, 3 * lanes, 5 * lanes}) {
    for (int n = 1; n <= 26; n += 1) {
      for (const int k : {1, 10, 64}) check({m, n, k}, true, n % 3 == 0 ? 0.0f : 1.0f, true);
    }
  }
  check({1104, 13, 300}, true, 0.0f, true);  // k in blocks of 128
  check({256, 64, 128}, true, 1.0f, true);   // the MLP's second layer's input errors
  check({128, 128, 10}, true, 0.5f, true);
}

// Packed once (all of a, block after block) and multiplied many times: the same bits as the
// product that packs a block of a on every call, in one block of k and in several.
TEST_P(NarrowGemmTest, PackedOnceGivesTheSameBitsAsPackingEveryCall) {
  const int lanes = GetParam() == Isa::Avx512 ? 16 : 8;
  for (const Shape& s : {Shape{3 * lanes, 13, 64}, Shape{1104, 32, 300}, Shape{1024, 7, 1024}}) {
    const int lda = s.m + 3, ldb = s.k + 5;
    const auto a = randomValues(static_cast<std::size_t>(lda) * s.k, 1);
    const auto b = randomValues(static_cast<std::size_t>(ldb) * s.n, 2);
    std::vector<float> packed(static_cast<std::size_t>(s.m) * s.k);
    table().packNarrowNN(s.m, s.k, a.data(), lda, packed.data());
    for (const float beta : {0.0f, 1.0f}) {
      auto once = randomValues(static_cast<std::size_t>(s.m) * s.n, 3), every = once;
      table().gemmNarrowNNPacked(s.m, s.n, s.k, packed.data(), b.data(), ldb, beta, once.data(),
                                 s.m);
      table().gemmNarrowNN(s.m, s.n, s.k, a.data(), lda, b.data(), ldb, beta, every.data(), s.m);
      ASSERT_EQ(once, every) << s.m << " x " << s.n << " x " << s.k << ", beta " << beta;
    }
  }
}

// a^T packed once (a layer's input errors W^T dy over a step's micro-batches): the same bits as
// the product that packs a^T on every call, in one block of k and in several.
TEST_P(NarrowGemmTest, TransposedPackedOnceGivesTheSameBitsAsPackingEveryCall) {
  const int lanes = GetParam() == Isa::Avx512 ? 16 : 8;
  for (const Shape& s : {Shape{3 * lanes, 13, 64}, Shape{1104, 32, 300}, Shape{1024, 7, 1024}}) {
    const int lda = s.k + 3, ldb = s.k + 5;  // a is k x m: W (outputs x inputs) for W^T dy
    const auto a = randomValues(static_cast<std::size_t>(lda) * s.m, 1);
    const auto b = randomValues(static_cast<std::size_t>(ldb) * s.n, 2);
    std::vector<float> packed(static_cast<std::size_t>(s.m) * s.k);
    table().packNarrowTN(s.m, s.k, a.data(), lda, packed.data());
    for (const float beta : {0.0f, 1.0f}) {
      auto once = randomValues(static_cast<std::size_t>(s.m) * s.n, 3), every = once;
      table().gemmNarrowNNPacked(s.m, s.n, s.k, packed.data(), b.data(), ldb, beta, once.data(),
                                 s.m);
      table().gemmPackedTN(s.m, s.n, s.k, a.data(), lda, b.data(), ldb, beta, every.data(), s.m);
      ASSERT_EQ(once, every) << s.m << " x " << s.n << " x " << s.k << ", beta " << beta;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryVariant, NarrowGemmTest, ::testing::Values(Isa::Avx2, Isa::Avx512),
                         isaTestName);

using GemmChoiceTest = ActiveIsaTest;

// gemm() against BLAS on a layer's W x, W^T dy and weight gradient, whichever kernels it takes:
// micro-batches of a 1000-wide and a 500-wide layer, and training batches of LeNet-5's
// 400 -> 120 and 120 -> 84 layers (rows past the last whole register go to BLAS: c's rows are
// a's rows in W x and dy x^T, its columns in W^T dy).
TEST_P(GemmChoiceTest, GemmGivesBlasProductsForMicroBatches) {
  for (const Shape& s :
       {Shape{1000, 32, 600}, Shape{500, 32, 600}, Shape{120, 64, 400}, Shape{84, 64, 120}}) {
    const int rows = s.m, inputs = s.k, batch = s.n;
    const auto w = randomValues(static_cast<std::size_t>(rows) * inputs, 4);
    const auto x = randomValues(static_cast<std::size_t>(inputs) * batch, 5);
    const auto dy = randomValues(static_cast<std::size_t>(rows) * batch, 6);
    for (const bool transposed : {false, true}) {
      const int m = transposed ? inputs : rows, k = transposed ? rows : inputs;
      const auto& b = transposed ? dy : x;
      std::vector<float> mine(static_cast<std::size_t>(m) * batch, 2.0f), blas = mine;
      gemm(transposed, false, m, batch, k, 1.0f, w.data(), rows, b.data(), k, 1.0f, mine.data(),
           m);
      blasGemm(transposed, false, m, batch, k, 1.0f, w.data(), rows, b.data(), k, 1.0f,
               blas.data(), m);
      for (std::size_t i = 0; i < mine.size(); ++i) {
        ASSERT_NEAR(mine[i], blas[i], 2e-5 * std::sqrt(double(k))) << "entry " << i;
      }
    }
    // dW = dy x^T
    std::vector<float> mine(static_cast<std::size_t>(rows) * inputs, 2.0f), blas = mine;
    gemm(false, true, rows, inputs, batch, 1.0f, dy.data(), rows, x.data(), inputs, 1.0f,
         mine.data(), rows);
    blasGemm(false, true, rows, inputs, batch, 1.0f, dy.data(), rows, x.data(), inputs, 1.0f,
             blas.data(), rows);
    for (std::size_t i = 0; i < mine.size(); ++i) {
      ASSERT_NEAR(mine[i], blas[i], 2e-5 * std::sqrt(double(batch))) << "dW entry " << i;
    }
  }
}

// Where the narrow kernels are measured faster (bench/RESULTS.md): few columns; W x only with
// AVX-512 and a beyond L2, or with AVX2 on an AMD CPU (a batch of up to 128 columns, a depth of
// 64 or more, at most 512 rows); W^T dy on long dot products, or by packing on short ones with AVX2 on an AMD
// CPU. Everything else stays with BLAS.
TEST_P(GemmChoiceTest, NarrowKernelsOnlyWhereTheyWereMeasuredFaster) {
  const bool avx512 = GetParam() == Isa::Avx512;
  // Both makers' rules on every machine; gemm() asks the one it runs on.
  EXPECT_EQ(gemmPath(false, false, 256, 64, 784, 1.0f),
            gemmPath(false, false, 256, 64, 784, 1.0f, cpuIsAmd()));
  for (const bool amd : {false, true}) {
    SCOPED_TRACE(amd ? "AMD" : "not AMD");
    const bool amdAvx2 = !avx512 && amd;
    const auto path = [amd](bool ta, bool tb, int m, int n, int k, float alpha = 1.0f) {
      return gemmPath(ta, tb, m, n, k, alpha, amd);
    };
    const auto pays = [&](bool ta, bool tb, int m, int n, int k, float alpha = 1.0f) {
      return path(ta, tb, m, n, k, alpha) != GemmPath::Blas;
    };
    EXPECT_EQ(pays(false, false, 1024, 32, 1024), avx512);  // wide: BLAS on AMD
    EXPECT_EQ(pays(false, false, 1024, kNarrowMaxColumns, 784), avx512);
    EXPECT_EQ(pays(false, false, kNarrowAmdMaxLayerRows, 32, 784), avx512 || amdAvx2);
    EXPECT_EQ(pays(false, false, kNarrowAmdMaxLayerRows + 16, 32, 784), avx512);
    EXPECT_TRUE(pays(true, false, 1024, 32, 1024));
    EXPECT_TRUE(pays(true, false, 512, 32, 512));
    EXPECT_EQ(pays(false, false, 512, 32, 512), amdAvx2);  // a fits in L2
    EXPECT_FALSE(pays(true, false, 1024, kNarrowMaxColumns + 1, 1024));
    EXPECT_FALSE(pays(false, false, 1024, kNarrowMaxColumns + 1, 1024));
    EXPECT_EQ(pays(false, false, 512, kNarrowMaxColumns + 1, 1024), amdAvx2);
    EXPECT_EQ(pays(false, false, 256, 32, 256), amdAvx2);  // a fits in L2
    EXPECT_EQ(pays(false, false, 256, 64, 784), amdAvx2);  // the lab's MLP
    EXPECT_FALSE(pays(false, false, 256, kNarrowAmdMaxBatch + 1, 784));
    EXPECT_FALSE(pays(false, false, 256, 64, kNarrowAmdMinInputs - 1));
    // W^T dy on short dot products, at any layer width (lesson 3's output layer: 1024 inputs)
    EXPECT_EQ(path(true, false, 256, 64, 128), amdAvx2 ? GemmPath::PackedTN : GemmPath::Blas);
    EXPECT_EQ(path(true, false, 1024, 32, 10), amdAvx2 ? GemmPath::PackedTN : GemmPath::Blas);
    EXPECT_EQ(path(true, false, 784, 64, 128), amdAvx2 ? GemmPath::PackedTN : GemmPath::Blas);
    EXPECT_EQ(path(true, false, 256, kNarrowAmdMaxBatch + 1, 128), GemmPath::Blas);
    EXPECT_EQ(path(true, false, 1024, 32, 1024), GemmPath::Narrow);
    // weight gradients dy x^T over a batch of k examples
    EXPECT_EQ(path(false, true, 1024, 32, 1024), GemmPath::Blas);
    EXPECT_EQ(path(false, true, 1024, 1024, 64), GemmPath::Blas);  // lesson 3's, wide
    EXPECT_EQ(path(false, true, 512, 1024, 64), amdAvx2 ? GemmPath::PackedNT : GemmPath::Blas);
    EXPECT_EQ(path(false, true, 256, 784, 64), amdAvx2 ? GemmPath::PackedNT : GemmPath::Blas);
    EXPECT_EQ(path(false, true, 256, 784, kNarrowAmdMaxBatch + 1), GemmPath::Blas);
    EXPECT_EQ(path(true, true, 256, 64, 64), GemmPath::Blas);
    // no depth: BLAS, which still scales c by beta
    EXPECT_EQ(path(false, true, 256, 784, 0), GemmPath::Blas);
    EXPECT_EQ(path(true, false, 256, 64, 0), GemmPath::Blas);
    // a convolution's product (a row per pixel and example) keeps BLAS
    EXPECT_EQ(path(false, true, kNarrowAmdMaxRows + 16, 64, 27), GemmPath::Blas);
    EXPECT_EQ(path(false, false, kNarrowAmdMaxRows + 16, 64, 64), GemmPath::Blas);
    EXPECT_EQ(path(true, false, kNarrowAmdMaxRows + 16, 64, 64), GemmPath::Blas);
    EXPECT_EQ(path(false, true, 784, 6, 25), GemmPath::Blas);  // a convolution's few channels
    EXPECT_FALSE(pays(false, false, 1024, 32, 1024, 0.5f));
    EXPECT_FALSE(pays(false, false, 10, 32, 1024));
  }
}

// A layer's weights packed once for a step's micro-batches (nn/packed_weights.h): gemm()'s bits
// where the narrow W x pays (rows past the last register included), nothing held where it does
// not, and a refusal past kNarrowMaxColumns or under kernels other than those that packed.
TEST_P(GemmChoiceTest, PackedWeightsGiveGemmsBitsOrDecline) {
  const int rows = 500, inputs = 784, batch = 32;  // beyond 2 MB of L2's half, within AMD's rows
  const auto w = randomValues(static_cast<std::size_t>(rows) * inputs, 7);
  const auto x = randomValues(static_cast<std::size_t>(inputs) * (batch + 1), 8);
  PackedWeights packed;
  packed.pack(rows, inputs, w.data(), rows);
  // packed where the narrow W x pays: a beyond L2 with AVX-512, or AVX2 on an AMD CPU
  EXPECT_EQ(packed.packed(), GetParam() == Isa::Avx512 || cpuIsAmd());
  std::vector<float> mine(static_cast<std::size_t>(rows) * (batch + 1), 0.5f), theirs = mine;
  if (packed.packed()) {
    ASSERT_TRUE(packed.multiply(batch, x.data(), inputs, 1.0f, mine.data(), rows));
    gemm(false, false, rows, batch, inputs, 1.0f, w.data(), rows, x.data(), inputs, 1.0f,
         theirs.data(), rows);
    EXPECT_EQ(mine, theirs);
    EXPECT_FALSE(packed.multiply(batch + 1, x.data(), inputs, 1.0f, mine.data(), rows));
    const Isa other = GetParam() == Isa::Avx2 ? Isa::Avx512 : Isa::Avx2;
    if (cpuHas(other)) {
      useIsa(other);
      EXPECT_FALSE(packed.multiply(batch, x.data(), inputs, 1.0f, mine.data(), rows));
      useIsa(GetParam());  // the checks below are of this test's kernels (an AMD CPU with AVX-512)
    }
  } else {
    EXPECT_FALSE(packed.multiply(batch, x.data(), inputs, 1.0f, mine.data(), rows));
    EXPECT_EQ(mine, theirs);  // untouched
  }
  PackedWeights small;  // a fits in L2: BLAS keeps it, except on AMD with AVX2
  small.pack(256, 256, w.data(), 256);
  EXPECT_EQ(small.packed(), GetParam() == Isa::Avx2 && cpuIsAmd());
  const auto wideWeights = randomValues(1024u * inputs, 9);
  PackedWeights wide;  // over 512 rows: BLAS keeps it, except with AVX-512
  wide.pack(1024, inputs, wideWeights.data(), 1024);
  EXPECT_EQ(wide.packed(), GetParam() == Isa::Avx512);
}

// W^T packed once for a layer's input errors, 1000 inputs (the last 8 rows past a whole
// register go to BLAS), adding to what dx holds (a cut layer's head): gemm()'s W^T dy to
// rounding, packed where a W x of that shape would be, declined otherwise.
TEST_P(GemmChoiceTest, TransposedPackedWeightsGiveGemmsInputErrors) {
  const int outputs = 600, inputs = 1000, batch = 32;
  const auto w = randomValues(static_cast<std::size_t>(outputs) * inputs, 10);
  const auto dy = randomValues(static_cast<std::size_t>(outputs) * batch, 11);
  PackedWeights transposed;
  transposed.packTransposed(inputs, outputs, w.data(), outputs);
  EXPECT_EQ(transposed.packed(),
            narrowGemmPays(false, false, inputs, kNarrowMaxColumns, outputs, 1.0f));
  std::vector<float> mine(static_cast<std::size_t>(inputs) * batch, 0.5f), theirs = mine;
  const bool multiplied =
      transposed.multiply(batch, dy.data(), outputs, 1.0f, mine.data(), inputs);
  EXPECT_EQ(multiplied, transposed.packed());
  if (!multiplied) return;
  gemm(true, false, inputs, batch, outputs, 1.0f, w.data(), outputs, dy.data(), outputs, 1.0f,
       theirs.data(), inputs);
  double diff = 0, norm = 0;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    diff += (mine[i] - theirs[i]) * double(mine[i] - theirs[i]);
    norm += double(theirs[i]) * theirs[i];
  }
  EXPECT_LT(std::sqrt(diff / norm), 1e-6);
  // The rows past the last whole register too (BLAS's, from a^T's last columns).
  const std::size_t last = static_cast<std::size_t>(inputs - 1);
  EXPECT_NEAR(mine[last], theirs[last], 1e-4f * (1.0f + std::abs(theirs[last])));
}

INSTANTIATE_TEST_SUITE_P(EveryVariant, GemmChoiceTest, ::testing::Values(Isa::Avx2, Isa::Avx512),
                         isaTestName);

}  // namespace
}  // namespace distlab::engine::testing
