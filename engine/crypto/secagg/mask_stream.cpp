#include "crypto/secagg/mask_stream.h"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <vector>

#include "core/error.h"

namespace distlab::engine {
namespace {

struct CipherFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

}  // namespace

void applyMaskStream(const Key32& seed, std::string_view label, int sign,
                     std::span<std::uint64_t> words) {
  std::vector<std::uint8_t> input(label.begin(), label.end());
  input.insert(input.end(), seed.begin(), seed.end());
  Key32 key{};
  unsigned int keyLength = 0;
  if (EVP_Digest(input.data(), input.size(), key.data(), &keyLength, EVP_sha256(), nullptr) != 1) {
    throw Error("secure aggregation: SHA-256 failed");
  }
  std::unique_ptr<EVP_CIPHER_CTX, CipherFree> ctx(EVP_CIPHER_CTX_new());
  const std::array<std::uint8_t, 16> iv{};  // a key is used for one stream only
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_ctr(), nullptr, key.data(), iv.data()) != 1) {
    throw Error("secure aggregation: AES-CTR set-up failed");
  }
  // The keystream is AES-CTR of zeros, made a block of words at a time.
  constexpr std::size_t kChunk = 4096;
  static thread_local std::vector<std::uint64_t> zeros(kChunk, 0), stream(kChunk);
  for (std::size_t at = 0; at < words.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, words.size() - at);
    int length = 0;
    if (EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(stream.data()), &length,
                          reinterpret_cast<const unsigned char*>(zeros.data()),
                          static_cast<int>(n * sizeof(std::uint64_t))) != 1) {
      throw Error("secure aggregation: AES-CTR failed");
    }
    if (sign > 0) {
      for (std::size_t i = 0; i < n; ++i) words[at + i] += stream[i];
    } else {
      for (std::size_t i = 0; i < n; ++i) words[at + i] -= stream[i];
    }
  }
}

}  // namespace distlab::engine
