#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

// Shamir's t-of-n secret sharing (Shamir, 1979) over GF(2^8), byte by byte: every byte of the
// secret is the constant term of its own random polynomial of degree t - 1, and share x holds
// the polynomials' values at x. Any t shares give the secret back by Lagrange interpolation at
// 0; fewer give no information about it. Share points are 1..255, so at most 255 holders.

struct ShamirShare {
  std::uint8_t x = 0;              ///< the point, 1..255 (the holder's place + 1)
  std::vector<std::uint8_t> y;     ///< the polynomials' values there, one per secret byte
};

/// `count` shares of `secret`, any `threshold` of which recover it (2 <= threshold <= count
/// <= 255); the coefficients come from OpenSSL's RAND_bytes. Throws Error otherwise.
std::vector<ShamirShare> splitSecret(std::span<const std::uint8_t> secret, int threshold,
                                     int count);

/// The secret interpolated from `shares` (distinct non-zero points, equal lengths). With at
/// least the threshold's shares it is the secret; with fewer it is unrelated bytes, which is why
/// callers check counts first and verify what they recover. Throws Error on malformed shares.
std::vector<std::uint8_t> combineShares(std::span<const ShamirShare> shares);

/// GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1 (exposed for the tests).
std::uint8_t gfMultiply(std::uint8_t a, std::uint8_t b);
std::uint8_t gfInverse(std::uint8_t a);  ///< a != 0

}  // namespace distlab::engine
