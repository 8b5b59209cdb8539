#pragma once

namespace distlab::engine {

/// C (m x n) = alpha * op(A) * op(B) + beta * C on column-major float arrays, through BLAS
/// sgemm. With beta = 0, C is only written: Eigen's `C = A * B` zeroes C first, a whole extra
/// pass that matters for a 784 x 256 weight gradient every step.
void gemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float beta, float* c, int ldc);

}  // namespace distlab::engine
