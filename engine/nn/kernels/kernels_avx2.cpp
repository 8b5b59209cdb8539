// The AVX2 kernels (8 floats a register): the baseline every supported CPU runs.
#include <immintrin.h>

#include "nn/kernels/narrow_gemm.h"
#include "nn/kernels/wide_loops.h"

namespace distlab::engine::kernels {
namespace {

struct Ymm {
  using V = __m256;
  static constexpr int kLanes = 8;
  static V load(const float* p) { return _mm256_loadu_ps(p); }
  /// One float to every lane straight from memory (`V{} + x` costs an add and a shuffle).
  static V broadcast(const float* p) { return _mm256_broadcast_ss(p); }
  static V set1(float x) { return _mm256_set1_ps(x); }
  static void store(float* p, V v) { _mm256_storeu_ps(p, v); }
  /// a * b + c rounded once, written out: the result must not depend on whether the optimiser
  /// contracts a multiply and an add (it does at -O3, not at -O1).
  static V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
};

// The even and odd floats of the 16 at p, each in order.
inline void deinterleave(const float* p, __m256& even, __m256& odd) {
  const __m256 lo = _mm256_loadu_ps(p), hi = _mm256_loadu_ps(p + 8);
  // Within each 128-bit lane: lo's then hi's; the 64-bit permute puts the halves in order.
  even = _mm256_castpd_ps(
      _mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0))),
                            _MM_SHUFFLE(3, 1, 2, 0)));
  odd = _mm256_castpd_ps(
      _mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 3, 1))),
                            _MM_SHUFFLE(3, 1, 2, 0)));
}

// 8 windows at a time with strict compares (a tie keeps the earlier input). A row of 8 or more
// windows ends with a chunk that overlaps the previous one: recomputing a window is harmless.
void maxPool2x2RowAvx2(const float* r0, int inW, int outW, int firstIndex, float* dst, int* arg) {
  if (outW < 8) return maxPool2x2Scalar(r0, inW, 0, outW, firstIndex, dst, arg);
  const __m256i twice = _mm256_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14);
  const __m256i offsets[3] = {_mm256_set1_epi32(1), _mm256_set1_epi32(inW),
                              _mm256_set1_epi32(inW + 1)};
  for (int ox = 0;; ox += 8) {
    ox = ox + 8 > outW ? outW - 8 : ox;
    __m256 best, candidates[3];
    deinterleave(r0 + 2 * ox, best, candidates[0]);
    deinterleave(r0 + inW + 2 * ox, candidates[1], candidates[2]);
    const __m256i base = _mm256_add_epi32(_mm256_set1_epi32(firstIndex + 2 * ox), twice);
    __m256i where = base;
    for (int k = 0; k < 3; ++k) {
      const __m256 greater = _mm256_cmp_ps(candidates[k], best, _CMP_GT_OQ);
      best = _mm256_blendv_ps(best, candidates[k], greater);
      where = _mm256_castps_si256(
          _mm256_blendv_ps(_mm256_castsi256_ps(where),
                           _mm256_castsi256_ps(_mm256_add_epi32(base, offsets[k])), greater));
    }
    _mm256_storeu_ps(dst + ox, best);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(arg + ox), where);
    if (ox + 8 == outW) return;
  }
}

}  // namespace

const Table& avx2() {
  static const Table table{convTapsWide<Ymm, 6, 2>,
                           convTapsGradWide<Ymm, 3, 4>,
                           axpyWideLoop<Ymm>,
                           maxPool2x2RowAvx2,
                           narrowGemmNN<Ymm, 2, 6>,
                           narrowPackNN<Ymm, 2>,
                           narrowPackTN<Ymm, 2>,
                           narrowGemmNNPacked<Ymm, 2, 6>,
                           narrowGemmTN<Ymm, 3, 4>,
                           narrowGemmTNPacking<Ymm, 2, 6>,
                           narrowGemmNTPacking<Ymm, 2, 6>};
  return table;
}

}  // namespace distlab::engine::kernels
