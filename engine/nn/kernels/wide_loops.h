// The width-generic loops of the kernel tables. Included only by kernels_avx2.cpp and
// kernels_avx512.cpp, each compiling them for its own instruction set with its own register
// type W (W::V, W::kLanes, W::load, W::store, W::fma, W::broadcast, W::set1: unaligned intrinsics,
// since a memcpy-based load of a vector type goes through the stack); the anonymous namespace keeps
// the two copies apart (no shared inline symbol across targets).
#pragma once
#include <cstddef>

#include "nn/kernels/kernels.h"

namespace distlab::engine::kernels {
namespace {

// G channels over blocks of NB registers: each tap's NB input loads serve G * NB independent
// FMAs (a channel at a time loaded the input again for every channel, one load per FMA).
// With wRows, tap t's weights are row wRows[t] of w instead of row t; a null bias is 0.
template <class W, int G, int NB>
void convTapsGroup(const float* in, const int* offsets, const int* wRows, int taps, const float* w,
                   int wStride, const float* bias, float* out, int outStride, int n) {
  using V = typename W::V;
  constexpr int Lanes = W::kLanes;
  static_assert(kWideBlock % (NB * Lanes) == 0);
  for (int block = 0; block < n; block += NB * Lanes) {
    V acc[G][NB];
    for (int c = 0; c < G; ++c)
      for (int k = 0; k < NB; ++k) acc[c][k] = W::set1(bias ? bias[c] : 0.0f);
    for (int t = 0; t < taps; ++t) {
      const float* src = in + offsets[t] + block;
      V x[NB];
      for (int k = 0; k < NB; ++k) x[k] = W::load(src + k * Lanes);
      const float* wt = w + (wRows ? wRows[t] : t) * wStride;
      for (int c = 0; c < G; ++c) {
        const V wc = W::broadcast(wt + c);
        for (int k = 0; k < NB; ++k) acc[c][k] = W::fma(wc, x[k], acc[c][k]);
      }
    }
    for (int c = 0; c < G; ++c)
      for (int k = 0; k < NB; ++k) W::store(out + c * outStride + block + k * Lanes, acc[c][k]);
  }
}

// The last channels % G, in one group of their own size.
template <class W, int R, int NB>
void convTapsTail(int left, const float* in, const int* offsets, const int* wRows, int taps,
                  const float* w, int wStride, const float* bias, float* out, int outStride,
                  int n) {
  if constexpr (R > 0) {
    if (left == R)
      return convTapsGroup<W, R, NB>(in, offsets, wRows, taps, w, wStride, bias, out, outStride, n);
    convTapsTail<W, R - 1, NB>(left, in, offsets, wRows, taps, w, wStride, bias, out, outStride, n);
  }
}

template <class W, int G, int NB>
void convTapsWide(const float* in, const int* offsets, const int* wRows, int taps, const float* w,
                  int wStride, const float* bias, int channels, float* out, int outStride, int n) {
  int c = 0;
  for (; c + G <= channels; c += G) {
    convTapsGroup<W, G, NB>(in, offsets, wRows, taps, w + c, wStride, bias ? bias + c : nullptr,
                            out + static_cast<std::ptrdiff_t>(c) * outStride, outStride, n);
  }
  convTapsTail<W, G - 1, NB>(channels - c, in, offsets, wRows, taps, w + c, wStride,
                             bias ? bias + c : nullptr,
                             out + static_cast<std::ptrdiff_t>(c) * outStride, outStride, n);
}

// G channels x T taps at a time: each step loads G registers of g and T of the input for
// G * T independent FMAs (a tap at a time loaded both for every FMA).
template <class W, int G, int T>
void convTapsGradBlock(const float* g, int gStride, const float* in, const int* offsets, float* dw,
                       int wStride, const GradRows& rows) {
  using V = typename W::V;
  constexpr int Lanes = W::kLanes;
  V acc[G][T] = {};
  for (int r = 0; r < rows.count; ++r) {
    const float* gr = g + static_cast<std::ptrdiff_t>(r) * rows.gStride;
    const float* src[T];
    for (int t = 0; t < T; ++t)
      src[t] = in + offsets[t] + static_cast<std::ptrdiff_t>(r) * rows.inStride;
    for (int i = 0; i < rows.n; i += Lanes) {
      V gv[G];
      for (int c = 0; c < G; ++c)
        gv[c] = W::load(gr + static_cast<std::ptrdiff_t>(c) * gStride + i);
      for (int t = 0; t < T; ++t) {
        const V x = W::load(src[t] + i);
        for (int c = 0; c < G; ++c) acc[c][t] = W::fma(gv[c], x, acc[c][t]);
      }
    }
  }
  for (int c = 0; c < G; ++c) {
    for (int t = 0; t < T; ++t) {
      float total = 0.0f;
      for (int l = 0; l < Lanes; ++l) total += acc[c][t][l];
      dw[c + t * wStride] += total;
    }
  }
}

// The last taps % T of a group of G channels, as one block of their own size.
template <class W, int G, int R>
void convTapsGradTapTail(int left, const float* g, int gStride, const float* in, const int* offsets,
                         float* dw, int wStride, const GradRows& rows) {
  if constexpr (R > 0) {
    if (left == R) return convTapsGradBlock<W, G, R>(g, gStride, in, offsets, dw, wStride, rows);
    convTapsGradTapTail<W, G, R - 1>(left, g, gStride, in, offsets, dw, wStride, rows);
  }
}

template <class W, int G, int T>
void convTapsGradChannels(const float* g, int gStride, const float* in, const int* offsets,
                          int taps, float* dw, int wStride, const GradRows& rows) {
  int t = 0;
  for (; t + T <= taps; t += T)
    convTapsGradBlock<W, G, T>(g, gStride, in, offsets + t, dw + t * wStride, wStride, rows);
  convTapsGradTapTail<W, G, T - 1>(taps - t, g, gStride, in, offsets + t, dw + t * wStride, wStride,
                                   rows);
}

// The last channels % G, with their own group size.
template <class W, int R, int T>
void convTapsGradChannelTail(int left, const float* g, int gStride, const float* in,
                             const int* offsets, int taps, float* dw, int wStride,
                             const GradRows& rows) {
  if constexpr (R > 0) {
    if (left == R)
      return convTapsGradChannels<W, R, T>(g, gStride, in, offsets, taps, dw, wStride, rows);
    convTapsGradChannelTail<W, R - 1, T>(left, g, gStride, in, offsets, taps, dw, wStride, rows);
  }
}

template <class W, int G, int T>
void convTapsGradWide(const float* g, int gStride, int channels, const float* in,
                      const int* offsets, int taps, float* dw, int wStride, const GradRows& rows) {
  int c = 0;
  for (; c + G <= channels; c += G) {
    convTapsGradChannels<W, G, T>(g + static_cast<std::ptrdiff_t>(c) * gStride, gStride, in,
                                  offsets, taps, dw + c, wStride, rows);
  }
  convTapsGradChannelTail<W, G - 1, T>(channels - c, g + static_cast<std::ptrdiff_t>(c) * gStride,
                                       gStride, in, offsets, taps, dw + c, wStride, rows);
}

template <class W>
void axpyWideLoop(float alpha, const float* x, float* y, int n) {
  using V = typename W::V;
  const V a = W::set1(alpha);
  for (int i = 0; i < n; i += W::kLanes) W::store(y + i, W::fma(a, W::load(x + i), W::load(y + i)));
}

// One window at a time; selects instead of branches, since which input wins is data-dependent.
inline void maxPool2x2Scalar(const float* r0, int inW, int from, int to, int firstIndex, float* dst,
                             int* arg) {
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

}  // namespace
}  // namespace distlab::engine::kernels
