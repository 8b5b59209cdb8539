// Half precision: 2 bytes a value, 11 significant bits (relative error <= 2^-11 in the normal
// range), the update's size halved.
#include <cstring>

#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

class Fp16 final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "fp16"; }
  std::uint8_t wireId() const override { return 1; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings&, Rng&) const override {
    const std::size_t at = out.size();
    out.resize(at + 2 * values.size());
    std::vector<std::uint16_t> halves(values.size());
    floatsToHalves(values, halves.data());
    std::memcpy(out.data() + at, halves.data(), 2 * halves.size());  // little-endian hosts only
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    if (payload.size() != 2 * values.size()) return false;
    std::vector<std::uint16_t> halves(values.size());
    std::memcpy(halves.data(), payload.data(), payload.size());
    halvesToFloats(halves.data(), values);
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeFp16Encoder() { return std::make_unique<Fp16>(); }

}  // namespace distlab::engine
