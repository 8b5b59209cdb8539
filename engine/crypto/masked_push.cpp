#include "crypto/masked_push.h"

#include <openssl/evp.h>

#include <cmath>
#include <cstring>

#include "core/error.h"

namespace distlab::engine {
namespace {

std::uint32_t wordOf(float carrier) {
  std::uint32_t w;
  std::memcpy(&w, &carrier, sizeof w);
  return w;
}

float carrierOf(std::uint32_t word) {
  float f;
  std::memcpy(&f, &word, sizeof f);
  return f;
}

double fixedToDouble(std::uint32_t word) {
  return std::ldexp(static_cast<double>(static_cast<std::int32_t>(word)), -kMaskedFractionBits);
}

// The mask words of one pair and round: the AES-256-CTR keystream under the round's secret (the
// PRG of Bonawitz et al.), at memory speed where SHA-256 per 8 words would cost ~25 ms a push.
std::vector<std::uint32_t> roundMask(const Key32& secret, std::size_t n) {
  std::vector<std::uint32_t> words(n, 0u);
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  const unsigned char iv[16] = {};
  int length = 0;
  const bool ok =
      ctx && EVP_EncryptInit_ex(ctx, EVP_aes_256_ctr(), nullptr, secret.data(), iv) == 1 &&
      EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char*>(words.data()), &length,
                        reinterpret_cast<const unsigned char*>(words.data()),
                        static_cast<int>(n * sizeof(std::uint32_t))) == 1;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) throw Error("secure aggregation: AES-CTR failed");
  return words;
}

}  // namespace

Key32 roundSecret(const Key32& pairSecret, std::uint64_t round) {
  std::uint8_t block[40];
  std::memcpy(block, pairSecret.data(), 32);
  for (int b = 0; b < 8; ++b) block[32 + b] = static_cast<std::uint8_t>(round >> (8 * b));
  Key32 out;
  unsigned int length = 0;
  if (EVP_Digest(block, sizeof block, out.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw Error("secure aggregation: SHA-256 failed");
  }
  return out;
}

std::size_t maskPush(std::span<const float> values, double weight, int me,
                     std::span<const Key32> pairSecrets, std::uint64_t round,
                     std::span<float> carriers) {
  if (carriers.size() != values.size()) throw Error("secure aggregation: buffer size mismatch");
  const auto parties = static_cast<double>(pairSecrets.size());
  // Each party keeps within 1/parties of the range, so the sum of all of them fits.
  const double limit = std::ldexp(1.0, 31 - kMaskedFractionBits) / parties - 1.0;
  const double scale = std::ldexp(weight, kMaskedFractionBits);
  std::vector<std::uint32_t> words(values.size());
  std::size_t clamped = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    double v = static_cast<double>(values[i]) * weight;
    if (!(std::abs(v) <= limit)) {  // also catches NaN
      ++clamped;
      v = std::isnan(v) ? 0.0 : std::copysign(limit, v);
      words[i] = static_cast<std::uint32_t>(
          static_cast<std::int32_t>(std::nearbyint(std::ldexp(v, kMaskedFractionBits))));
      continue;
    }
    words[i] = static_cast<std::uint32_t>(
        static_cast<std::int32_t>(std::nearbyint(static_cast<double>(values[i]) * scale)));
  }
  for (int j = 0; j < static_cast<int>(pairSecrets.size()); ++j) {
    if (j == me) continue;
    const auto mask = roundMask(roundSecret(pairSecrets[static_cast<std::size_t>(j)], round),
                                words.size());
    for (std::size_t i = 0; i < words.size(); ++i) words[i] += j > me ? mask[i] : 0u - mask[i];
  }
  for (std::size_t i = 0; i < words.size(); ++i) carriers[i] = carrierOf(words[i]);
  return clamped;
}

void MaskedSum::add(std::span<const float> carriers) {
  if (carriers.size() != m_words.size()) throw Error("secure aggregation: push size mismatch");
  for (std::size_t i = 0; i < m_words.size(); ++i) m_words[i] += wordOf(carriers[i]);  // mod 2^32
}

void MaskedSum::mean(double totalWeight, std::span<float> out) const {
  if (!(totalWeight > 0)) throw Error("secure aggregation: a round with no weight");
  for (std::size_t i = 0; i < m_words.size(); ++i) {
    out[i] = static_cast<float>(fixedToDouble(m_words[i]) / totalWeight);
  }
}

void MaskedSum::reset() { std::fill(m_words.begin(), m_words.end(), 0u); }

void MaskedSum::cancelPairMask(const Key32& pairSecret, std::uint64_t round, int pusher,
                               int absent) {
  const auto mask = roundMask(roundSecret(pairSecret, round), m_words.size());
  const bool added = absent > pusher;
  for (std::size_t i = 0; i < m_words.size(); ++i) m_words[i] += added ? 0u - mask[i] : mask[i];
}

std::vector<float> decodeLonePush(std::span<const float> carriers, double weight) {
  std::vector<float> out(carriers.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<float>(fixedToDouble(wordOf(carriers[i])) / weight);
  }
  return out;
}

}  // namespace distlab::engine
