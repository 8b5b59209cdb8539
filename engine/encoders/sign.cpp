// 1-bit sign compression with a scale (signSGD with the mean magnitude, as EF-signSGD sends it,
// Karimireddy et al., 2019): the update's mean |value|, then one bit a value; a 32nd of the
// floats. Biased: meant to run with error feedback.
#include <cmath>
#include <cstring>
#include <limits>

#include "encoders/bit_packing.h"
#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

class Sign final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "sign"; }
  std::uint8_t wireId() const override { return 6; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings&, Rng&) const override {
    // Eight values a byte: eight running sums and the sign bits gathered without a branch.
    constexpr float kLargest = std::numeric_limits<float>::max();
    const std::size_t n = values.size();
    float sums[8] = {};
    appendCount(n, out);
    const std::size_t at = out.size();
    out.resize(at + 4 + packedBytes(n, 1), 0);
    std::uint8_t* bits = out.data() + at + 4;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      unsigned byte = 0;
      for (unsigned k = 0; k < 8; ++k) {
        const float v = values[i + k];
        const float a = std::abs(v);
        sums[k] += a <= kLargest ? a : 0.0f;
        byte |= static_cast<unsigned>(v < 0) << k;
      }
      bits[i / 8] = static_cast<std::uint8_t>(byte);
    }
    for (; i < n; ++i) {
      const float a = std::abs(values[i]);
      sums[0] += a <= kLargest ? a : 0.0f;
      if (values[i] < 0) bits[i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
    }
    double sum = 0;
    for (const float s : sums) sum += s;
    const auto scale = static_cast<float>(n == 0 ? 0.0 : sum / static_cast<double>(n));
    std::memcpy(out.data() + at, &scale, 4);
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    float scale = 0;
    std::size_t at = 0;
    if (!readCount(payload, at, values.size())) return false;
    payload = payload.subspan(at);
    if (payload.size() != 4 + packedBytes(values.size(), 1)) return false;
    std::memcpy(&scale, payload.data(), 4);
    if (!std::isfinite(scale) || scale < 0) return false;
    const std::uint8_t* bits = payload.data() + 4;
    const std::size_t n = values.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {  // a byte at a time: eight selects, no index arithmetic
      const unsigned byte = bits[i / 8];
      for (unsigned k = 0; k < 8; ++k) values[i + k] = (byte >> k) & 1u ? -scale : scale;
    }
    for (; i < n; ++i) values[i] = (bits[i / 8] >> (i % 8)) & 1u ? -scale : scale;
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeSignEncoder() { return std::make_unique<Sign>(); }

}  // namespace distlab::engine
