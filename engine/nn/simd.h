#pragma once
// Short row copies for nn/ kernels. Arithmetic on vectors
// lives in nn/kernels/, compiled per instruction set: a 64-byte vector type lowered to AVX2
// arithmetic runs many times slower than two 32-byte ones.
#include <cstring>

namespace distlab::engine::simd {

inline constexpr int kLanes = 16;

/// Copies 16 floats (the ranges may not overlap).
inline void copy16(float* dst, const float* src) { std::memcpy(dst, src, kLanes * sizeof(float)); }

/// Copies n floats inline: the kernels copy many rows of 5 to 32 values, where a call to
/// memmove costs more than the copy.
inline void copyFloats(float* dst, const float* src, int n) {
  int i = 0;
  for (; i + kLanes <= n; i += kLanes) copy16(dst + i, src + i);
  for (; i < n; ++i) dst[i] = src[i];
}

}  // namespace distlab::engine::simd
