#include "nn/gemm.h"

// The Fortran BLAS entry point, as Eigen's EIGEN_USE_BLAS declares it (OpenBLAS provides it).
extern "C" int sgemm_(const char* transa, const char* transb, const int* m, const int* n,
                      const int* k, const float* alpha, const float* a, const int* lda,
                      const float* b, const int* ldb, const float* beta, float* c, const int* ldc);

namespace distlab::engine {

void gemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float beta, float* c, int ldc) {
  const char ta = transposeA ? 'T' : 'N';
  const char tb = transposeB ? 'T' : 'N';
  sgemm_(&ta, &tb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc);
}

}  // namespace distlab::engine
