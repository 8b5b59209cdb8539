// The width-generic loops of the kernel tables. Included only by kernels_avx2.cpp and
// kernels_avx512.cpp, each compiling them for its own instruction set with its own register
// type W (W::V, W::kLanes, W::load, W::store, W::fma: unaligned intrinsics, since a memcpy-based load of
// a vector type goes through the stack); the anonymous namespace keeps the two copies apart (no
// shared inline symbol across targets).
#pragma once
#include <cstddef>

#include "nn/kernels/kernels.h"

namespace distlab::engine::kernels {
namespace {

// G channels over blocks of NB registers: each tap's NB input loads serve G * NB independent
// FMAs (a channel at a time loaded the input again for every channel, one load per FMA).
template <class W, int G, int NB>
void convTapsGroup(const float* in, const int* offsets, int taps, const float* w, int wStride,
                   const float* bias, float* out, int outStride, int n) {
  using V = typename W::V;
  constexpr int Lanes = W::kLanes;
  static_assert(kWideBlock % (NB * Lanes) == 0);
  for (int block = 0; block < n; block += NB * Lanes) {
    V acc[G][NB];
    for (int c = 0; c < G; ++c)
      for (int k = 0; k < NB; ++k) acc[c][k] = V{} + bias[c];
    for (int t = 0; t < taps; ++t) {
      const float* src = in + offsets[t] + block;
      V x[NB];
      for (int k = 0; k < NB; ++k) x[k] = W::load(src + k * Lanes);
      const float* wt = w + t * wStride;
      for (int c = 0; c < G; ++c) {
        const V wc = V{} + wt[c];
        for (int k = 0; k < NB; ++k) acc[c][k] = W::fma(wc, x[k], acc[c][k]);
      }
    }
    for (int c = 0; c < G; ++c)
      for (int k = 0; k < NB; ++k) W::store(out + c * outStride + block + k * Lanes, acc[c][k]);
  }
}

// The last channels % G, in one group of their own size.
template <class W, int R, int NB>
void convTapsTail(int left, const float* in, const int* offsets, int taps, const float* w,
                  int wStride, const float* bias, float* out, int outStride, int n) {
  if constexpr (R > 0) {
    if (left == R) return convTapsGroup<W, R, NB>(in, offsets, taps, w, wStride, bias, out, outStride, n);
    convTapsTail<W, R - 1, NB>(left, in, offsets, taps, w, wStride, bias, out, outStride, n);
  }
}

template <class W, int G, int NB>
void convTapsWide(const float* in, const int* offsets, int taps, const float* w, int wStride,
                  const float* bias, int channels, float* out, int outStride, int n) {
  int c = 0;
  for (; c + G <= channels; c += G) {
    convTapsGroup<W, G, NB>(in, offsets, taps, w + c, wStride, bias + c,
                            out + static_cast<std::ptrdiff_t>(c) * outStride, outStride, n);
  }
  convTapsTail<W, G - 1, NB>(channels - c, in, offsets, taps, w + c, wStride, bias + c,
                             out + static_cast<std::ptrdiff_t>(c) * outStride, outStride, n);
}

template <class W>
float dotWideLoop(const float* a, const float* b, int n) {
  using V = typename W::V;
  constexpr int Lanes = W::kLanes;
  V s0{}, s1{}, s2{}, s3{};
  for (int i = 0; i < n; i += 4 * Lanes) {
    s0 = W::fma(W::load(a + i), W::load(b + i), s0);
    s1 = W::fma(W::load(a + i + Lanes), W::load(b + i + Lanes), s1);
    s2 = W::fma(W::load(a + i + 2 * Lanes), W::load(b + i + 2 * Lanes), s2);
    s3 = W::fma(W::load(a + i + 3 * Lanes), W::load(b + i + 3 * Lanes), s3);
  }
  const V sum = (s0 + s1) + (s2 + s3);
  float total = 0.0f;
  for (int l = 0; l < Lanes; ++l) total += sum[l];
  return total;
}

// Five taps at a time over two blocks of g: ten independent sums hide the FMA latency, and each
// load of g serves five FMAs (a dot product per tap loads g once for every FMA).
template <class W>
void convTapsGradWide(const float* g, const float* in, const int* offsets, int taps, float* dw,
                      int wStride, int n) {
  using V = typename W::V;
  constexpr int Lanes = W::kLanes, kGroup = 5;
  static_assert(kWideBlock % (2 * Lanes) == 0);
  int t = 0;
  for (; t + kGroup <= taps; t += kGroup) {
    V a[kGroup] = {}, b[kGroup] = {};
    const float* src[kGroup];
    for (int k = 0; k < kGroup; ++k) src[k] = in + offsets[t + k];
    for (int i = 0; i < n; i += 2 * Lanes) {
      const V g0 = W::load(g + i), g1 = W::load(g + i + Lanes);
      for (int k = 0; k < kGroup; ++k) {
        a[k] = W::fma(g0, W::load(src[k] + i), a[k]);
        b[k] = W::fma(g1, W::load(src[k] + i + Lanes), b[k]);
      }
    }
    for (int k = 0; k < kGroup; ++k) {
      const V sum = a[k] + b[k];
      float total = 0.0f;
      for (int l = 0; l < Lanes; ++l) total += sum[l];
      dw[(t + k) * wStride] += total;
    }
  }
  for (; t < taps; ++t) dw[t * wStride] += dotWideLoop<W>(g, in + offsets[t], n);
}

template <class W>
void axpyWideLoop(float alpha, const float* x, float* y, int n) {
  using V = typename W::V;
  const V a = V{} + alpha;
  for (int i = 0; i < n; i += W::kLanes) W::store(y + i, W::fma(a, W::load(x + i), W::load(y + i)));
}

// One window at a time; selects instead of branches, since which input wins is data-dependent.
inline void maxPool2x2Scalar(const float* r0, int inW, int from, int to, int firstIndex,
                             float* dst, int* arg) {
  for (int ox = from; ox < to; ++ox) {
    const float* p = r0 + 2 * ox;
    const int i0 = firstIndex + 2 * ox;
    float m = p[0];
    int best = i0;
    best = p[1] > m ? i0 + 1 : best;
    m = p[1] > m ? p[1] : m;
    best = p[inW] > m ? i0 + inW : best;
    m = p[inW] > m ? p[inW] : m;
    best = p[inW + 1] > m ? i0 + inW + 1 : best;
    m = p[inW + 1] > m ? p[inW + 1] : m;
    dst[ox] = m;
    arg[ox] = best;
  }
}

inline void addRowsScalar(float* dst, int dstStride, const float* src, int width, int rows) {
  for (int r = 0; r < rows; ++r) {
    float* d = dst + r * dstStride;
    const float* s = src + r * width;
    for (int i = 0; i < width; ++i) d[i] += s[i];
  }
}

}  // namespace
}  // namespace distlab::engine::kernels
