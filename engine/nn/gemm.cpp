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

bool narrowGemmPays(bool transposeA, bool transposeB, int m, int n, int k, float alpha) {
  // Measured (bench/RESULTS.md, BM_NarrowGemm): BLAS packs all of a on every call, which only
  // costs when a is beyond L2's reach (a 1024 x 1024 layer, not a 256 x 256 one). Then with
  // AVX-512 the narrow W x wins up to 32 columns (OpenBLAS's AVX2 kernels beat ours there; at
  // 64 it was 8% faster alone but 3% slower in lesson 3's pipeline), W^T dy with either.
  const bool large = static_cast<long>(m) * k > kNarrowLargeFloats;
  if (transposeB || alpha != 1.0f || !large || m < 16) return false;
  if (n > kNarrowMaxColumns) return false;
  return transposeA ? k >= 512 : activeIsa() == Isa::Avx512;
}

void gemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float beta, float* c, int ldc) {
  if (!narrowGemmPays(transposeA, transposeB, m, n, k, alpha)) {
    return blasGemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
  const kernels::Table& t = kernels::active();
  if (transposeA) return t.gemmNarrowTN(m, n, k, a, lda, b, ldb, beta, c, ldc);
  const int lanes = 16, whole = m - m % lanes;
  t.gemmNarrowNN(whole, n, k, a, lda, b, ldb, beta, c, ldc);
  if (whole < m)
    blasGemm(false, false, m - whole, n, k, 1.0f, a + whole, lda, b, ldb, beta, c + whole, ldc);
}

}  // namespace distlab::engine
