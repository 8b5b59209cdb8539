// Plain 32-bit floats: the update as computed (a PUSH then carries its floats uncopied).
#include <cstring>

#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

class Float32 final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "float32"; }
  std::uint8_t wireId() const override { return 0; }
  bool isLossy() const override { return false; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings&, Rng&) const override {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(values.data());
    out.insert(out.end(), bytes, bytes + values.size_bytes());
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    if (payload.size() != values.size_bytes()) return false;
    std::memcpy(values.data(), payload.data(), payload.size());
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeFloat32Encoder() { return std::make_unique<Float32>(); }

}  // namespace distlab::engine
