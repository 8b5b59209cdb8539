#pragma once
#include <vector>

namespace distlab::engine {

/// A layer's weights a (m x k, column-major) packed once for the W x products of many
/// micro-batches between two updates. gemm() packs a block of a on every narrow call (eight
/// times a step for a pipeline stage at m = 8); this packs it once. The layout belongs to the
/// kernels active when pack() ran: under others, multiply() declines.
class PackedWeights {
 public:
  /// Packs a when gemm() would take the narrow kernels for it (with up to kNarrowMaxColumns
  /// columns); otherwise holds nothing and multiply() declines. a must stay where it is and
  /// unchanged until the next pack(): the rows past the last whole register are read from it.
  void pack(int m, int k, const float* a, int lda);
  /// Packs a^T, for a (k x m) = W (outputs x inputs), for the input errors W^T dy of many
  /// micro-batches, where pack() would pack an m x k a. multiply() then gives gemm()'s W^T dy
  /// bit for bit where gemm() packs a^T on every call (PackedTN), to rounding where it takes
  /// dot products or BLAS; 1.5-2x faster than those with AVX-512 (BM_PackedOnceGemmTN against
  /// BM_NarrowGemm, bench/RESULTS.md).
  void packTransposed(int m, int k, const float* a, int lda);
  /// c (m x n) = beta * c + a b for b (k x n) (a^T b after packTransposed): after pack(),
  /// gemm()'s result bit for bit. False, and c untouched, when nothing is packed, n is more
  /// than kNarrowMaxColumns or other kernels are active.
  bool multiply(int n, const float* b, int ldb, float beta, float* c, int ldc) const;
  bool packed() const { return m_table != nullptr; }

 private:
  void packAs(bool transposed, int m, int k, const float* a, int lda);

  std::vector<float> m_packed;
  const void* m_table = nullptr;  ///< the kernel table that packed it
  const float* m_a = nullptr;
  int m_m = 0, m_k = 0, m_lda = 0, m_whole = 0;  ///< m_whole: rows in whole registers
  bool m_transposed = false;                     ///< a^T was packed
};

}  // namespace distlab::engine
