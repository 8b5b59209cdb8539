// PARAMS and PUSH frames as fields then a float array read in place: the helpers a session and a
// channel use to read the floats straight where they go (or find them in shared memory).
#include <cstring>

#include "comm/bytes.h"
#include "comm/messages.h"

namespace distlab::engine {

std::vector<std::uint8_t> encodeRegionParamsFrame(const Params& fields, std::uint32_t count) {
  std::vector<std::uint8_t> out;
  ByteWriter w(out);
  w.u32(kFrameMagic);
  w.u8(kProtocolVersion);
  w.u8(static_cast<std::uint8_t>(MessageType::Params));
  w.u16(kParamsRegionFlag);
  w.u32(static_cast<std::uint32_t>(bulkPrefixSize(MessageType::Params)));
  w.u64(fields.version);
  w.u32(count);
  return out;
}

bool isBulkFrame(const FrameHeader& header) {
  const bool encodedPush = header.type == MessageType::Push && (header.flags & 0xff) != 0;
  return bulkPrefixSize(header.type) > 0 && !encodedPush;
}

bool hasBulkFloats(const Message& message) {
  if (std::holds_alternative<Params>(message)) return true;
  const auto* push = std::get_if<Push>(&message);
  return push && push->encoding == 0;
}

bool floatsAreShared(const FrameHeader& header) {
  return isBulkFrame(header) && (header.flags & kSharedFloatsFlag) != 0;
}

bool paramsInRegion(const FrameHeader& header) {
  return header.type == MessageType::Params && (header.flags & kParamsRegionFlag) != 0;
}

std::size_t bulkPrefixSize(MessageType type) {
  if (type == MessageType::Params) return 8 + 4;
  if (type == MessageType::Push) return 1 + 1 + 8 + 4 + 4;
  return 0;
}

DecodeError decodeBulkPrefix(const FrameHeader& header, std::span<const std::uint8_t> prefix,
                             const DecodeLimits& limits, Message& message, bool allocate) {
  const std::size_t prefixSize = bulkPrefixSize(header.type);
  if (prefixSize == 0 || prefix.size() != prefixSize || header.length < prefixSize) {
    return DecodeError::BadPayload;
  }
  ByteReader r(prefix);
  std::vector<float>* values = nullptr;
  if (header.type == MessageType::Params) {
    Params m;
    m.version = r.u64();
    message = std::move(m);
    values = &std::get<Params>(message).values;
  } else {
    Push m;
    const auto kind = r.u8();
    if (kind < 1 || kind > 4) return DecodeError::BadPayload;
    m.kind = static_cast<PushKind>(kind);
    const auto pullNext = r.u8();
    if (pullNext > 1) return DecodeError::BadPayload;
    m.pullNext = pullNext == 1;
    m.baseVersion = r.u64();
    m.samples = r.u32();
    message = std::move(m);
    values = &std::get<Push>(message).values;
  }
  const std::uint32_t count = r.u32();
  if (limits.modelSize != 0 && count != limits.modelSize) return DecodeError::WrongModelSize;
  const std::uint64_t floatBytes = floatsAreShared(header) || paramsInRegion(header)
                                      ? 0
                                      : std::uint64_t{count} * sizeof(float);
  if (floatBytes != header.length - prefixSize) return DecodeError::BadPayload;
  if (allocate) values->resize(count);  // checked above: exactly the bytes the frame announced
  return DecodeError::None;
}

std::uint32_t bulkFloatCount(std::span<const std::uint8_t> prefix) {
  if (prefix.size() < sizeof(std::uint32_t)) return 0;
  ByteReader r(prefix.last(sizeof(std::uint32_t)));
  return r.u32();
}

std::vector<float>* bulkVector(Message& message) {
  if (auto* p = std::get_if<Params>(&message)) return &p->values;
  if (auto* u = std::get_if<Push>(&message)) return &u->values;
  return nullptr;
}

std::span<float> bulkValues(Message& message) {
  if (auto* p = std::get_if<Params>(&message)) return p->values;
  if (auto* u = std::get_if<Push>(&message)) return u->values;
  return {};
}

}  // namespace distlab::engine
