#include "crypto/secagg/sealed_box.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr int kNonceBytes = 12, kTagBytes = 16;

struct CipherFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherFree>;

Key32 boxKey(const Key32& sharedSecret) {
  static constexpr char kLabel[] = "distlab secagg share box";
  std::vector<std::uint8_t> input(kLabel, kLabel + sizeof kLabel - 1);
  input.insert(input.end(), sharedSecret.begin(), sharedSecret.end());
  Key32 key{};
  unsigned int length = 0;
  if (EVP_Digest(input.data(), input.size(), key.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw Error("secure aggregation: SHA-256 failed");
  }
  return key;
}

}  // namespace

std::vector<std::uint8_t> sealBox(const Key32& sharedSecret, std::span<const std::uint8_t> context,
                                  std::span<const std::uint8_t> plaintext) {
  const Key32 key = boxKey(sharedSecret);
  std::vector<std::uint8_t> box(kNonceBytes + plaintext.size() + kTagBytes);
  if (RAND_bytes(box.data(), kNonceBytes) != 1) throw Error("secure aggregation: RAND_bytes failed");
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int length = 0;
  const bool ok =
      ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), box.data()) == 1 &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &length, context.data(),
                        static_cast<int>(context.size())) == 1 &&
      EVP_EncryptUpdate(ctx.get(), box.data() + kNonceBytes, &length, plaintext.data(),
                        static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(ctx.get(), box.data() + kNonceBytes + length, &length) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                          box.data() + kNonceBytes + plaintext.size()) == 1;
  if (!ok) throw Error("secure aggregation: AES-GCM encryption failed");
  return box;
}

std::vector<std::uint8_t> openBox(const Key32& sharedSecret, std::span<const std::uint8_t> context,
                                  std::span<const std::uint8_t> box) {
  if (box.size() < kNonceBytes + kTagBytes) {
    throw Error("secure aggregation: a sealed share of " + std::to_string(box.size()) +
                " bytes is too short; it fails authentication");
  }
  const Key32 key = boxKey(sharedSecret);
  const std::size_t size = box.size() - kNonceBytes - kTagBytes;
  std::vector<std::uint8_t> plaintext(size);
  std::array<std::uint8_t, kTagBytes> tag{};
  std::copy(box.end() - kTagBytes, box.end(), tag.begin());
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int length = 0;
  const bool ready =
      ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), box.data()) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &length, context.data(),
                        static_cast<int>(context.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), plaintext.data(), &length, box.data() + kNonceBytes,
                        static_cast<int>(size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1;
  if (!ready) throw Error("secure aggregation: AES-GCM decryption failed");
  if (EVP_DecryptFinal_ex(ctx.get(), plaintext.data() + length, &length) != 1) {
    throw Error("secure aggregation: a sealed share fails authentication (changed, misaddressed "
                "or under another key)");
  }
  return plaintext;
}

}  // namespace distlab::engine
