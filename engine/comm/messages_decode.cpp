#include "comm/messages.h"

#include <cstring>

#include "comm/bytes.h"

// Decoding frames: every length and count is checked against what is left and the limits
// before anything is read (the fuzz_frame target feeds this file arbitrary bytes).

namespace distlab::engine {
namespace {

/// memcpy of a span that may be empty: an empty vector's data() may be null, and memcpy from or
/// to null is undefined even for 0 bytes (found by fuzz_frame).
void copyBytes(void* to, std::span<const std::uint8_t> bytes) {
  if (!bytes.empty()) std::memcpy(to, bytes.data(), bytes.size());
}

constexpr std::uint32_t kMaxNonce = 256;
constexpr std::uint32_t kMaxReason = 4096;
constexpr std::uint32_t kMaxHost = 255;  // an address or a DNS name
constexpr std::uint32_t kMaxSpec = 1u << 20;

// A length-prefixed byte string no longer than maxLength and no longer than what is left.
bool readBlob(ByteReader& r, std::uint32_t maxLength, std::vector<std::uint8_t>& out) {
  const std::uint32_t n = r.u32();
  if (!r.ok() || n > maxLength || n > r.remaining()) return false;
  const auto bytes = r.bytes(n);
  out.assign(bytes.begin(), bytes.end());
  return r.ok();
}

bool validType(std::uint8_t t) {
  return t >= static_cast<std::uint8_t>(MessageType::Hello) &&
         t <= static_cast<std::uint8_t>(MessageType::Ring);
}

// `n` floats from the reader (already checked to be what is left of the payload).
void takeFloats(ByteReader& r, std::uint32_t n, std::vector<float>& values) {
  values.resize(n);
  copyBytes(values.data(), r.bytes(static_cast<std::size_t>(n) * sizeof(float)));
}

// The float count must fill the rest of the payload and be whole columns of `rows`.
template <class M>
DecodeError readIntermediate(ByteReader& r, Message& message) {
  M m;
  m.step = r.u64();
  m.micro = r.u32();
  m.rows = r.u32();
  const std::uint32_t n = r.u32();
  if (!r.ok() || m.rows == 0 || n % m.rows != 0 ||
      static_cast<std::uint64_t>(n) * sizeof(float) != r.remaining()) {
    return DecodeError::BadPayload;
  }
  takeFloats(r, n, m.values);
  message = std::move(m);
  return DecodeError::None;
}

}  // namespace

DecodeError decodeHeader(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                         FrameHeader& header) {
  if (bytes.size() < kFrameHeaderSize) return DecodeError::NeedMoreBytes;
  ByteReader r(bytes.first(kFrameHeaderSize));
  if (r.u32() != kFrameMagic) return DecodeError::BadMagic;
  if (r.u8() != kProtocolVersion) return DecodeError::BadVersion;
  const std::uint8_t type = r.u8();
  if (!validType(type)) return DecodeError::UnknownType;
  header.type = static_cast<MessageType>(type);
  header.flags = r.u16();
  header.length = r.u32();
  if (header.length > limits.maxPayload) return DecodeError::TooLarge;
  return DecodeError::None;
}

DecodeError decodePayload(const FrameHeader& header, std::span<const std::uint8_t> payload,
                          const DecodeLimits& limits, Message& message) {
  if (payload.size() != header.length) return DecodeError::BadPayload;
  // PARAMS/PUSH: the same prefix check the session uses when it reads floats in place.
  if (const std::size_t prefix = bulkPrefixSize(header.type); isBulkFrame(header)) {
    // Floats in shared memory need the connection's region, which a buffer does not have.
    if (payload.size() < prefix || floatsAreShared(header) || paramsInRegion(header)) {
      return DecodeError::BadPayload;
    }
    const DecodeError error = decodeBulkPrefix(header, payload.first(prefix), limits, message);
    if (error != DecodeError::None) return error;
    const std::span<float> values = bulkValues(message);
    copyBytes(values.data(), payload.subspan(prefix, values.size_bytes()));
    return DecodeError::None;
  }
  ByteReader r(payload);
  switch (header.type) {
    case MessageType::Hello: {
      Hello m;
      const auto role = r.u8();
      m.rank = r.u32();
      m.clockNs = static_cast<std::int64_t>(r.u64());
      if (role < static_cast<std::uint8_t>(PeerRole::Worker) ||
          role > static_cast<std::uint8_t>(PeerRole::Controller)) {
        return DecodeError::BadPayload;
      }
      m.role = static_cast<PeerRole>(role);
      message = m;
      break;
    }
    case MessageType::Challenge: {
      Challenge m;
      if (!readBlob(r, kMaxNonce, m.nonce)) return DecodeError::BadPayload;
      message = std::move(m);
      break;
    }
    case MessageType::Auth: {
      Auth m;
      if (!readBlob(r, kMaxNonce, m.mac)) return DecodeError::BadPayload;
      message = std::move(m);
      break;
    }
    case MessageType::Welcome: {
      Welcome m;
      m.modelSize = r.u32();
      m.startClock = r.u64();
      std::vector<std::uint8_t> text;
      if (!readBlob(r, kMaxSpec, text)) return DecodeError::BadPayload;
      m.spec.assign(text.begin(), text.end());
      message = std::move(m);
      break;
    }
    case MessageType::Pull:
      message = Pull{r.u64()};
      break;
    case MessageType::Params:
      break;                   // decoded above through decodeBulkPrefix
    case MessageType::Push: {  // encoded: the fields, the count of values, the encoder's bytes
      if (header.flags > 0xFF) return DecodeError::BadPayload;
      Push m;
      const auto kind = r.u8();
      const auto pullNext = r.u8();
      if (kind < 1 || kind > 4 || pullNext > 1) return DecodeError::BadPayload;
      m.kind = static_cast<PushKind>(kind);
      m.pullNext = pullNext == 1;
      m.baseVersion = r.u64();
      m.samples = r.u32();
      m.encoding = static_cast<std::uint8_t>(header.flags);
      m.floats = r.u32();
      if (!r.ok()) return DecodeError::BadPayload;
      if (limits.modelSize != 0 && m.floats != limits.modelSize) return DecodeError::WrongModelSize;
      const auto rest = payload.subspan(payload.size() - r.remaining());
      m.encoded.assign(rest.begin(), rest.end());  // bounded by the frame's checked length
      message = std::move(m);
      return DecodeError::None;
    }
    case MessageType::Clock:
      message = Clock{r.u64()};
      break;
    case MessageType::Barrier:
      message = Barrier{r.u64()};
      break;
    case MessageType::Telemetry: {
      Telemetry m;
      m.version = r.u16();
      if (!readBlob(r, limits.maxPayload, m.events)) return DecodeError::BadPayload;
      message = std::move(m);
      break;
    }
    case MessageType::Control: {
      Control m;
      m.command = r.u8();
      m.target = r.u32();
      m.value = r.f64();
      if (m.command < 1 || m.command > kLastControlCommand) return DecodeError::BadPayload;
      message = m;
      break;
    }
    case MessageType::Shutdown: {
      std::vector<std::uint8_t> text;
      if (!readBlob(r, kMaxReason, text)) return DecodeError::BadPayload;
      message = Shutdown{std::string(text.begin(), text.end())};
      break;
    }
    case MessageType::Heartbeat:
      message = Heartbeat{};
      break;
    case MessageType::Shared: {
      std::vector<std::uint8_t> name;
      if (!readBlob(r, kMaxSharedName, name)) return DecodeError::BadPayload;
      message = Shared{std::string(name.begin(), name.end()), r.u64()};
      break;
    }
    case MessageType::Keys: {
      const std::uint32_t n = r.u32();
      if (!r.ok() || n > kMaxKeys || static_cast<std::uint64_t>(n) * 32 != r.remaining()) {
        return DecodeError::BadPayload;
      }
      Keys m;
      m.publicKeys.resize(n);
      for (auto& key : m.publicKeys) {
        const auto bytes = r.bytes(32);
        std::copy(bytes.begin(), bytes.end(), key.begin());
      }
      message = std::move(m);
      break;
    }
    case MessageType::KeyShares: {
      const std::uint32_t n = r.u32();
      // Each box has at least its 4-byte length: a count the payload cannot hold is a lie.
      if (!r.ok() || n > kMaxKeys || static_cast<std::uint64_t>(n) * 4 > r.remaining()) {
        return DecodeError::BadPayload;
      }
      KeyShares m;
      m.boxes.resize(n);
      for (auto& box : m.boxes) {
        if (!readBlob(r, kMaxSealedShare, box)) return DecodeError::BadPayload;
      }
      message = std::move(m);
      break;
    }
    case MessageType::Reveal: {
      Reveal m;
      m.owner = r.u32();
      if (!readBlob(r, kMaxSealedShare, m.share)) return DecodeError::BadPayload;
      message = std::move(m);
      break;
    }
    case MessageType::PaillierKey: {
      PaillierKey m;
      if (!readBlob(r, kMaxPaillierBytes, m.n)) return DecodeError::BadPayload;
      message = std::move(m);
      break;
    }
    case MessageType::Encrypted: {
      Encrypted m;
      m.round = r.u64();
      m.summands = r.u32();
      m.values = r.u32();
      m.width = r.u32();
      // Whole ciphertexts of a sane width fill the rest.
      if (!r.ok() || m.width == 0 || m.width > 2 * kMaxPaillierBytes ||
          r.remaining() % m.width != 0) {
        return DecodeError::BadPayload;
      }
      const auto rest = r.bytes(r.remaining());
      m.ciphertexts.assign(rest.begin(), rest.end());
      message = std::move(m);
      break;
    }
    case MessageType::Decrypted: {
      Decrypted m;
      m.round = r.u64();
      const std::uint32_t n = r.u32();
      if (!r.ok() || static_cast<std::uint64_t>(n) * sizeof(float) != r.remaining() ||
          (limits.modelSize != 0 && n != limits.modelSize)) {
        return DecodeError::BadPayload;
      }
      takeFloats(r, n, m.values);
      message = std::move(m);
      break;
    }
    case MessageType::Ring: {
      RingChunk m;
      m.round = r.u64();
      m.step = r.u32();
      m.chunk = r.u32();
      const std::uint32_t n = r.u32();
      if (!r.ok() || m.chunk >= kMaxRingChunks || m.step >= 2 * kMaxRingChunks ||
          static_cast<std::uint64_t>(n) * sizeof(float) != r.remaining() ||
          (limits.modelSize != 0 && n > limits.modelSize)) {
        return DecodeError::BadPayload;
      }
      takeFloats(r, n, m.values);
      message = std::move(m);
      break;
    }
    case MessageType::Activations:
      if (const auto e = readIntermediate<Activations>(r, message); e != DecodeError::None)
        return e;
      break;
    case MessageType::Errors:
      if (const auto e = readIntermediate<Errors>(r, message); e != DecodeError::None) return e;
      break;
    case MessageType::Route: {
      Route m;
      m.port = r.u16();
      std::vector<std::uint8_t> host;
      if (!readBlob(r, kMaxHost, host)) return DecodeError::BadPayload;
      m.host.assign(host.begin(), host.end());
      message = std::move(m);
      break;
    }
    case MessageType::Mask: {
      Mask m;
      m.round = r.u64();
      const std::uint32_t layers = r.u32();
      if (!r.ok() || layers > kMaxMaskLayers) return DecodeError::BadPayload;
      for (std::uint32_t l = 0; l < layers; ++l) {
        const std::uint32_t n = r.u32();
        if (!r.ok() || static_cast<std::uint64_t>(n) * 4 > r.remaining()) {
          return DecodeError::BadPayload;
        }
        std::vector<std::uint32_t> layer(n);
        for (auto& i : layer) i = r.u32();
        m.neurons.push_back(std::move(layer));
      }
      message = std::move(m);
      break;
    }
  }
  // Every byte must be accounted for: trailing bytes mean the sender and we disagree.
  if (!r.ok() || r.remaining() != 0) return DecodeError::BadPayload;
  return DecodeError::None;
}

DecodeError decodeFrame(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                        Message& message, std::size_t& consumed) {
  FrameHeader header;
  if (const auto e = decodeHeader(bytes, limits, header); e != DecodeError::None) return e;
  if (bytes.size() - kFrameHeaderSize < header.length) return DecodeError::NeedMoreBytes;
  const auto e =
      decodePayload(header, bytes.subspan(kFrameHeaderSize, header.length), limits, message);
  if (e == DecodeError::None) consumed = kFrameHeaderSize + header.length;
  return e;
}

}  // namespace distlab::engine
