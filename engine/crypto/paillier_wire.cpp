#include "crypto/paillier_wire.h"

#include <algorithm>
#include <string>

#include "core/error.h"

namespace distlab::engine {

std::size_t ciphertextWidth(int keyBits) {
  return static_cast<std::size_t>(2 * keyBits + 7) / 8;
}

std::size_t ciphertextCount(std::size_t values, int keyBits) {
  const auto slots = static_cast<std::size_t>(PaillierPacking{}.slots(keyBits));
  return (values + slots - 1) / slots;
}

std::vector<std::uint8_t> packCiphertexts(const std::vector<BigBytes>& ciphertexts,
                                          std::size_t width) {
  std::vector<std::uint8_t> out(ciphertexts.size() * width, 0);
  for (std::size_t c = 0; c < ciphertexts.size(); ++c) {
    const auto& text = ciphertexts[c];
    if (text.size() > width) {
      throw Error("paillier: a ciphertext of " + std::to_string(text.size()) +
                  " bytes is wider than " + std::to_string(width));
    }
    std::copy(text.begin(), text.end(), out.begin() + static_cast<std::ptrdiff_t>((c + 1) * width - text.size()));
  }
  return out;
}

std::vector<BigBytes> unpackCiphertexts(std::span<const std::uint8_t> bytes, std::size_t width) {
  if (width == 0 || bytes.size() % width != 0) {
    throw Error("paillier: " + std::to_string(bytes.size()) + " bytes are not whole ciphertexts of " +
                std::to_string(width));
  }
  std::vector<BigBytes> out;
  out.reserve(bytes.size() / width);
  for (std::size_t at = 0; at < bytes.size(); at += width) {
    auto first = bytes.begin() + static_cast<std::ptrdiff_t>(at);
    const auto last = first + static_cast<std::ptrdiff_t>(width);
    first = std::find_if(first, last, [](std::uint8_t b) { return b != 0; });  // no leading zeros
    out.emplace_back(first, last);
  }
  return out;
}

}  // namespace distlab::engine
