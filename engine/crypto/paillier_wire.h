#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/paillier.h"

namespace distlab::engine {

// Ciphertexts on the wire: back to back, each zero-padded to the same width, so a frame's
// length alone says how many it holds.

/// Bytes of a ciphertext under a key whose n has `keyBits` bits (those of n^2, rounded up).
std::size_t ciphertextWidth(int keyBits);
/// Ciphertexts of an update of `values` values under such a key (PaillierPacking's slots).
std::size_t ciphertextCount(std::size_t values, int keyBits);

/// Throws Error for a ciphertext longer than `width`.
std::vector<std::uint8_t> packCiphertexts(const std::vector<BigBytes>& ciphertexts,
                                          std::size_t width);
/// Throws Error when `bytes` is not whole ciphertexts of `width`.
std::vector<BigBytes> unpackCiphertexts(std::span<const std::uint8_t> bytes, std::size_t width);

}  // namespace distlab::engine
