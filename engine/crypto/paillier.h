#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace distlab::engine {

// Paillier's cryptosystem (Paillier, 1999): additively homomorphic public-key encryption on
// OpenSSL's BIGNUM. With the public key anyone encrypts; multiplying two ciphertexts mod n^2
// adds their plaintexts mod n; only the private key decrypts. Clients encrypt their updates, the
// server multiplies the ciphertexts without learning any of them, a key holder decrypts the sum.
// g = n + 1, so E(m) = (1 + m n) r^n mod n^2, and decryption uses lambda = lcm(p - 1, q - 1).

/// A plaintext or ciphertext: a non-negative integer, big-endian bytes without leading zeros.
using BigBytes = std::vector<std::uint8_t>;

class PaillierPublicKey {
 public:
  explicit PaillierPublicKey(BigBytes n);
  ~PaillierPublicKey();
  PaillierPublicKey(PaillierPublicKey&&) noexcept;
  PaillierPublicKey& operator=(PaillierPublicKey&&) noexcept;

  int bits() const;              ///< of n
  const BigBytes& n() const { return m_n; }
  /// E(m) for 0 <= m < n with fresh randomness r (OpenSSL's generator); throws Error.
  BigBytes encrypt(const BigBytes& m) const;
  /// E(a + b mod n) from E(a) and E(b): their product mod n^2.
  BigBytes add(const BigBytes& a, const BigBytes& b) const;

 private:
  struct Impl;
  BigBytes m_n;
  std::unique_ptr<Impl> m_impl;
};

class PaillierPrivateKey {
 public:
  PaillierPrivateKey(BigBytes p, BigBytes q);
  ~PaillierPrivateKey();
  PaillierPrivateKey(PaillierPrivateKey&&) noexcept;
  PaillierPrivateKey& operator=(PaillierPrivateKey&&) noexcept;

  PaillierPublicKey publicKey() const;
  /// m from E(m); throws Error when c is not a ciphertext under this key's modulus.
  BigBytes decrypt(const BigBytes& c) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// A fresh key whose n has `bits` bits (two primes of bits / 2; 2048 by default in the lab);
/// throws Error for fewer than 256 bits or when libcrypto fails.
PaillierPrivateKey generatePaillierKey(int bits);

/// How an update's floats become plaintexts: each value in fixed point with fractionBits
/// fractional bits, offset to be non-negative within valueBits bits, in a slot of slotBits bits;
/// as many slots a plaintext as fit below n. The slot's spare bits hold the carries of summing
/// up to 2^(slotBits - valueBits) clients.
struct PaillierPacking {
  int fractionBits = 20;
  int valueBits = 40;  ///< values within +-2^(valueBits - 1 - fractionBits)
  int slotBits = 64;
  /// Slots a plaintext of a key with n of `keyBits` bits holds.
  int slots(int keyBits) const { return (keyBits - 1) / slotBits; }
};

/// A client's encrypted update: ceil(values / slots) ciphertexts. Values beyond the packing's
/// range are clamped (counted in *clamped when given).
std::vector<BigBytes> encryptUpdate(const PaillierPublicKey& key, std::span<const float> values,
                                    const PaillierPacking& packing,
                                    std::size_t* clamped = nullptr);

/// The server's running sum: adds one client's encrypted update into `sum` (empty: a copy).
void addEncryptedUpdate(const PaillierPublicKey& key, std::vector<BigBytes>& sum,
                        const std::vector<BigBytes>& update);

/// The sum of `clients` updates of `count` values from their encrypted sum. Throws Error when a
/// slot holds more than `clients` values can add up to: the wrong key, a tampered ciphertext, or
/// more clients than the packing's spare bits allow.
std::vector<double> decryptSum(const PaillierPrivateKey& key, const std::vector<BigBytes>& sum,
                               std::size_t count, int clients, const PaillierPacking& packing);

}  // namespace distlab::engine
