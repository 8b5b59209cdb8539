#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

// Secure aggregation with pairwise masks (Bonawitz et al., 2017, without the dropout recovery):
// every pair of clients agrees on a secret by X25519 key exchange (OpenSSL's libcrypto); each
// client adds, in 32-bit fixed point, the pseudo-random masks it shares with the clients after
// it and subtracts those it shares with the clients before it. The server sees only masked
// updates, which look like noise; in their sum every mask meets its negative, so the sum is
// exact (mod 2^32) and the server learns the aggregate and nothing else.

using Key32 = std::array<std::uint8_t, 32>;

struct KeyPair {
  Key32 publicKey{}, privateKey{};
};

/// A fresh X25519 key pair; throws Error if libcrypto fails.
KeyPair generateKeyPair();
/// The pair whose private key is `privateKey` (its public key derived), e.g. one rebuilt from
/// shares.
KeyPair keyPairFromPrivate(const Key32& privateKey);
/// The X25519 shared secret of my private key and their public key (the same on both sides).
Key32 sharedSecret(const KeyPair& mine, const Key32& theirPublic);

/// round(value x 2^fractionBits) as a two's-complement 32-bit integer (values must lie within
/// +-2^(31 - fractionBits)).
std::vector<std::uint32_t> encodeFixedPoint(std::span<const double> values, int fractionBits);
std::vector<double> decodeFixedPoint(std::span<const std::uint32_t> values, int fractionBits);

/// n pseudo-random 32-bit words from a secret: SHA-256(secret | counter), counter = 0, 1, ...
std::vector<std::uint32_t> expandMask(const Key32& secret, std::size_t n);

/// Client `me`'s masked update: encode(update) + sum_{j > me} mask(s_me,j) - sum_{j < me}
/// mask(s_j,me), mod 2^32. secrets[j] is the secret shared with client j (secrets[me] unused).
std::vector<std::uint32_t> maskUpdate(std::span<const double> update, int me,
                                      std::span<const Key32> secrets, int fractionBits);

/// The server's sum of masked updates, mod 2^32 (decode it for the aggregate).
std::vector<std::uint32_t> sumMasked(const std::vector<std::vector<std::uint32_t>>& masked);

}  // namespace distlab::engine
