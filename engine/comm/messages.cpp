#include "comm/messages.h"

#include <algorithm>
#include <cstring>

#include "comm/bytes.h"

namespace distlab::engine {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

void writeBlob(ByteWriter& w, std::span<const std::uint8_t> blob) {
  w.u32(static_cast<std::uint32_t>(blob.size()));
  w.bytes(blob);
}

void writeFloats(ByteWriter& w, std::span<const float> values) {
  w.u32(static_cast<std::uint32_t>(values.size()));
  w.floats(values);
}

void writeIntermediate(ByteWriter& w, const IntermediateResult& m) {
  w.u64(m.step);
  w.u32(m.micro);
  w.u32(m.rows);
  writeFloats(w, m.values);
}

void encodePayload(const Message& message, ByteWriter& w) {
  std::visit(
      Overloaded{
          [&](const Hello& m) {
            w.u8(static_cast<std::uint8_t>(m.role));
            w.u32(m.rank);
            w.u64(static_cast<std::uint64_t>(m.clockNs));
          },
          [&](const Challenge& m) { writeBlob(w, m.nonce); },
          [&](const Auth& m) { writeBlob(w, m.mac); },
          [&](const Welcome& m) {
            w.u32(m.modelSize);
            w.u64(m.startClock);
            writeBlob(w, {reinterpret_cast<const std::uint8_t*>(m.spec.data()), m.spec.size()});
          },
          [&](const Pull& m) { w.u64(m.haveVersion); },
          [&](const Params& m) {
            w.u64(m.version);
            writeFloats(w, m.values);
          },
          [&](const Push& m) {
            w.u8(static_cast<std::uint8_t>(m.kind));
            w.u8(m.pullNext ? 1 : 0);
            w.u64(m.baseVersion);
            w.u32(m.samples);
            if (m.encoding == 0) return writeFloats(w, m.values);
            w.u32(m.floats);
            w.bytes(m.encoded);
          },
          [&](const Clock& m) { w.u64(m.clock); },
          [&](const Barrier& m) { w.u64(m.clock); },
          [&](const Telemetry& m) {
            w.u16(m.version);
            writeBlob(w, m.events);
          },
          [&](const Control& m) {
            w.u8(m.command);
            w.u32(m.target);
            w.f64(m.value);
          },
          [&](const Shutdown& m) {
            writeBlob(w, {reinterpret_cast<const std::uint8_t*>(m.reason.data()), m.reason.size()});
          },
          [&](const Heartbeat&) {},
          [&](const Keys& m) {
            w.u32(static_cast<std::uint32_t>(m.publicKeys.size()));
            for (const auto& key : m.publicKeys) w.bytes(key);
          },
          [&](const Activations& m) { writeIntermediate(w, m); },
          [&](const Errors& m) { writeIntermediate(w, m); },
          [&](const Route& m) {
            w.u16(m.port);
            writeBlob(w, {reinterpret_cast<const std::uint8_t*>(m.host.data()), m.host.size()});
          },
          [&](const Mask& m) {
            w.u64(m.round);
            w.u32(static_cast<std::uint32_t>(m.neurons.size()));
            for (const auto& layer : m.neurons) {
              w.u32(static_cast<std::uint32_t>(layer.size()));
              for (std::uint32_t i : layer) w.u32(i);
            }
          },
          [&](const Shared& m) {
            writeBlob(w, {reinterpret_cast<const std::uint8_t*>(m.name.data()), m.name.size()});
            w.u64(m.nonce);
          },
          [&](const KeyShares& m) {
            w.u32(static_cast<std::uint32_t>(m.boxes.size()));
            for (const auto& box : m.boxes) writeBlob(w, box);
          },
          [&](const Reveal& m) {
            w.u32(m.owner);
            writeBlob(w, m.share);
          },
          [&](const PaillierKey& m) { writeBlob(w, m.n); },
          [&](const Encrypted& m) {
            w.u64(m.round);
            w.u32(m.summands);
            w.u32(m.values);
            w.u32(m.width);
            w.bytes(m.ciphertexts);
          },
          [&](const Decrypted& m) {
            w.u64(m.round);
            writeFloats(w, m.values);
          },
          [&](const RingChunk& m) {
            w.u64(m.round);
            w.u32(m.step);
            w.u32(m.chunk);
            writeFloats(w, m.values);
          },
      },
      message);
}

}  // namespace

DecodeLimits limitsForModel(std::uint32_t floats) {
  DecodeLimits limits;
  limits.modelSize = floats;
  limits.maxPayload = std::max<std::uint32_t>(64u << 20, floats * 4 + 1024);
  return limits;
}

MessageType typeOf(const Message& message) {
  return static_cast<MessageType>(message.index() + 1);  // variant order follows the enum
}

const char* describe(DecodeError error) {
  switch (error) {
    case DecodeError::None:
      return "no error";
    case DecodeError::NeedMoreBytes:
      return "incomplete frame";
    case DecodeError::BadMagic:
      return "not a DistLab frame (wrong magic)";
    case DecodeError::BadVersion:
      return "unsupported protocol version";
    case DecodeError::UnknownType:
      return "unknown message type";
    case DecodeError::TooLarge:
      return "frame larger than allowed";
    case DecodeError::BadPayload:
      return "malformed payload";
    case DecodeError::WrongModelSize:
      return "parameter count differs from the model's";
  }
  return "unknown error";
}

std::vector<std::uint8_t> encodeFrameHead(const Message& message, std::span<const float>& bulk) {
  bulk = {};
  if (const auto* p = std::get_if<Params>(&message)) bulk = p->values;
  if (const auto* u = std::get_if<Push>(&message)) bulk = u->values;
  return encodeBulkFrameHead(message, bulk);
}

std::vector<std::uint8_t> encodeBulkFrameHead(const Message& message, std::span<const float> values,
                                              bool shared) {
  std::vector<std::uint8_t> out;
  ByteWriter w(out);
  w.u32(kFrameMagic);
  w.u8(kProtocolVersion);
  w.u8(static_cast<std::uint8_t>(typeOf(message)));
  w.u16(0);
  w.u32(0);  // length, patched below
  std::size_t bulkBytes = 0;
  if (const auto* p = std::get_if<Params>(&message)) {
    w.u64(p->version);
    w.u32(static_cast<std::uint32_t>(values.size()));
    bulkBytes = values.size_bytes();
  } else if (const auto* u = std::get_if<Push>(&message); u && u->encoding == 0) {
    w.u8(static_cast<std::uint8_t>(u->kind));
    w.u8(u->pullNext ? 1 : 0);
    w.u64(u->baseVersion);
    w.u32(u->samples);
    w.u32(static_cast<std::uint32_t>(values.size()));
    bulkBytes = values.size_bytes();
  } else {
    if (u) out[6] = u->encoding;  // flags, low byte: the update's encoder
    encodePayload(message, w);
  }
  if (shared && bulkBytes > 0) {  // the floats wait in shared memory: the frame ends here
    const std::uint16_t flags = kSharedFloatsFlag;
    std::memcpy(out.data() + 6, &flags, sizeof flags);
    bulkBytes = 0;
  }
  const auto length = static_cast<std::uint32_t>(out.size() - kFrameHeaderSize + bulkBytes);
  std::memcpy(out.data() + 8, &length, sizeof length);
  return out;
}

std::vector<std::uint8_t> encodeFrame(const Message& message) {
  std::span<const float> bulk;
  std::vector<std::uint8_t> out = encodeFrameHead(message, bulk);
  ByteWriter(out).floats(bulk);
  return out;
}

}  // namespace distlab::engine
