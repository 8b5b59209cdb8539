// The AVX-512 kernels (16 floats a register, masked loads and stores). Everything after the
// pragma is compiled for AVX-512, and only reached through avx512() where the CPU has it.
#include <immintrin.h>

#include <algorithm>
#include <cstring>

#include "nn/kernels/kernels.h"

#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512dq,avx512vl")

#include "nn/kernels/narrow_gemm.h"
#include "nn/kernels/wide_loops.h"

namespace distlab::engine::kernels {
namespace {

struct Zmm {
  using V = __m512;
  static constexpr int kLanes = 16;
  static V load(const float* p) { return _mm512_loadu_ps(p); }
  static V broadcast(const float* p) { return _mm512_set1_ps(*p); }  ///< as Ymm::broadcast
  static V set1(float x) { return _mm512_set1_ps(x); }
  static void store(float* p, V v) { _mm512_storeu_ps(p, v); }
  static V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }  ///< as Ymm::fma
};

// 16 windows at a time: deinterleave the even and odd columns of both rows, then pick the
// first maximum with strict compares (a tie keeps the earlier input). Masked loads and stores
// keep a short last chunk inside the rows.
void maxPool2x2RowAvx512(const float* r0, int inW, int outW, int firstIndex, float* dst, int* arg) {
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  const __m512i odd = _mm512_add_epi32(even, _mm512_set1_epi32(1));
  const int offsets[3] = {1, inW, inW + 1};
  for (int ox = 0; ox < outW; ox += 16) {
    const int n = std::min(16, outW - ox);
    const auto outMask = static_cast<__mmask16>((1u << n) - 1);
    const auto loMask = static_cast<__mmask16>(n >= 8 ? 0xffff : (1u << (2 * n)) - 1);
    const auto hiMask = static_cast<__mmask16>(n > 8 ? (1u << (2 * n - 16)) - 1 : 0);
    const float* p0 = r0 + 2 * ox;
    const float* p1 = p0 + inW;
    const __m512 lo0 = _mm512_maskz_loadu_ps(loMask, p0),
                 hi0 = _mm512_maskz_loadu_ps(hiMask, p0 + 16);
    const __m512 lo1 = _mm512_maskz_loadu_ps(loMask, p1),
                 hi1 = _mm512_maskz_loadu_ps(hiMask, p1 + 16);
    __m512 best = _mm512_permutex2var_ps(lo0, even, hi0);
    const __m512i base = _mm512_add_epi32(_mm512_set1_epi32(firstIndex + 2 * ox), even);
    __m512i where = base;
    const __m512 candidates[3] = {_mm512_permutex2var_ps(lo0, odd, hi0),
                                  _mm512_permutex2var_ps(lo1, even, hi1),
                                  _mm512_permutex2var_ps(lo1, odd, hi1)};
    for (int k = 0; k < 3; ++k) {
      const __mmask16 greater = _mm512_cmp_ps_mask(candidates[k], best, _CMP_GT_OQ);
      best = _mm512_mask_blend_ps(greater, best, candidates[k]);
      where = _mm512_mask_blend_epi32(greater, where,
                                      _mm512_add_epi32(base, _mm512_set1_epi32(offsets[k])));
    }
    _mm512_mask_storeu_ps(dst + ox, outMask, best);
    _mm512_mask_storeu_epi32(arg + ox, outMask, where);
  }
}

}  // namespace
}  // namespace distlab::engine::kernels

#pragma GCC pop_options

namespace distlab::engine::kernels {

// Outside the pragma: the table itself is built with the baseline instructions.
const Table& avx512() {
  static const Table table{convTapsWide<Zmm, 6, 4>,
                           convTapsGradWide<Zmm, 4, 5>,
                           axpyWideLoop<Zmm>,
                           maxPool2x2RowAvx512,
                           narrowGemmNN<Zmm, 2, 12>,
                           narrowPackNN<Zmm, 2>,
                           narrowPackTN<Zmm, 2>,
                           narrowGemmNNPacked<Zmm, 2, 12>,
                           narrowGemmTN<Zmm, 4, 6>,
                           narrowGemmTNPacking<Zmm, 2, 12>,
                           narrowGemmNTPacking<Zmm, 2, 12>};
  return table;
}

}  // namespace distlab::engine::kernels
