#include "crypto/secagg/secagg_messages.h"

#include <cstring>
#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

void putU32(Bytes& out, std::uint32_t v) {
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(v >> (8 * b)));
}

void putBytes(Bytes& out, std::span<const std::uint8_t> bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}

/// Reads little-endian fields, refusing to run past the end.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= static_cast<std::uint32_t>(m_bytes[m_at++]) << (8 * b);
    return v;
  }
  std::uint8_t u8() {
    need(1);
    return m_bytes[m_at++];
  }
  std::span<const std::uint8_t> take(std::size_t n) {
    need(n);
    m_at += n;
    return m_bytes.subspan(m_at - n, n);
  }
  /// A count of items of at least `minBytes` each: never more than the bytes left could hold.
  std::uint32_t count(std::size_t minBytes) {
    const std::uint32_t n = u32();
    if (n > (m_bytes.size() - m_at) / minBytes) fail();
    return n;
  }
  void end() const {
    if (m_at != m_bytes.size()) fail();
  }

 private:
  void need(std::size_t n) const {
    if (n > m_bytes.size() - m_at) fail();
  }
  [[noreturn]] void fail() const {
    throw Error("secure aggregation: a malformed message of " + std::to_string(m_bytes.size()) +
                " bytes");
  }
  std::span<const std::uint8_t> m_bytes;
  std::size_t m_at = 0;
};

template <typename T, typename ReadOne>
std::vector<T> readList(std::span<const std::uint8_t> bytes, std::size_t minBytes, ReadOne one) {
  Reader in(bytes);
  std::vector<T> out(in.count(minBytes));
  for (auto& item : out) item = one(in);
  in.end();
  return out;
}

Key32 key32(Reader& in) {
  Key32 k{};
  const auto bytes = in.take(32);
  std::copy(bytes.begin(), bytes.end(), k.begin());
  return k;
}

}  // namespace

Bytes writeKeys(std::span<const AdvertisedKeys> keys) {
  Bytes out;
  putU32(out, static_cast<std::uint32_t>(keys.size()));
  for (const auto& k : keys) {
    putU32(out, k.client);
    putBytes(out, k.cipherPublic);
    putBytes(out, k.maskPublic);
    putBytes(out, k.seedDigest);
  }
  return out;
}

std::vector<AdvertisedKeys> readKeys(std::span<const std::uint8_t> bytes) {
  return readList<AdvertisedKeys>(bytes, 100, [](Reader& in) {
    AdvertisedKeys k;
    k.client = in.u32();
    k.cipherPublic = key32(in);
    k.maskPublic = key32(in);
    k.seedDigest = key32(in);
    return k;
  });
}

Bytes writeShares(std::span<const SealedShare> shares) {
  Bytes out;
  putU32(out, static_cast<std::uint32_t>(shares.size()));
  for (const auto& s : shares) {
    putU32(out, s.from);
    putU32(out, s.to);
    putU32(out, static_cast<std::uint32_t>(s.box.size()));
    putBytes(out, s.box);
  }
  return out;
}

std::vector<SealedShare> readShares(std::span<const std::uint8_t> bytes) {
  return readList<SealedShare>(bytes, 12, [](Reader& in) {
    SealedShare s;
    s.from = in.u32();
    s.to = in.u32();
    const auto box = in.take(in.u32());
    s.box.assign(box.begin(), box.end());
    return s;
  });
}

Bytes writeReveals(std::span<const RevealedShare> reveals) {
  Bytes out;
  putU32(out, static_cast<std::uint32_t>(reveals.size()));
  for (const auto& r : reveals) {
    putU32(out, r.holder);
    putU32(out, r.owner);
    out.push_back(static_cast<std::uint8_t>(r.kind));
    out.push_back(r.share.x);
    putU32(out, static_cast<std::uint32_t>(r.share.y.size()));
    putBytes(out, r.share.y);
  }
  return out;
}

std::vector<RevealedShare> readReveals(std::span<const std::uint8_t> bytes) {
  return readList<RevealedShare>(bytes, 14, [](Reader& in) {
    RevealedShare r;
    r.holder = in.u32();
    r.owner = in.u32();
    const auto kind = in.u8();
    if (kind != 1 && kind != 2) {
      throw Error("secure aggregation: a revealed share of unknown kind " + std::to_string(kind));
    }
    r.kind = static_cast<RevealKind>(kind);
    r.share.x = in.u8();
    const auto y = in.take(in.u32());
    r.share.y.assign(y.begin(), y.end());
    return r;
  });
}

Bytes writeMasked(const MaskedInput& input) {
  Bytes out;
  putU32(out, input.client);
  putU32(out, static_cast<std::uint32_t>(input.weight));
  putU32(out, static_cast<std::uint32_t>(input.weight >> 32));
  putU32(out, static_cast<std::uint32_t>(input.words.size()));
  for (const auto w : input.words) {
    putU32(out, static_cast<std::uint32_t>(w));
    putU32(out, static_cast<std::uint32_t>(w >> 32));
  }
  return out;
}

MaskedInput readMasked(std::span<const std::uint8_t> bytes) {
  Reader in(bytes);
  MaskedInput m;
  m.client = in.u32();
  m.weight = in.u32();
  m.weight |= static_cast<std::uint64_t>(in.u32()) << 32;
  m.words.resize(in.count(8));
  for (auto& w : m.words) {
    w = in.u32();
    w |= static_cast<std::uint64_t>(in.u32()) << 32;
  }
  in.end();
  return m;
}

Bytes writeIds(std::span<const std::uint32_t> ids) {
  Bytes out;
  putU32(out, static_cast<std::uint32_t>(ids.size()));
  for (auto id : ids) putU32(out, id);
  return out;
}

std::vector<std::uint32_t> readIds(std::span<const std::uint8_t> bytes) {
  return readList<std::uint32_t>(bytes, 4, [](Reader& in) { return in.u32(); });
}

std::vector<float> bytesToSlots(std::span<const std::uint8_t> bytes) {
  std::vector<float> slots(1 + (bytes.size() + 3) / 4, 0.0f);
  const auto n = static_cast<std::uint32_t>(bytes.size());
  std::memcpy(slots.data(), &n, 4);
  if (!bytes.empty()) std::memcpy(slots.data() + 1, bytes.data(), bytes.size());
  return slots;
}

Bytes slotsToBytes(std::span<const float> slots) {
  std::uint32_t n = 0;
  if (slots.empty() || (std::memcpy(&n, slots.data(), 4), n > (slots.size() - 1) * 4) ||
      (n + 3) / 4 != slots.size() - 1) {
    throw Error("secure aggregation: a message's byte count does not match its " +
                std::to_string(slots.size()) + " slots");
  }
  Bytes bytes(n);
  if (n) std::memcpy(bytes.data(), slots.data() + 1, n);
  return bytes;
}

}  // namespace distlab::engine
