#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "comm/messages.h"
#include "core/rng.h"
#include "core/strategy_registry.h"

namespace distlab::engine {

// How a worker's update travels in its PUSH (cluster.encoder): as plain floats, or encoded into
// fewer bytes that the server decodes before it aggregates. The frame's header carries the
// encoder's wire id, so the bytes on the wire are the encoded ones (Traffic.wireBytes) and the
// traffic view can set them against the floats they stand for (Traffic.rawBytes).

/// What the spec tells the encoders that have a knob.
struct EncoderSettings {
  double ratio = 0.01;  ///< topk, randk: the share of the values sent (cluster.compress_ratio)
  int levels = 4;       ///< qsgd: levels per sign (cluster.qsgd_levels)
};

class UpdateEncoder {
 public:
  virtual ~UpdateEncoder() = default;
  virtual std::string_view name() const = 0;
  /// The id in a PUSH frame's flags; 0 is plain floats, which are never encoded.
  virtual std::uint8_t wireId() const = 0;
  /// Changes the values (the decoded update differs from the computed one).
  virtual bool isLossy() const { return true; }
  /// Its decoded update is, on average over its random choices, the update itself (randk, qsgd);
  /// a biased one (topk, sign, rounding) loses information that error feedback gives back.
  virtual bool isUnbiased() const { return !isLossy(); }
  /// Appends the encoding of `values` to `out`; `rng` draws a stochastic encoder's choices.
  virtual void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
                      const EncoderSettings& settings, Rng& rng) const = 0;
  /// The same with the default settings and a fixed seed (tests, benchmarks).
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out) const {
    Rng rng(1);
    encode(values, out, EncoderSettings{}, rng);
  }
  /// Decodes `payload` into exactly `values.size()` values; false when it does not hold that
  /// many (a malformed or foreign payload), leaving `values` unspecified.
  virtual bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const = 0;
};

/// float32, fp16, int8, topk, randk, qsgd, sign (update_encoders.cpp).
const StrategyRegistry<UpdateEncoder>& updateEncoders();
/// The encoder of a wire id, or nullptr.
const UpdateEncoder* updateEncoderById(std::uint8_t wireId);

/// Replaces an encoded PUSH's bytes by the values they stand for (`push.floats` of them, the
/// count the frame decoder checked against the model's size). False for an unknown encoder or a
/// payload that does not decode; a plain PUSH is left as it is.
bool decodePushUpdate(Push& push);

/// IEEE binary16 conversions, round to nearest even, with subnormals, infinities and NaN; the
/// F16C instructions where the CPU has them (chosen at run time), else the same in software.
void floatsToHalves(std::span<const float> in, std::uint16_t* out);
void halvesToFloats(const std::uint16_t* in, std::span<float> out);
/// The software path alone, for tests and the benchmark.
std::uint16_t floatToHalfSoftware(float value);
float halfToFloatSoftware(std::uint16_t half);
/// Whether floatsToHalves uses F16C on this CPU.
bool halfConversionUsesF16c();

}  // namespace distlab::engine
