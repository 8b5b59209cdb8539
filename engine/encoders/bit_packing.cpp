#include "encoders/bit_packing.h"

namespace distlab::engine {

void packCodes(std::span<const std::uint32_t> codes, int bits, std::vector<std::uint8_t>& out) {
  const std::size_t at = out.size();
  out.resize(at + packedBytes(codes.size(), bits), 0);
  std::uint8_t* packed = out.data() + at;
  std::size_t bit = 0;
  for (const std::uint32_t code : codes) {
    for (int b = 0; b < bits; ++b, ++bit) {
      packed[bit / 8] |= static_cast<std::uint8_t>(((code >> b) & 1u) << (bit % 8));
    }
  }
}

void appendCount(std::size_t count, std::vector<std::uint8_t>& out) {
  const auto n = static_cast<std::uint32_t>(count);
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(n >> (8 * b)));
}

bool readCount(std::span<const std::uint8_t> bytes, std::size_t& at, std::size_t expected) {
  if (bytes.size() < at + 4) return false;
  std::uint32_t n = 0;
  for (int b = 0; b < 4; ++b) n |= static_cast<std::uint32_t>(bytes[at + b]) << (8 * b);
  at += 4;
  return n == expected;
}

void appendVarint(std::uint32_t value, std::vector<std::uint8_t>& out) {
  while (value >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

bool readVarint(std::span<const std::uint8_t> bytes, std::size_t& at, std::uint32_t& value) {
  value = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (at >= bytes.size()) return false;
    const std::uint8_t byte = bytes[at++];
    if (shift == 28 && (byte & 0x70)) return false;  // more than 32 bits
    value |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace distlab::engine
