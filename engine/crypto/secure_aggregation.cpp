#include "crypto/secure_aggregation.h"

#include <openssl/evp.h>

#include <cmath>
#include <memory>

#include "core/error.h"

namespace distlab::engine {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct CtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;

}  // namespace

KeyPair generateKeyPair() {
  PkeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 || EVP_PKEY_keygen(ctx.get(), &raw) <= 0) {
    throw Error("secure aggregation: X25519 key generation failed");
  }
  Pkey key(raw);
  KeyPair pair;
  std::size_t length = 32;
  if (EVP_PKEY_get_raw_public_key(key.get(), pair.publicKey.data(), &length) <= 0 || length != 32) {
    throw Error("secure aggregation: cannot read the public key");
  }
  length = 32;
  if (EVP_PKEY_get_raw_private_key(key.get(), pair.privateKey.data(), &length) <= 0 || length != 32) {
    throw Error("secure aggregation: cannot read the private key");
  }
  return pair;
}

KeyPair keyPairFromPrivate(const Key32& privateKey) {
  Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(), 32));
  KeyPair pair;
  pair.privateKey = privateKey;
  std::size_t length = 32;
  if (!key || EVP_PKEY_get_raw_public_key(key.get(), pair.publicKey.data(), &length) <= 0 ||
      length != 32) {
    throw Error("secure aggregation: cannot derive an X25519 public key");
  }
  return pair;
}

Key32 sharedSecret(const KeyPair& mine, const Key32& theirPublic) {
  Pkey priv(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, mine.privateKey.data(), 32));
  Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, theirPublic.data(), 32));
  if (!priv || !peer) throw Error("secure aggregation: bad X25519 key");
  PkeyCtx ctx(EVP_PKEY_CTX_new(priv.get(), nullptr));
  Key32 secret{};
  std::size_t length = secret.size();
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) <= 0 ||
      EVP_PKEY_derive(ctx.get(), secret.data(), &length) <= 0 || length != 32) {
    throw Error("secure aggregation: X25519 key agreement failed");
  }
  return secret;
}

std::vector<std::uint32_t> encodeFixedPoint(std::span<const double> values, int fractionBits) {
  std::vector<std::uint32_t> out(values.size());
  const double scale = std::ldexp(1.0, fractionBits), limit = std::ldexp(1.0, 31);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = std::nearbyint(values[i] * scale);
    if (!(std::abs(v) < limit)) {
      throw Error("secure aggregation: " + std::to_string(values[i]) +
                  " does not fit the fixed-point range");
    }
    out[i] = static_cast<std::uint32_t>(static_cast<std::int32_t>(v));
  }
  return out;
}

std::vector<double> decodeFixedPoint(std::span<const std::uint32_t> values, int fractionBits) {
  std::vector<double> out(values.size());
  const double scale = std::ldexp(1.0, -fractionBits);
  for (std::size_t i = 0; i < values.size(); ++i) {
    out[i] = static_cast<double>(static_cast<std::int32_t>(values[i])) * scale;
  }
  return out;
}

std::vector<std::uint32_t> expandMask(const Key32& secret, std::size_t n) {
  std::vector<std::uint32_t> out;
  out.reserve(n + 8);
  std::uint8_t block[40];
  std::copy(secret.begin(), secret.end(), block);
  unsigned char digest[32];
  for (std::uint64_t counter = 0; out.size() < n; ++counter) {
    for (int b = 0; b < 8; ++b) block[32 + b] = static_cast<std::uint8_t>(counter >> (8 * b));
    unsigned int length = 0;
    if (EVP_Digest(block, sizeof block, digest, &length, EVP_sha256(), nullptr) != 1) {
      throw Error("secure aggregation: SHA-256 failed");
    }
    for (int w = 0; w < 8; ++w) {
      out.push_back(static_cast<std::uint32_t>(digest[4 * w]) |
                    (static_cast<std::uint32_t>(digest[4 * w + 1]) << 8) |
                    (static_cast<std::uint32_t>(digest[4 * w + 2]) << 16) |
                    (static_cast<std::uint32_t>(digest[4 * w + 3]) << 24));
    }
  }
  out.resize(n);
  return out;
}

std::vector<std::uint32_t> maskUpdate(std::span<const double> update, int me,
                                      std::span<const Key32> secrets, int fractionBits) {
  std::vector<std::uint32_t> out = encodeFixedPoint(update, fractionBits);
  for (int j = 0; j < static_cast<int>(secrets.size()); ++j) {
    if (j == me) continue;
    const auto mask = expandMask(secrets[static_cast<std::size_t>(j)], out.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] += j > me ? mask[i] : 0u - mask[i];
  }
  return out;
}

std::vector<std::uint32_t> sumMasked(const std::vector<std::vector<std::uint32_t>>& masked) {
  if (masked.empty()) return {};
  std::vector<std::uint32_t> sum(masked.front().size(), 0);
  for (const auto& m : masked) {
    if (m.size() != sum.size()) throw Error("secure aggregation: updates differ in size");
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += m[i];  // wraps mod 2^32
  }
  return sum;
}

}  // namespace distlab::engine
