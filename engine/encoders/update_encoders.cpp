#include "encoders/update_encoder.h"

#include "core/strategy_names.h"

namespace distlab::engine {

std::unique_ptr<UpdateEncoder> makeFloat32Encoder();
std::unique_ptr<UpdateEncoder> makeFp16Encoder();
std::unique_ptr<UpdateEncoder> makeInt8Encoder();
std::unique_ptr<UpdateEncoder> makeTopKEncoder();
std::unique_ptr<UpdateEncoder> makeRandKEncoder();
std::unique_ptr<UpdateEncoder> makeQsgdEncoder();
std::unique_ptr<UpdateEncoder> makeSignEncoder();

const StrategyRegistry<UpdateEncoder>& updateEncoders() {
  static const auto registry = makeRegistry<UpdateEncoder>(
      "cluster.encoder", {makeFloat32Encoder, makeFp16Encoder, makeInt8Encoder, makeTopKEncoder,
                          makeRandKEncoder, makeQsgdEncoder, makeSignEncoder});
  return registry;
}

const UpdateEncoder* updateEncoderById(std::uint8_t wireId) {
  for (const auto& name : updateEncoders().names()) {
    const UpdateEncoder& e = updateEncoders().at(name);
    if (e.wireId() == wireId) return &e;
  }
  return nullptr;
}

bool decodePushUpdate(Push& push) {
  if (push.encoding == 0) return true;
  const UpdateEncoder* encoder = updateEncoderById(push.encoding);
  if (!encoder) return false;
  push.values.resize(push.floats);
  if (!encoder->decode(push.encoded, push.values)) return false;
  push.encoding = 0;
  push.encoded = {};
  return true;
}

std::vector<std::string> updateEncoderNames() { return updateEncoders().names(); }

}  // namespace distlab::engine
