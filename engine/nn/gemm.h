#pragma once

namespace distlab::engine {

/// C (m x n) = alpha * op(A) * op(B) + beta * C on column-major float arrays, through BLAS
/// sgemm. With beta = 0, C is only written: Eigen's `C = A * B` zeroes C first, a whole extra
/// pass that matters for a 784 x 256 weight gradient every step.
void gemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float beta, float* c, int ldc);

/// The same product, always through BLAS.
void blasGemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
              int lda, const float* b, int ldb, float beta, float* c, int ldc);

/// Products with at most this many columns (a micro-batch) may go to the narrow kernels
/// (nn/kernels/narrow_gemm.h) instead of BLAS.
inline constexpr int kNarrowMaxColumns = 32;

/// The narrow W x kernels take rows in whole registers of this many floats (AVX-512's; a
/// multiple of AVX2's 8); gemm() gives the rest to BLAS.
inline constexpr int kNarrowRowMultiple = 16;

/// W x products whose a has more floats than this (half of a 2 MB L2) may go to them.
inline constexpr long kNarrowLargeFloats = 256 * 1024;

/// On AMD CPUs with AVX2 kernels, a dense layer's three products over a batch of up to
/// kNarrowAmdMaxBatch examples go to our packing kernels when the layer has at least
/// kNarrowAmdMinInputs inputs and at most kNarrowAmdMaxRows rows in the operand they pack (W x,
/// W^T dy under kNarrowTNMinDepth outputs, dy x^T): there OpenBLAS's own swung between a third
/// of their speed and about theirs (bench/RESULTS.md, BM_GemmPath). The row bound keeps a
/// convolution's products (a row per pixel and example) with BLAS. W x and dy x^T of a layer
/// of more than kNarrowAmdMaxLayerRows outputs stay with BLAS too: on a Zen 3 core lesson 3's
/// 1,024-wide products ran faster there (its pipeline +22-35%), and a process that runs
/// products that large keeps OpenBLAS at its good speed. W^T dy on short dot products keeps
/// packing at any width (1024 x 32 x 10: 35 against BLAS's 25 GFLOP/s there).
inline constexpr int kNarrowAmdMaxBatch = 128;
inline constexpr int kNarrowAmdMinInputs = 64;
inline constexpr int kNarrowAmdMaxRows = 4096;
inline constexpr int kNarrowAmdMaxLayerRows = 512;

/// W^T dy goes to the narrow (dot product) kernels from this depth.
inline constexpr int kNarrowTNMinDepth = 512;

/// The kernels gemm() takes for a product.
enum class GemmPath {
  Blas,
  Narrow,    ///< the table's gemmNarrowNN (W x) or gemmNarrowTN (W^T dy)
  PackedTN,  ///< the table's gemmPackedTN (W^T dy on short dot products)
  PackedNT   ///< the table's gemmPackedNT (a weight gradient dy x^T over a batch)
};

/// Where our kernels were measured faster than BLAS: few columns (W x only with AVX-512 and a
/// large W, W^T dy on long dot products); and on AMD CPUs with AVX2, a training batch's W x,
/// W^T dy and weight gradient (bench/RESULTS.md).
GemmPath gemmPath(bool transposeA, bool transposeB, int m, int n, int k, float alpha);
/// The same rule for the CPU maker given (`amd`) rather than this one's: tests check both.
GemmPath gemmPath(bool transposeA, bool transposeB, int m, int n, int k, float alpha, bool amd);

/// Whether gemm() takes our kernels for this product.
inline bool narrowGemmPays(bool transposeA, bool transposeB, int m, int n, int k, float alpha) {
  return gemmPath(transposeA, transposeB, m, n, k, alpha) != GemmPath::Blas;
}

}  // namespace distlab::engine
