#include "nn/gemm.h"

#include "nn/kernels/kernels.h"

// The Fortran BLAS entry point, as Eigen's EIGEN_USE_BLAS declares it (OpenBLAS provides it).
extern "C" int sgemm_(const char* transa, const char* transb, const int* m, const int* n,
                      const int* k, const float* alpha, const float* a, const int* lda,
                      const float* b, const int* ldb, const float* beta, float* c, const int* ldc);

namespace distlab::engine {

void blasGemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
              int lda, const float* b, int ldb, float beta, float* c, int ldc) {
  const char ta = transposeA ? 'T' : 'N';
  const char tb = transposeB ? 'T' : 'N';
  sgemm_(&ta, &tb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc);
}

GemmPath gemmPath(bool transposeA, bool transposeB, int m, int n, int k, float alpha) {
  return gemmPath(transposeA, transposeB, m, n, k, alpha, cpuIsAmd());
}

GemmPath gemmPath(bool transposeA, bool transposeB, int m, int n, int k, float alpha, bool amd) {
  // Measured (bench/RESULTS.md, BM_NarrowGemm), up to 32 columns (at 64 the narrow W x was 8%
  // faster alone but 3% slower in lesson 3's pipeline):
  // - W x: BLAS packs all of a on every call, which costs only once a is beyond L2's reach
  //   (1024 x 1024, not 512 x 512), and then only its AVX-512 kernels lose to ours;
  // - W^T dy: ours win on dot products of 512 and more, with either instruction set.
  // On AMD with AVX2 (BM_GemmPath, an AMD EPYC VM), OpenBLAS's Zen kernels ran the MLP's
  // 256 x 784 layer at 64 columns at 12-14 GFLOP/s, and 31-38 only in a process that had run
  // a large product first; ours ran W x at 33-37 either way, and W^T dy with k under 512 at
  // 20-36 (by packing; the dot products lose there), and the weight gradients dy x^T steadily
  // where BLAS's swung too. On an Intel core with the AVX2 kernels BLAS was ahead by up to 13%
  // on W x, so there it keeps all three.
  if (alpha != 1.0f || m < 16 || k < 1 || (transposeA && transposeB)) return GemmPath::Blas;
  const bool avx512 = activeIsa() == Isa::Avx512;
  if (!avx512 && amd && m <= kNarrowAmdMaxRows) {
    // The batch is n for W x and W^T dy, k for dy x^T; the layer's inputs are k for W x, m
    // for W^T dy (whose outputs are k), n for dy x^T; its outputs m for W x and dy x^T.
    const bool narrowLayer = m <= kNarrowAmdMaxLayerRows;
    if (transposeB) {
      if (narrowLayer && k <= kNarrowAmdMaxBatch && n >= kNarrowAmdMinInputs) {
        return GemmPath::PackedNT;
      }
    } else if (n <= kNarrowAmdMaxBatch) {
      if (!transposeA && narrowLayer && k >= kNarrowAmdMinInputs) return GemmPath::Narrow;
      if (transposeA && m >= kNarrowAmdMinInputs && k < kNarrowTNMinDepth) {
        return GemmPath::PackedTN;
      }
    }
  }
  if (transposeB || n > kNarrowMaxColumns) return GemmPath::Blas;
  if (transposeA) return k >= kNarrowTNMinDepth ? GemmPath::Narrow : GemmPath::Blas;
  return static_cast<long>(m) * k > kNarrowLargeFloats && avx512 ? GemmPath::Narrow
                                                                 : GemmPath::Blas;
}

void gemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float beta, float* c, int ldc) {
  const GemmPath path = gemmPath(transposeA, transposeB, m, n, k, alpha);
  if (path == GemmPath::Blas) {
    return blasGemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
  const kernels::Table& t = kernels::active();
  if (path == GemmPath::Narrow && transposeA) {
    return t.gemmNarrowTN(m, n, k, a, lda, b, ldb, beta, c, ldc);
  }
  // The packing kernels take whole registers of c's rows; BLAS the rest (rows of c are a's
  // rows, or its columns when transposed).
  const int whole = m - m % kNarrowRowMultiple;
  const auto product = path == GemmPath::PackedTN   ? t.gemmPackedTN
                       : path == GemmPath::PackedNT ? t.gemmPackedNT
                                                    : t.gemmNarrowNN;
  product(whole, n, k, a, lda, b, ldb, beta, c, ldc);
  if (whole < m) {
    const float* rest = transposeA ? a + static_cast<std::ptrdiff_t>(whole) * lda : a + whole;
    blasGemm(transposeA, transposeB, m - whole, n, k, 1.0f, rest, lda, b, ldb, beta, c + whole,
             ldc);
  }
}

}  // namespace distlab::engine
