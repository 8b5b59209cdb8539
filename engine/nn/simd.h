#pragma once
// Portable 16-float vectors (GCC/Clang vector extensions): one AVX-512 register with
// -march=native on such a CPU, lowered to narrower registers elsewhere. For nn/ kernels only.
#include <cstring>

namespace distlab::engine::simd {

/// aligned(4) makes loads and stores through the type safe at any float address.
using Float16 = float __attribute__((vector_size(64), aligned(4)));
inline constexpr int kLanes = 16;

inline Float16 load16(const float* p) {
  Float16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline void store16(float* p, Float16 v) { std::memcpy(p, &v, sizeof v); }

/// Copies n floats inline: the kernels copy many rows of 5 to 32 values, where a call to
/// memmove costs more than the copy.
inline void copyFloats(float* dst, const float* src, int n) {
  int i = 0;
  for (; i + kLanes <= n; i += kLanes) store16(dst + i, load16(src + i));
  for (; i < n; ++i) dst[i] = src[i];
}

}  // namespace distlab::engine::simd
