#pragma once
// The hand-written inner loops of nn/, one table per instruction set, chosen at run time
// (core/cpu_isa.h): the build targets AVX2, and AVX-512 variants run where the CPU has them.
#include "core/cpu_isa.h"

namespace distlab::engine::kernels {

/// Wide buffers (padded-width rows of the direct convolution) are processed in blocks of this
/// many floats; their lengths are multiples of it.
inline constexpr int kWideBlock = 64;

/// Rows of a weight gradient's sums: count rows of n floats, row r of g at r * gStride and of
/// the input at r * inStride past the first.
struct GradRows {
  int count, n, gStride, inStride;
};

/// The rows of a weight gradient that is summed over one row of n floats.
inline GradRows oneRow(int n) { return {1, n, 0, 0}; }

struct Table {
  /// For every channel c < channels: out[c * outStride + i] = bias[c] + sum_t w[c + r_t *
  /// wStride] * in[offsets[t] + i], for i < n (a multiple of kWideBlock), where r_t is wRows[t]
  /// (tap t's row of w), or t when wRows is null; a null bias is 0. Taps are added in order, so
  /// every variant gives the same floats as a plain loop.
  void (*convTaps)(const float* in, const int* offsets, const int* wRows, int taps, const float* w,
                   int wStride, const float* bias, int channels, float* out, int outStride, int n);
  /// The weight gradient of convTaps, summed over rows: for every channel c < channels and tap
  /// t, dw[c + t * wStride] += sum_r sum_i<n g[c * gStride + r * rows.gStride + i] *
  /// in[offsets[t] + r * rows.inStride + i], n a multiple of the table's register width (8
  /// floats for AVX2, 16 for AVX-512); the order of the partial sums depends on the width.
  void (*convTapsGrad)(const float* g, int gStride, int channels, const float* in,
                       const int* offsets, int taps, float* dw, int wStride, const GradRows& rows);
  /// y[i] += alpha * x[i], n a multiple of kWideBlock.
  void (*axpyWide)(float alpha, const float* x, float* y, int n);
  /// One output row of 2x2 max pooling with stride 2: the windows start at r0 (and the row
  /// inW below it); writes outW maxima and their input indices (firstIndex is r0's). Ties go
  /// to the first maximum in row-major order.
  void (*maxPool2x2Row)(const float* r0, int inW, int outW, int firstIndex, float* dst, int* arg);
  /// c (m x n) = beta * c + a (m x k) b (k x n), column-major, m a multiple of the register
  /// width, without packing a (nn/kernels/narrow_gemm.h): for n of a few dozen columns.
  void (*gemmNarrowNN)(int m, int n, int k, const float* a, int lda, const float* b, int ldb,
                       float beta, float* c, int ldc);
  /// a (m x k, m a multiple of the register width) packed for gemmNarrowNNPacked: m * k floats
  /// in a layout of this table's own.
  void (*packNarrowNN)(int m, int k, const float* a, int lda, float* packed);
  /// a^T, for a (k x m, m a multiple of the register width), packed as packNarrowNN packs an
  /// m x k matrix: gemmNarrowNNPacked from it gives gemmPackedTN's bits.
  void (*packNarrowTN)(int m, int k, const float* a, int lda, float* packed);
  /// gemmNarrowNN from an a packed by this table's packNarrowNN: the same bits.
  void (*gemmNarrowNNPacked)(int m, int n, int k, const float* packed, const float* b, int ldb,
                             float beta, float* c, int ldc);
  /// c (m x n) = beta * c + a^T b, a (k x m) and b (k x n) column-major, any sizes.
  void (*gemmNarrowTN)(int m, int n, int k, const float* a, int lda, const float* b, int ldb,
                       float beta, float* c, int ldc);
  /// The same product as gemmNarrowTN for m a multiple of the register width, with a^T packed
  /// as gemmNarrowNN packs its a: for short dot products (k of a few hundred).
  void (*gemmPackedTN)(int m, int n, int k, const float* a, int lda, const float* b, int ldb,
                       float beta, float* c, int ldc);
  /// c (m x n) = beta * c + a b^T, a (m x k) and b (n x k) column-major, m a multiple of the
  /// register width, b^T packed into panels: a weight gradient over a batch of k examples.
  void (*gemmPackedNT)(int m, int n, int k, const float* a, int lda, const float* b, int ldb,
                       float beta, float* c, int ldc);
};

const Table& avx2();
const Table& avx512();  ///< only call where cpuHas(Isa::Avx512)

inline const Table& forIsa(Isa isa) { return isa == Isa::Avx512 ? avx512() : avx2(); }
inline const Table& active() { return forIsa(activeIsa()); }

}  // namespace distlab::engine::kernels
