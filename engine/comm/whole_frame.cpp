#include "comm/whole_frame.h"

#include <cstring>

namespace distlab::engine {

DecodeError decodeWholeFrame(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                             Message& message, std::span<float> bulkTarget,
                             std::vector<float>* spare) {
  FrameHeader header;
  if (const auto e = decodeHeader(bytes, limits, header); e != DecodeError::None) return e;
  const auto payload = bytes.subspan(kFrameHeaderSize);
  if (payload.size() != header.length) return DecodeError::BadPayload;
  if (!isBulkFrame(header)) return decodePayload(header, payload, limits, message);
  if (floatsAreShared(header) || paramsInRegion(header)) return DecodeError::BadPayload;
  const std::size_t prefixSize = bulkPrefixSize(header.type);
  if (payload.size() < prefixSize) return DecodeError::BadPayload;
  const auto prefix = payload.first(prefixSize);
  const std::uint32_t count = bulkFloatCount(prefix);
  const bool intoTarget = !bulkTarget.empty() && bulkTarget.size() == count;
  if (const auto e = decodeBulkPrefix(header, prefix, limits, message, false);
      e != DecodeError::None) {
    return e;
  }
  std::span<float> values = bulkTarget;
  if (!intoTarget) {
    std::vector<float>& vector = *bulkVector(message);
    if (spare) vector = std::move(*spare);
    vector.resize(count);
    values = vector;
  }
  const auto floats = payload.subspan(prefixSize);
  if (floats.size() != values.size_bytes()) return DecodeError::BadPayload;
  std::memcpy(values.data(), floats.data(), floats.size());
  return DecodeError::None;
}

}  // namespace distlab::engine
