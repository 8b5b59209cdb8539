#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

// Small unsigned codes packed `bits` to a code, least significant bit first (the sign and
// QSGD encoders).

/// Bytes that `count` codes of `bits` bits take.
inline std::size_t packedBytes(std::size_t count, int bits) {
  return (count * static_cast<std::size_t>(bits) + 7) / 8;
}

/// Appends the codes, each below 2^bits.
void packCodes(std::span<const std::uint32_t> codes, int bits, std::vector<std::uint8_t>& out);

/// The i-th code of a packed run.
inline std::uint32_t unpackCode(const std::uint8_t* packed, std::size_t i, int bits) {
  std::uint32_t code = 0;
  std::size_t bit = i * static_cast<std::size_t>(bits);
  for (int b = 0; b < bits; ++b, ++bit) {
    code |= static_cast<std::uint32_t>((packed[bit / 8] >> (bit % 8)) & 1u) << b;
  }
  return code;
}

/// Every sparse or packed payload starts with the count of values it stands for (4 bytes), so a
/// payload meant for another model size is refused even where the sizes would agree.
void appendCount(std::size_t count, std::vector<std::uint8_t>& out);
/// Reads and checks it at `at`, moving past; false when short or not `expected`.
bool readCount(std::span<const std::uint8_t> bytes, std::size_t& at, std::size_t expected);

/// LEB128: 7 bits a byte, low first, the high bit set on every byte but the last.
void appendVarint(std::uint32_t value, std::vector<std::uint8_t>& out);
/// Reads one at `at`, moving it past; false when the bytes end first or it overflows 32 bits.
bool readVarint(std::span<const std::uint8_t> bytes, std::size_t& at, std::uint32_t& value);

}  // namespace distlab::engine
