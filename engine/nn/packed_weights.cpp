#include "nn/packed_weights.h"

#include "nn/gemm.h"
#include "nn/kernels/kernels.h"

namespace distlab::engine {

void PackedWeights::pack(int m, int k, const float* a, int lda) { packAs(false, m, k, a, lda); }

void PackedWeights::packTransposed(int m, int k, const float* a, int lda) {
  packAs(true, m, k, a, lda);
}

void PackedWeights::packAs(bool transposed, int m, int k, const float* a, int lda) {
  m_table = nullptr;
  if (!narrowGemmPays(false, false, m, kNarrowMaxColumns, k, 1.0f)) return;
  const kernels::Table& t = kernels::active();
  m_whole = m - m % kNarrowRowMultiple;
  m_packed.resize(static_cast<std::size_t>(m_whole) * static_cast<std::size_t>(k));
  (transposed ? t.packNarrowTN : t.packNarrowNN)(m_whole, k, a, lda, m_packed.data());
  m_table = &t;
  m_transposed = transposed;
  m_a = a;
  m_m = m;
  m_k = k;
  m_lda = lda;
}

bool PackedWeights::multiply(int n, const float* b, int ldb, float beta, float* c, int ldc) const {
  if (!m_table || n > kNarrowMaxColumns || m_table != &kernels::active()) return false;
  kernels::active().gemmNarrowNNPacked(m_whole, n, m_k, m_packed.data(), b, ldb, beta, c, ldc);
  if (m_whole < m_m) {  // the rows past the last whole register: a's rows, or a^T's (its columns)
    const float* rest = m_transposed ? m_a + static_cast<std::ptrdiff_t>(m_whole) * m_lda
                                     : m_a + m_whole;
    blasGemm(m_transposed, false, m_m - m_whole, n, m_k, 1.0f, rest, m_lda, b, ldb, beta,
             c + m_whole, ldc);
  }
  return true;
}

}  // namespace distlab::engine
