// Products with few columns (a pipeline's micro-batch of 16-64 examples against a layer's
// weights), without packing. BLAS copies the whole weight matrix into its panel layout on every
// call; at 32 columns that copy costs as much as the arithmetic (a 1024 x 1024 layer: 72 G
// flop/s at 32 columns against 147 at 256). Here the weights are read in place, a strip of
// rows at a time, while the few columns of the other operand stay in L2. Included only by
// kernels_avx2.cpp and kernels_avx512.cpp, like wide_loops.h (W: the register type).
#pragma once
#include <algorithm>
#include <cstddef>

#include "nn/kernels/kernels.h"
#include "nn/kernels/scratch.h"

namespace distlab::engine::kernels {
namespace {

// c[R*L rows x C columns] = beta * c + a * b over all k, from packed operands: `a` holds the
// strip's R*L rows for each k in turn, `b` the C columns' values for each k in turn. Each k's
// R loads of a serve C broadcast FMAs; both are read front to back.
template <class W, int R, int C>
void narrowNNBlock(int k, const float* a, const float* b, float beta, float* c, int ldc) {
  using V = typename W::V;
  constexpr int L = W::kLanes;
  V acc[R][C];
  for (int r = 0; r < R; ++r)
    for (int j = 0; j < C; ++j) acc[r][j] = W::set1(0.0f);
  for (int p = 0; p < k; ++p, a += R * L, b += C) {
    V av[R];
    for (int r = 0; r < R; ++r) av[r] = W::load(a + r * L);
    for (int j = 0; j < C; ++j) {
      const V bv = W::set1(b[j]);  // not W::broadcast: GCC then keeps AVX2 sums on the stack
      for (int r = 0; r < R; ++r) acc[r][j] = W::fma(av[r], bv, acc[r][j]);
    }
  }
  const V betaV = W::set1(beta);
  for (int j = 0; j < C; ++j) {
    float* cj = c + static_cast<std::ptrdiff_t>(j) * ldc;
    for (int r = 0; r < R; ++r) {
      const V old = beta == 0.0f ? W::set1(0.0f) : W::load(cj + r * L);
      W::store(cj + r * L, W::fma(betaV, old, acc[r][j]));
    }
  }
}

// The last n % C columns, as a block of their own width.
template <class W, int R, int C>
void narrowNNColumnTail(int left, int k, const float* a, const float* b, float beta, float* c,
                        int ldc) {
  if constexpr (C > 0) {
    if (left == C) return narrowNNBlock<W, R, C>(k, a, b, beta, c, ldc);
    narrowNNColumnTail<W, R, C - 1>(left, k, a, b, beta, c, ldc);
  }
}

// The panels of b against one strip of c's rows, over k0 <= k < k0 + depth: a panel of width w
// starts at packedB + j * k (its rows of w values), its block k0 rows further.
template <class W, int R, int C>
void narrowNNStrip(int n, int k, int k0, int depth, const float* packedA, const float* packedB,
                   float beta, float* c, int ldc) {
  int j = 0;
  for (; j + C <= n; j += C) {
    narrowNNBlock<W, R, C>(depth, packedA, packedB + static_cast<std::ptrdiff_t>(j) * k + k0 * C,
                           beta, c + static_cast<std::ptrdiff_t>(j) * ldc, ldc);
  }
  const int left = n - j;
  narrowNNColumnTail<W, R, C - 1>(left, depth, packedA,
                                  packedB + static_cast<std::ptrdiff_t>(j) * k + k0 * left, beta,
                                  c + static_cast<std::ptrdiff_t>(j) * ldc, ldc);
}

/// How many k a block of the narrow product covers: all of them while a fits in half of the
/// 2 MB L2 (1 MB), else 128 (packed rows of a, 512 KB for 1024 rows, stay in L2 while every strip
/// and panel uses them; more blocks mean more passes over c).
inline int narrowDepth(int m, int k) { return static_cast<long>(m) * k <= 256 * 1024 ? k : 128; }

// b (k x n) into panels of C columns, each row p of a panel its columns' values at p; a panel of
// width w starts at packedB + j0 * k. W only names each instruction set's copy (compiled for
// it): scripts/check-avx512-confined.sh finds AVX-512 code by such names.
template <class W, int C>
void narrowPackB(int n, int k, const float* b, int ldb, float* packedB) {
  for (int j0 = 0; j0 < n; j0 += C) {
    const int width = std::min(C, n - j0);
    float* panel = packedB + static_cast<std::ptrdiff_t>(j0) * k;
    for (int j = 0; j < width; ++j) {
      const float* src = b + static_cast<std::ptrdiff_t>(j0 + j) * ldb;
      for (int p = 0; p < k; ++p) panel[p * width + j] = src[p];
    }
  }
}

// a's columns k0 .. k0 + depth into strips of R registers of rows (the last ones one register
// tall), reading whole columns in order: column-major a puts a strip's next k a column further,
// 4 KB on a 1024-row layer, a stride the prefetcher does not follow. The strip of rows i starts
// at packedA + i * depth.
template <class W, int R>
void narrowPackABlock(int m, int k0, int depth, const float* a, int lda, float* packedA) {
  constexpr int L = W::kLanes;
  const int tall = m - m % (R * L);
  for (int p = 0; p < depth; ++p) {
    const float* column = a + static_cast<std::ptrdiff_t>(k0 + p) * lda;
    int i = 0;
    for (; i < tall; i += L) {
      const int strip = i / (R * L), row = i % (R * L);
      W::store(packedA + strip * R * L * depth + p * R * L + row, W::load(column + i));
    }
    for (; i < m; i += L) {
      W::store(packedA + i * depth + p * L, W::load(column + i));
    }
  }
}

// Every strip of one packed block of a against every panel of b.
template <class W, int R, int C>
void narrowNNBlockRows(int m, int n, int k, int k0, int depth, const float* packedA,
                       const float* packedB, float beta, float* c, int ldc) {
  constexpr int L = W::kLanes;
  const int tall = m - m % (R * L);
  int i = 0;
  for (; i < tall; i += R * L) {
    narrowNNStrip<W, R, C>(n, k, k0, depth, packedA + i * depth, packedB, beta, c + i, ldc);
  }
  for (; i < m; i += L) {
    narrowNNStrip<W, 1, C>(n, k, k0, depth, packedA + i * depth, packedB, beta, c + i, ldc);
  }
}

// a^T's columns k0 .. k0 + depth, for a (k x m) column-major, into the strips narrowPackABlock
// makes of an m x k matrix: row i of a strip is column i of a, read front to back.
template <class W, int R>
void narrowPackATBlock(int m, int k0, int depth, const float* a, int lda, float* packedA) {
  constexpr int L = W::kLanes;
  const int tall = m - m % (R * L);
  for (int i = 0; i < m; ++i) {
    const float* column = a + static_cast<std::ptrdiff_t>(i) * lda + k0;
    float* dst;
    int width;
    if (i < tall) {
      dst = packedA + (i / (R * L)) * R * L * depth + i % (R * L);
      width = R * L;
    } else {
      const int first = i - (i - tall) % L;
      dst = packedA + first * depth + (i - first);
      width = L;
    }
    for (int p = 0; p < depth; ++p) dst[p * width] = column[p];
  }
}

// b^T (b stored n x k, column-major) into the panels narrowPackB makes of a k x n matrix: row p
// of a panel is its columns' values at p, contiguous in the stored b.
template <class W, int C>
void narrowPackBT(int n, int k, const float* b, int ldb, float* packedB) {
  for (int j0 = 0; j0 < n; j0 += C) {
    const int width = std::min(C, n - j0);
    float* panel = packedB + static_cast<std::ptrdiff_t>(j0) * k;
    for (int p = 0; p < k; ++p) {
      const float* src = b + static_cast<std::ptrdiff_t>(p) * ldb + j0;
      for (int j = 0; j < width; ++j) panel[p * width + j] = src[j];
    }
  }
}

// The right operand packed once into panels by packB(packedB); then, a block of k at a time,
// the left one packed into strips by packA(k0, depth, packedA) that stay in L2 while every
// panel uses them.
template <class W, int R, int C, class PackB, class PackA>
void narrowGemmPacking(int m, int n, int k, float beta, float* c, int ldc, const PackB& packB,
                       const PackA& packA) {
  float* const packedB = scratchFloats(0, static_cast<std::size_t>(n) * k);
  const int blockDepth = narrowDepth(m, k);
  float* const packedA = scratchFloats(1, static_cast<std::size_t>(m) * blockDepth);
  packB(packedB);
  for (int k0 = 0; k0 < k; k0 += blockDepth) {
    const int depth = std::min(blockDepth, k - k0);
    packA(k0, depth, packedA);
    narrowNNBlockRows<W, R, C>(m, n, k, k0, depth, packedA, packedB, k0 == 0 ? beta : 1.0f, c, ldc);
  }
}

/// c (m x n) = beta * c + a (m x k) b (k x n), column-major, m a multiple of W::kLanes. b is
/// packed once into panels (narrowPackB); then, a block of k at a time, a is packed into strips
/// (narrowPackABlock) that stay in L2 while every panel uses them.
template <class W, int R, int C>
void narrowGemmNN(int m, int n, int k, const float* a, int lda, const float* b, int ldb, float beta,
                  float* c, int ldc) {
  narrowGemmPacking<W, R, C>(
      m, n, k, beta, c, ldc, [&](float* to) { narrowPackB<W, C>(n, k, b, ldb, to); },
      [&](int k0, int depth, float* to) { narrowPackABlock<W, R>(m, k0, depth, a, lda, to); });
}

/// c (m x n) = beta * c + a^T b, a (k x m) and b (k x n) column-major, m a multiple of
/// W::kLanes: a^T packed into strips as narrowGemmNN packs its a, so short dot products (a
/// layer's input errors from a narrow layer) run as broadcast FMAs instead of lane sums.
template <class W, int R, int C>
void narrowGemmTNPacking(int m, int n, int k, const float* a, int lda, const float* b, int ldb,
                         float beta, float* c, int ldc) {
  narrowGemmPacking<W, R, C>(
      m, n, k, beta, c, ldc, [&](float* to) { narrowPackB<W, C>(n, k, b, ldb, to); },
      [&](int k0, int depth, float* to) { narrowPackATBlock<W, R>(m, k0, depth, a, lda, to); });
}

/// c (m x n) = beta * c + a b^T, a (m x k) and b (n x k) column-major, m a multiple of
/// W::kLanes: a weight gradient dy x^T over a batch of k examples, b^T packed into panels.
template <class W, int R, int C>
void narrowGemmNTPacking(int m, int n, int k, const float* a, int lda, const float* b, int ldb,
                         float beta, float* c, int ldc) {
  narrowGemmPacking<W, R, C>(
      m, n, k, beta, c, ldc, [&](float* to) { narrowPackBT<W, C>(n, k, b, ldb, to); },
      [&](int k0, int depth, float* to) { narrowPackABlock<W, R>(m, k0, depth, a, lda, to); });
}

// Every block of k of an m-row left operand through packBlock(k0, depth, to), block k0 at
// packed + m * k0: what narrowGemmPacking packs one block at a time, packed whole (W names
// each instruction set's copy).
template <class W, class PackBlock>
void narrowPackBlocks(int m, int k, float* packed, const PackBlock& packBlock) {
  const int blockDepth = narrowDepth(m, k);
  for (int k0 = 0; k0 < k; k0 += blockDepth) {
    packBlock(k0, std::min(blockDepth, k - k0), packed + static_cast<std::ptrdiff_t>(m) * k0);
  }
}

/// All of a (m x k, m a multiple of W::kLanes) packed as narrowGemmNN packs it, block after
/// block (block k0 at packed + m * k0): m * k floats. For weights multiplied by many
/// micro-batches between two updates.
template <class W, int R>
void narrowPackNN(int m, int k, const float* a, int lda, float* packed) {
  narrowPackBlocks<W>(m, k, packed, [&](int k0, int depth, float* to) {
    narrowPackABlock<W, R>(m, k0, depth, a, lda, to);
  });
}

/// All of a^T (a k x m, column-major; m a multiple of W::kLanes) packed as narrowGemmTNPacking
/// packs it, block after block: m * k floats. narrowGemmNNPacked from it gives
/// narrowGemmTNPacking's bits; for a layer's input errors W^T dy over many micro-batches between
/// two updates.
template <class W, int R>
void narrowPackTN(int m, int k, const float* a, int lda, float* packed) {
  narrowPackBlocks<W>(m, k, packed, [&](int k0, int depth, float* to) {
    narrowPackATBlock<W, R>(m, k0, depth, a, lda, to);
  });
}

/// narrowGemmNN from an a that narrowPackNN packed (with the same W and R): the same sums in
/// the same order, so the same bits.
template <class W, int R, int C>
void narrowGemmNNPacked(int m, int n, int k, const float* packed, const float* b, int ldb,
                        float beta, float* c, int ldc) {
  float* const packedB = scratchFloats(0, static_cast<std::size_t>(n) * k);
  const int blockDepth = narrowDepth(m, k);
  narrowPackB<W, C>(n, k, b, ldb, packedB);
  for (int k0 = 0; k0 < k; k0 += blockDepth) {
    narrowNNBlockRows<W, R, C>(m, n, k, k0, std::min(blockDepth, k - k0),
                               packed + static_cast<std::ptrdiff_t>(m) * k0, packedB,
                               k0 == 0 ? beta : 1.0f, c, ldc);
  }
}

// c[G rows x C columns] = beta * c + a[:, those rows]^T b[:, those columns]: dot products over
// k in registers, summed across lanes once at the end (the last k % L terms one by one).
template <class W, int G, int C>
void narrowTNBlock(int k, const float* a, int lda, const float* b, int ldb, float beta, float* c,
                   int ldc) {
  using V = typename W::V;
  constexpr int L = W::kLanes;
  V acc[G][C];
  for (int g = 0; g < G; ++g)
    for (int j = 0; j < C; ++j) acc[g][j] = W::set1(0.0f);
  const int whole = k - k % L;
  for (int p = 0; p < whole; p += L) {
    V av[G];
    for (int g = 0; g < G; ++g) av[g] = W::load(a + static_cast<std::ptrdiff_t>(g) * lda + p);
    for (int j = 0; j < C; ++j) {
      const V bv = W::load(b + static_cast<std::ptrdiff_t>(j) * ldb + p);
      for (int g = 0; g < G; ++g) acc[g][j] = W::fma(av[g], bv, acc[g][j]);
    }
  }
  for (int j = 0; j < C; ++j) {
    const float* bj = b + static_cast<std::ptrdiff_t>(j) * ldb;
    float* cj = c + static_cast<std::ptrdiff_t>(j) * ldc;
    for (int g = 0; g < G; ++g) {
      const float* ag = a + static_cast<std::ptrdiff_t>(g) * lda;
      float total = 0.0f;
      for (int l = 0; l < L; ++l) total += acc[g][j][l];
      for (int p = whole; p < k; ++p) total += ag[p] * bj[p];
      cj[g] = beta == 0.0f ? total : beta * cj[g] + total;
    }
  }
}

template <class W, int G, int C>
void narrowTNColumnTail(int left, int k, const float* a, int lda, const float* b, int ldb,
                        float beta, float* c, int ldc) {
  if constexpr (C > 0) {
    if (left == C) return narrowTNBlock<W, G, C>(k, a, lda, b, ldb, beta, c, ldc);
    narrowTNColumnTail<W, G, C - 1>(left, k, a, lda, b, ldb, beta, c, ldc);
  }
}

template <class W, int G, int C>
void narrowTNRows(int n, int k, const float* a, int lda, const float* b, int ldb, float beta,
                  float* c, int ldc) {
  int j = 0;
  for (; j + C <= n; j += C) {
    narrowTNBlock<W, G, C>(k, a, lda, b + static_cast<std::ptrdiff_t>(j) * ldb, ldb, beta,
                           c + static_cast<std::ptrdiff_t>(j) * ldc, ldc);
  }
  narrowTNColumnTail<W, G, C - 1>(n - j, k, a, lda, b + static_cast<std::ptrdiff_t>(j) * ldb, ldb,
                                  beta, c + static_cast<std::ptrdiff_t>(j) * ldc, ldc);
}

template <class W, int G, int C>
void narrowTNRowTail(int left, int n, int k, const float* a, int lda, const float* b, int ldb,
                     float beta, float* c, int ldc) {
  if constexpr (G > 0) {
    if (left == G) return narrowTNRows<W, G, C>(n, k, a, lda, b, ldb, beta, c, ldc);
    narrowTNRowTail<W, G - 1, C>(left, n, k, a, lda, b, ldb, beta, c, ldc);
  }
}

/// c (m x n) = beta * c + a^T b, a (k x m) and b (k x n) column-major: G of c's rows (columns
/// of a) against C of its columns at a time.
template <class W, int G, int C>
void narrowGemmTN(int m, int n, int k, const float* a, int lda, const float* b, int ldb, float beta,
                  float* c, int ldc) {
  int i = 0;
  for (; i + G <= m; i += G) {
    narrowTNRows<W, G, C>(n, k, a + static_cast<std::ptrdiff_t>(i) * lda, lda, b, ldb, beta, c + i,
                          ldc);
  }
  narrowTNRowTail<W, G - 1, C>(m - i, n, k, a + static_cast<std::ptrdiff_t>(i) * lda, lda, b, ldb,
                               beta, c + i, ldc);
}

}  // namespace
}  // namespace distlab::engine::kernels
