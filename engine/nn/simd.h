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

}  // namespace distlab::engine::simd
