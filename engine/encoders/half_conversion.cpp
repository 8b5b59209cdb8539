// IEEE binary16 conversions for the fp16 encoder: F16C where the CPU has it (chosen once, at
// run time: the build never assumes it), else bit manipulation with the same rounding.
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define DISTLAB_X86 1
#endif

#include "encoders/update_encoder.h"

namespace distlab::engine {

std::uint16_t floatToHalfSoftware(float value) {
  std::uint32_t x;
  std::memcpy(&x, &value, sizeof x);
  const auto sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
  const std::uint32_t magnitude = x & 0x7FFFFFFFu;
  if (magnitude >= 0x7F800000u) {  // infinity, or NaN kept quiet with its top payload bits
    return magnitude == 0x7F800000u
               ? static_cast<std::uint16_t>(sign | 0x7C00u)
               : static_cast<std::uint16_t>(sign | 0x7E00u | ((magnitude >> 13) & 0x3FFu));
  }
  if (magnitude >= 0x477FF000u) return static_cast<std::uint16_t>(sign | 0x7C00u);  // >= 65520
  if (magnitude < 0x38800000u) {  // below 2^-14: a subnormal half, in steps of 2^-24
    const std::uint32_t exponent = magnitude >> 23;
    const std::uint32_t shift = 126u - exponent;  // >= 14
    if (shift > 24) return sign;
    const std::uint32_t significand = (magnitude & 0x7FFFFFu) | 0x800000u;
    const std::uint32_t kept = significand >> shift;
    const std::uint32_t dropped = significand & ((1u << shift) - 1);
    const std::uint32_t halfway = 1u << (shift - 1);
    const bool up = dropped > halfway || (dropped == halfway && (kept & 1u));
    return static_cast<std::uint16_t>(sign | (kept + (up ? 1u : 0u)));
  }
  std::uint32_t half = (magnitude - 0x38000000u) >> 13;  // exponent rebiased from 127 to 15
  const std::uint32_t dropped = magnitude & 0x1FFFu;
  if (dropped > 0x1000u || (dropped == 0x1000u && (half & 1u))) ++half;
  return static_cast<std::uint16_t>(sign | half);
}

float halfToFloatSoftware(std::uint16_t half) {
  const std::uint32_t sign = static_cast<std::uint32_t>(half & 0x8000u) << 16;
  const std::uint32_t exponent = (half >> 10) & 0x1Fu;
  const std::uint32_t mantissa = half & 0x3FFu;
  std::uint32_t x;
  if (exponent == 0) {
    if (mantissa == 0) {
      x = sign;
    } else {  // subnormal: mantissa x 2^-24, normalised for float
      int shift = 0;
      std::uint32_t m = mantissa;
      while (!(m & 0x400u)) {
        m <<= 1;
        ++shift;
      }
      x = sign | ((113u - static_cast<std::uint32_t>(shift)) << 23) | ((m & 0x3FFu) << 13);
    }
  } else if (exponent == 31) {
    x = sign | 0x7F800000u | (mantissa << 13);
  } else {
    x = sign | ((exponent + 112u) << 23) | (mantissa << 13);
  }
  float out;
  std::memcpy(&out, &x, sizeof out);
  return out;
}

namespace {

#ifdef DISTLAB_X86
__attribute__((target("f16c,avx"))) void toHalvesF16c(const float* in, std::size_t n,
                                                     std::uint16_t* out) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128i h = _mm256_cvtps_ph(_mm256_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), h);
  }
  for (; i < n; ++i) out[i] = floatToHalfSoftware(in[i]);
}

__attribute__((target("f16c,avx"))) void toFloatsF16c(const std::uint16_t* in, std::size_t n,
                                                     float* out) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    _mm256_storeu_ps(out + i, _mm256_cvtph_ps(h));
  }
  for (; i < n; ++i) out[i] = halfToFloatSoftware(in[i]);
}
#endif

bool detectF16c() {
#ifdef DISTLAB_X86
  // CPUID leaf 1, ECX: bit 28 AVX, bit 29 F16C (clang's __builtin_cpu_supports has no "f16c").
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  return (ecx & (1u << 28)) && (ecx & (1u << 29));
#else
  return false;
#endif
}

}  // namespace

bool halfConversionUsesF16c() {
  static const bool f16c = detectF16c();
  return f16c;
}

void floatsToHalves(std::span<const float> in, std::uint16_t* out) {
#ifdef DISTLAB_X86
  if (halfConversionUsesF16c()) return toHalvesF16c(in.data(), in.size(), out);
#endif
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = floatToHalfSoftware(in[i]);
}

void halvesToFloats(const std::uint16_t* in, std::span<float> out) {
#ifdef DISTLAB_X86
  if (halfConversionUsesF16c()) return toFloatsF16c(in, out.size(), out.data());
#endif
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = halfToFloatSoftware(in[i]);
}

}  // namespace distlab::engine
