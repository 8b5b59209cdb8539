#include "crypto/secagg/shamir.h"

#include <openssl/rand.h>

#include <array>
#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

struct GfTables {
  std::array<std::uint8_t, 512> exp{};  ///< doubled so exp[log a + log b] needs no reduction
  std::array<int, 256> log{};
  GfTables() {
    std::uint8_t v = 1;
    for (int i = 0; i < 255; ++i) {
      exp[static_cast<std::size_t>(i)] = exp[static_cast<std::size_t>(i + 255)] = v;
      log[v] = i;
      // v *= 3 (a generator of GF(2^8)*): v * 2 xor v, reduced by the AES polynomial
      const auto doubled = static_cast<std::uint8_t>((v << 1) ^ ((v & 0x80) ? 0x1b : 0));
      v = static_cast<std::uint8_t>(doubled ^ v);
    }
  }
};

const GfTables& tables() {
  static const GfTables t;
  return t;
}

}  // namespace

std::uint8_t gfMultiply(std::uint8_t a, std::uint8_t b) {
  if (a == 0 || b == 0) return 0;
  const auto& t = tables();
  return t.exp[static_cast<std::size_t>(t.log[a] + t.log[b])];
}

std::uint8_t gfInverse(std::uint8_t a) {
  if (a == 0) throw Error("GF(2^8): zero has no inverse");
  const auto& t = tables();
  return t.exp[static_cast<std::size_t>(255 - t.log[a])];
}

std::vector<ShamirShare> splitSecret(std::span<const std::uint8_t> secret, int threshold,
                                     int count) {
  if (threshold < 2 || threshold > count || count > 255) {
    throw Error("secret sharing: threshold " + std::to_string(threshold) + " of " +
                std::to_string(count) + " holders (allowed: 2 <= threshold <= holders <= 255)");
  }
  const auto degree = static_cast<std::size_t>(threshold - 1);
  // coefficients[b * degree + k]: the x^(k+1) coefficient of byte b's polynomial
  std::vector<std::uint8_t> coefficients(secret.size() * degree);
  if (!coefficients.empty() &&
      RAND_bytes(coefficients.data(), static_cast<int>(coefficients.size())) != 1) {
    throw Error("secret sharing: OpenSSL's RAND_bytes failed");
  }
  std::vector<ShamirShare> shares(static_cast<std::size_t>(count));
  for (int holder = 0; holder < count; ++holder) {
    auto& share = shares[static_cast<std::size_t>(holder)];
    share.x = static_cast<std::uint8_t>(holder + 1);
    share.y.resize(secret.size());
    for (std::size_t b = 0; b < secret.size(); ++b) {
      // Horner from the highest coefficient down to the secret byte
      std::uint8_t value = 0;
      for (std::size_t k = degree; k-- > 0;) {
        value = static_cast<std::uint8_t>(gfMultiply(value, share.x) ^ coefficients[b * degree + k]);
      }
      share.y[b] = static_cast<std::uint8_t>(gfMultiply(value, share.x) ^ secret[b]);
    }
  }
  return shares;
}

std::vector<std::uint8_t> combineShares(std::span<const ShamirShare> shares) {
  if (shares.empty()) throw Error("secret sharing: no shares to combine");
  const std::size_t length = shares.front().y.size();
  // Lagrange basis at 0: l_i = prod_{j != i} x_j / (x_j - x_i); minus is xor in GF(2^8).
  std::vector<std::uint8_t> basis(shares.size());
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const auto xi = shares[i].x;
    if (xi == 0 || shares[i].y.size() != length) {
      throw Error("secret sharing: a share has point 0 or a different length");
    }
    std::uint8_t numerator = 1, denominator = 1;
    for (std::size_t j = 0; j < shares.size(); ++j) {
      if (j == i) continue;
      const auto xj = shares[j].x;
      if (xj == xi) throw Error("secret sharing: two shares at the same point");
      numerator = gfMultiply(numerator, xj);
      denominator = gfMultiply(denominator, static_cast<std::uint8_t>(xj ^ xi));
    }
    basis[i] = gfMultiply(numerator, gfInverse(denominator));
  }
  std::vector<std::uint8_t> secret(length, 0);
  for (std::size_t i = 0; i < shares.size(); ++i) {
    for (std::size_t b = 0; b < length; ++b) secret[b] ^= gfMultiply(basis[i], shares[i].y[b]);
  }
  return secret;
}

}  // namespace distlab::engine
