// QSGD (Alistarh et al., 2017): per bucket of 512 values its L2 norm, then each value as one of
// s levels per sign, rounded up or down at random so that the decoded value is the value on
// average (unbiased); a value's code takes ceil(log2(2s + 1)) bits (3 bits at s = 2..3).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "encoders/bit_packing.h"
#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kBucket = 512;

int bitsFor(int levels) {
  int bits = 1;
  while ((1 << bits) < 2 * levels + 1) ++bits;
  return bits;
}

std::size_t buckets(std::size_t n) { return (n + kBucket - 1) / kBucket; }

class Qsgd final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "qsgd"; }
  std::uint8_t wireId() const override { return 5; }
  bool isUnbiased() const override { return true; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings& settings, Rng& rng) const override {
    const int s = std::clamp(settings.levels, 1, 127);
    const std::size_t n = values.size();
    appendCount(n, out);
    out.push_back(static_cast<std::uint8_t>(s));
    thread_local std::vector<std::uint32_t> codes;  // kept between pushes (see topk.cpp)
    codes.resize(n);
    for (std::size_t b = 0; b < buckets(n); ++b) {
      const std::size_t begin = b * kBucket, end = std::min(n, begin + kBucket);
      double squares = 0;
      for (std::size_t i = begin; i < end; ++i) {
        if (std::isfinite(values[i])) squares += static_cast<double>(values[i]) * values[i];
      }
      const auto norm = static_cast<float>(std::sqrt(squares));
      const std::size_t at = out.size();
      out.resize(at + 4);
      std::memcpy(out.data() + at, &norm, 4);
      for (std::size_t i = begin; i < end; ++i) {
        const float v = std::isfinite(values[i]) && norm > 0 ? values[i] : 0.0f;
        const double scaled = std::abs(static_cast<double>(v)) / (norm > 0 ? norm : 1.0f) * s;
        const double floor = std::floor(scaled);
        const int level = std::min(s, static_cast<int>(floor) + (rng.uniform() < scaled - floor));
        codes[i] = static_cast<std::uint32_t>(s + (v < 0 ? -level : level));
      }
    }
    packCodes(codes, bitsFor(s), out);
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    const std::size_t n = values.size();
    std::size_t at = 0;
    if (!readCount(payload, at, n)) return false;
    payload = payload.subspan(at);
    if (payload.empty()) return false;
    const int s = payload[0];
    if (s < 1 || s > 127) return false;
    const int bits = bitsFor(s);
    const std::size_t norms = 1, packed = norms + 4 * buckets(n);
    if (payload.size() != packed + packedBytes(n, bits)) return false;
    for (std::size_t b = 0; b < buckets(n); ++b) {
      float norm = 0;
      std::memcpy(&norm, payload.data() + norms + 4 * b, 4);
      if (!std::isfinite(norm) || norm < 0) return false;
      for (std::size_t i = b * kBucket; i < std::min(n, (b + 1) * kBucket); ++i) {
        const auto code = static_cast<int>(unpackCode(payload.data() + packed, i, bits));
        if (code > 2 * s) return false;
        values[i] = static_cast<float>(code - s) * norm / static_cast<float>(s);
      }
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeQsgdEncoder() { return std::make_unique<Qsgd>(); }

}  // namespace distlab::engine
