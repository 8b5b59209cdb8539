// 8-bit linear quantization: a float scale (max |value| / 127), then each value as the nearest
// of -127..127 steps; 1 byte a value, absolute error <= scale / 2.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

constexpr float kLargest = std::numeric_limits<float>::max();

// The largest finite |value|: eight running maxima, so the compiler can keep them in one vector
// register (a single running maximum is a chain it may not reorder).
float largestFinite(std::span<const float> values) {
  float top[8] = {};
  std::size_t i = 0;
  for (; i + 8 <= values.size(); i += 8) {
    for (int k = 0; k < 8; ++k) {
      const float a = std::abs(values[i + k]);
      top[k] = a <= kLargest && a > top[k] ? a : top[k];
    }
  }
  for (; i < values.size(); ++i) {
    const float a = std::abs(values[i]);
    top[0] = a <= kLargest && a > top[0] ? a : top[0];
  }
  return *std::max_element(top, top + 8);
}

class Int8 final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "int8"; }
  std::uint8_t wireId() const override { return 2; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings&, Rng&) const override {
    // |v| <= max float is false for NaN and infinities: a compare, which vectorises.
    const float top = largestFinite(values);
    const float scale = top / 127.0f;
    const std::size_t at = out.size();
    out.resize(at + sizeof scale + values.size());
    std::memcpy(out.data() + at, &scale, sizeof scale);
    auto* q = reinterpret_cast<std::int8_t*>(out.data() + at + sizeof scale);
    const float inverse = scale > 0 ? 1.0f / scale : 0.0f;
    for (std::size_t i = 0; i < values.size(); ++i) {
      // Non-finite values have no step: they travel as 0 (a diverged update stays visible in the
      // loss, not as NaN spread over the model). Halves go away from zero.
      const float v = std::abs(values[i]) <= kLargest ? values[i] * inverse : 0.0f;
      const float rounded = std::min(std::max(v + (v < 0 ? -0.5f : 0.5f), -127.0f), 127.0f);
      q[i] = static_cast<std::int8_t>(static_cast<int>(rounded));
    }
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    float scale = 0;
    if (payload.size() != sizeof scale + values.size()) return false;
    std::memcpy(&scale, payload.data(), sizeof scale);
    if (!std::isfinite(scale) || scale < 0) return false;
    const auto* q = reinterpret_cast<const std::int8_t*>(payload.data() + sizeof scale);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(q[i]) * scale;
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeInt8Encoder() { return std::make_unique<Int8>(); }

}  // namespace distlab::engine
