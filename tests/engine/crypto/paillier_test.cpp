// Paillier on OpenSSL's BIGNUM: the product of two ciphertexts decrypts to the sum of their
// plaintexts (checked against the sum computed directly), a packed update of floats sums over
// clients to the plain sum, and a foreign key or a tampered ciphertext is refused.
#include <gtest/gtest.h>

#include <openssl/bn.h>

#include <random>

#include "core/error.h"
#include "crypto/paillier.h"

namespace distlab::engine {
namespace {

// Keys of 512 bits: the same arithmetic as 2048, a hundred times faster to make.
const PaillierPrivateKey& testKey() {
  static const PaillierPrivateKey key = generatePaillierKey(512);
  return key;
}

BigBytes randomBelow(const BigBytes& n, std::mt19937_64& rng) {
  BigBytes m(n.size());
  for (auto& b : m) b = static_cast<std::uint8_t>(rng());
  m[0] = static_cast<std::uint8_t>(m[0] % std::max<int>(1, n[0]));  // below n's top byte
  const auto first = std::find_if(m.begin(), m.end(), [](std::uint8_t b) { return b; });
  return BigBytes(first, m.end());
}

// (a + b) mod n with OpenSSL directly: the independent computation.
BigBytes sumMod(const BigBytes& a, const BigBytes& b, const BigBytes& n) {
  BIGNUM *x = BN_bin2bn(a.data(), static_cast<int>(a.size()), nullptr),
         *y = BN_bin2bn(b.data(), static_cast<int>(b.size()), nullptr),
         *m = BN_bin2bn(n.data(), static_cast<int>(n.size()), nullptr), *r = BN_new();
  BN_CTX* ctx = BN_CTX_new();
  BN_mod_add(r, x, y, m, ctx);
  BigBytes out(static_cast<std::size_t>(BN_num_bytes(r)));
  BN_bn2bin(r, out.data());
  for (BIGNUM* v : {x, y, m, r}) BN_free(v);
  BN_CTX_free(ctx);
  return out;
}

TEST(PaillierTest, TheProductOfCiphertextsDecryptsToTheSumOfPlaintexts) {
  const auto& key = testKey();
  const PaillierPublicKey pub = key.publicKey();
  EXPECT_EQ(pub.bits(), 512);
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 20; ++trial) {
    const BigBytes a = randomBelow(pub.n(), rng), b = randomBelow(pub.n(), rng);
    const BigBytes ca = pub.encrypt(a), cb = pub.encrypt(b);
    EXPECT_EQ(key.decrypt(ca), a);
    EXPECT_NE(ca, pub.encrypt(a)) << "fresh randomness each time";
    EXPECT_EQ(key.decrypt(pub.add(ca, cb)), sumMod(a, b, pub.n())) << trial;
  }
  EXPECT_TRUE(key.decrypt(pub.encrypt({})).empty());  // zero
  EXPECT_THROW(pub.encrypt(pub.n()), Error);            // not below n
  EXPECT_THROW(generatePaillierKey(100), Error);
}

TEST(PaillierTest, PackedUpdatesOfFloatsSumOverClientsIncludingNegatives) {
  const auto& key = testKey();
  const PaillierPublicKey pub = key.publicKey();
  const PaillierPacking packing;  // 20 fractional bits, 40-bit values, 64-bit slots
  EXPECT_EQ(packing.slots(512), 7);
  std::mt19937 rng(5);
  std::normal_distribution<float> normal(0.0f, 3.0f);
  const int clients = 5;
  const std::size_t count = 45;  // six full ciphertexts and a partial one
  std::vector<double> expected(count, 0.0);
  std::vector<BigBytes> sum;
  for (int c = 0; c < clients; ++c) {
    std::vector<float> update(count);
    for (auto& v : update) v = normal(rng);
    update[0] = -1000.25f;
    for (std::size_t i = 0; i < count; ++i) expected[i] += update[i];
    std::size_t clamped = 99;
    const auto encrypted = encryptUpdate(pub, update, packing, &clamped);
    EXPECT_EQ(encrypted.size(), 7u);
    EXPECT_EQ(clamped, 0u);
    addEncryptedUpdate(pub, sum, encrypted);
  }
  const auto got = decryptSum(key, sum, count, clients, packing);
  ASSERT_EQ(got.size(), count);
  for (std::size_t i = 0; i < count; ++i) {
    EXPECT_NEAR(got[i], expected[i], clients * std::ldexp(1.0, -21) + 1e-9) << i;
  }
  EXPECT_DOUBLE_EQ(got[0], -5001.25);
  // Out of range: clamped and counted.
  std::size_t clamped = 0;
  encryptUpdate(pub, std::vector<float>{1e7f, -1e7f, 0.5f}, packing, &clamped);
  EXPECT_EQ(clamped, 2u);
}

TEST(PaillierTest, AnotherKeyOrATamperedCiphertextIsRefusedClearly) {
  const auto& key = testKey();
  const PaillierPublicKey pub = key.publicKey();
  const PaillierPacking packing;
  const std::vector<float> update(20, 0.5f);
  const auto encrypted = encryptUpdate(pub, update, packing);
  const PaillierPrivateKey other = generatePaillierKey(512);
  // Another key's n is a different modulus: the ciphertexts are garbage (or out of range) there.
  EXPECT_THROW(decryptSum(other, encrypted, update.size(), 1, packing), Error);
  auto tampered = encrypted;
  tampered[1].back() ^= 0x5a;
  EXPECT_THROW(decryptSum(key, tampered, update.size(), 1, packing), Error);
  EXPECT_THROW(decryptSum(key, encrypted, update.size() + 30, 1, packing), Error);  // count
  const auto fine = decryptSum(key, encrypted, update.size(), 1, packing);
  EXPECT_EQ(fine, std::vector<double>(20, 0.5));
}

}  // namespace
}  // namespace distlab::engine
