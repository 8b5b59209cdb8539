#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/secure_aggregation.h"

namespace distlab::engine {

// Authenticated encryption of the secret shares secure aggregation sends through the server
// (AES-256-GCM in OpenSSL's libcrypto): the key is SHA-256 of a label and the two clients'
// X25519 secret, the associated data names the round, sender and receiver, so the server can
// neither read a share nor change, swap or replay one without the receiver noticing.

/// 12-byte random nonce | ciphertext | 16-byte tag.
std::vector<std::uint8_t> sealBox(const Key32& sharedSecret, std::span<const std::uint8_t> context,
                                  std::span<const std::uint8_t> plaintext);

/// The plaintext, or Error "... fails authentication" when the box, its context or the key is
/// not the one it was sealed with.
std::vector<std::uint8_t> openBox(const Key32& sharedSecret, std::span<const std::uint8_t> context,
                                  std::span<const std::uint8_t> box);

}  // namespace distlab::engine
