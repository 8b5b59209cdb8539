#include "crypto/paillier.h"

#include <openssl/bn.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

struct BnFree {
  void operator()(BIGNUM* b) const { BN_clear_free(b); }
  void operator()(BN_CTX* c) const { BN_CTX_free(c); }
  void operator()(BN_MONT_CTX* m) const { BN_MONT_CTX_free(m); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
using Ctx = std::unique_ptr<BN_CTX, BnFree>;
using Mont = std::unique_ptr<BN_MONT_CTX, BnFree>;

void check(int ok, const char* what) {
  if (!ok) throw Error(std::string("paillier: libcrypto failed to ") + what);
}

Bn fresh() {
  Bn b(BN_new());
  if (!b) throw Error("paillier: out of memory");
  return b;
}

Bn fromBytes(const BigBytes& bytes) {
  Bn b(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
  if (!b) throw Error("paillier: out of memory");
  return b;
}

BigBytes toBytes(const BIGNUM* b) {
  BigBytes out(static_cast<std::size_t>(BN_num_bytes(b)));
  BN_bn2bin(b, out.data());
  return out;
}

Ctx context() {
  Ctx c(BN_CTX_new());
  if (!c) throw Error("paillier: out of memory");
  return c;
}

}  // namespace

struct PaillierPublicKey::Impl {
  Bn n, n2;
  Mont mont;  ///< Montgomery form of n^2: every exponentiation is mod n^2
};

PaillierPublicKey::PaillierPublicKey(BigBytes n) : m_n(std::move(n)), m_impl(new Impl) {
  auto ctx = context();
  m_impl->n = fromBytes(m_n);
  m_impl->n2 = fresh();
  check(BN_sqr(m_impl->n2.get(), m_impl->n.get(), ctx.get()), "square n");
  m_impl->mont.reset(BN_MONT_CTX_new());
  if (!m_impl->mont) throw Error("paillier: out of memory");
  check(BN_MONT_CTX_set(m_impl->mont.get(), m_impl->n2.get(), ctx.get()), "prepare n^2");
}

PaillierPublicKey::~PaillierPublicKey() = default;
PaillierPublicKey::PaillierPublicKey(PaillierPublicKey&&) noexcept = default;
PaillierPublicKey& PaillierPublicKey::operator=(PaillierPublicKey&&) noexcept = default;

int PaillierPublicKey::bits() const { return BN_num_bits(m_impl->n.get()); }

BigBytes PaillierPublicKey::encrypt(const BigBytes& plain) const {
  auto ctx = context();
  const Bn m = fromBytes(plain);
  if (BN_cmp(m.get(), m_impl->n.get()) >= 0) throw Error("paillier: the plaintext is not below n");
  // r uniform in [1, n); gcd(r, n) != 1 would factor n, so it never happens in practice.
  Bn r = fresh(), rn = fresh(), c = fresh();
  do {
    check(BN_rand_range(r.get(), m_impl->n.get()), "draw r");
  } while (BN_is_zero(r.get()));
  check(BN_mod_exp_mont(rn.get(), r.get(), m_impl->n.get(), m_impl->n2.get(), ctx.get(),
                        m_impl->mont.get()),
        "raise r to n");
  // (1 + m n) mod n^2: g^m for g = n + 1, without an exponentiation.
  check(BN_mul(c.get(), m.get(), m_impl->n.get(), ctx.get()), "multiply");
  check(BN_add_word(c.get(), 1), "add");
  check(BN_mod_mul(c.get(), c.get(), rn.get(), m_impl->n2.get(), ctx.get()), "multiply");
  return toBytes(c.get());
}

BigBytes PaillierPublicKey::add(const BigBytes& a, const BigBytes& b) const {
  auto ctx = context();
  const Bn x = fromBytes(a), y = fromBytes(b);
  Bn c = fresh();
  check(BN_mod_mul(c.get(), x.get(), y.get(), m_impl->n2.get(), ctx.get()), "multiply");
  return toBytes(c.get());
}

struct PaillierPrivateKey::Impl {
  Bn n, n2, lambda, mu;
  BigBytes nBytes;
  Mont mont;
};

PaillierPrivateKey::PaillierPrivateKey(BigBytes pBytes, BigBytes qBytes) : m_impl(new Impl) {
  auto ctx = context();
  const Bn p = fromBytes(pBytes), q = fromBytes(qBytes);
  Bn p1 = fresh(), q1 = fresh(), product = fresh(), gcd = fresh();
  m_impl->n = fresh();
  m_impl->n2 = fresh();
  m_impl->lambda = fresh();
  m_impl->mu = fresh();
  check(BN_mul(m_impl->n.get(), p.get(), q.get(), ctx.get()), "multiply p q");
  check(BN_sqr(m_impl->n2.get(), m_impl->n.get(), ctx.get()), "square n");
  // lambda = lcm(p - 1, q - 1) = (p - 1)(q - 1) / gcd; with g = n + 1, mu = lambda^-1 mod n.
  check(BN_sub(p1.get(), p.get(), BN_value_one()), "p - 1");
  check(BN_sub(q1.get(), q.get(), BN_value_one()), "q - 1");
  check(BN_mul(product.get(), p1.get(), q1.get(), ctx.get()), "multiply");
  check(BN_gcd(gcd.get(), p1.get(), q1.get(), ctx.get()), "gcd");
  check(BN_div(m_impl->lambda.get(), nullptr, product.get(), gcd.get(), ctx.get()), "divide");
  if (!BN_mod_inverse(m_impl->mu.get(), m_impl->lambda.get(), m_impl->n.get(), ctx.get())) {
    throw Error("paillier: p and q do not make a key (lambda has no inverse mod n)");
  }
  m_impl->nBytes = toBytes(m_impl->n.get());
  m_impl->mont.reset(BN_MONT_CTX_new());
  if (!m_impl->mont) throw Error("paillier: out of memory");
  check(BN_MONT_CTX_set(m_impl->mont.get(), m_impl->n2.get(), ctx.get()), "prepare n^2");
}

PaillierPrivateKey::~PaillierPrivateKey() = default;
PaillierPrivateKey::PaillierPrivateKey(PaillierPrivateKey&&) noexcept = default;
PaillierPrivateKey& PaillierPrivateKey::operator=(PaillierPrivateKey&&) noexcept = default;

PaillierPublicKey PaillierPrivateKey::publicKey() const { return PaillierPublicKey(m_impl->nBytes); }

BigBytes PaillierPrivateKey::decrypt(const BigBytes& cipher) const {
  auto ctx = context();
  const Bn c = fromBytes(cipher);
  if (BN_is_zero(c.get()) || BN_cmp(c.get(), m_impl->n2.get()) >= 0) {
    throw Error("paillier: not a ciphertext of this key (it must lie in (0, n^2))");
  }
  // m = L(c^lambda mod n^2) mu mod n, L(x) = (x - 1) / n.
  Bn x = fresh(), m = fresh();
  check(BN_mod_exp_mont(x.get(), c.get(), m_impl->lambda.get(), m_impl->n2.get(), ctx.get(),
                        m_impl->mont.get()),
        "raise c to lambda");
  check(BN_sub_word(x.get(), 1), "subtract");
  check(BN_div(x.get(), nullptr, x.get(), m_impl->n.get(), ctx.get()), "divide");
  check(BN_mod_mul(m.get(), x.get(), m_impl->mu.get(), m_impl->n.get(), ctx.get()), "multiply");
  return toBytes(m.get());
}

PaillierPrivateKey generatePaillierKey(int bits) {
  if (bits < 256 || bits % 2 != 0) {
    throw Error("paillier: a key of " + std::to_string(bits) +
                " bits; allowed: an even number, at least 256");
  }
  auto ctx = context();
  for (;;) {
    Bn p = fresh(), q = fresh(), n = fresh();
    check(BN_generate_prime_ex(p.get(), bits / 2, 0, nullptr, nullptr, nullptr), "make a prime");
    check(BN_generate_prime_ex(q.get(), bits / 2, 0, nullptr, nullptr, nullptr), "make a prime");
    check(BN_mul(n.get(), p.get(), q.get(), ctx.get()), "multiply");
    // OpenSSL's primes have their top two bits set, so n has exactly `bits` bits.
    if (BN_cmp(p.get(), q.get()) != 0 && BN_num_bits(n.get()) == bits) {
      return PaillierPrivateKey(toBytes(p.get()), toBytes(q.get()));
    }
  }
}

// ---- packing ----------------------------------------------------------------------------

namespace {

void checkPacking(const PaillierPacking& p, int keyBits) {
  if (p.slotBits % 8 != 0 || p.slotBits > 64 || p.valueBits >= p.slotBits ||
      p.fractionBits >= p.valueBits || p.slots(keyBits) < 1) {
    throw Error("paillier: slots of " + std::to_string(p.slotBits) + " bits for values of " +
                std::to_string(p.valueBits) + " bits do not fit a key of " +
                std::to_string(keyBits) + " bits");
  }
}

}  // namespace

std::vector<BigBytes> encryptUpdate(const PaillierPublicKey& key, std::span<const float> values,
                                    const PaillierPacking& packing, std::size_t* clamped) {
  checkPacking(packing, key.bits());
  const auto slots = static_cast<std::size_t>(packing.slots(key.bits()));
  const std::size_t slotBytes = static_cast<std::size_t>(packing.slotBits / 8);
  const double scale = std::ldexp(1.0, packing.fractionBits);
  const auto offset = std::int64_t{1} << (packing.valueBits - 1);
  const auto top = (std::int64_t{1} << packing.valueBits) - 1;
  std::vector<BigBytes> out;
  std::size_t clamps = 0;
  for (std::size_t begin = 0; begin < values.size(); begin += slots) {
    const std::size_t end = std::min(values.size(), begin + slots);
    // Big-endian: the last slot's bytes first, slot 0 in the lowest bits.
    BigBytes plain((end - begin) * slotBytes, 0);
    for (std::size_t i = begin; i < end; ++i) {
      const double v = std::isfinite(values[i]) ? values[i] * scale : 0.0;
      std::int64_t u = static_cast<std::int64_t>(std::llround(std::clamp(v, -9e18, 9e18))) + offset;
      if (u < 0 || u > top) {
        ++clamps;
        u = std::clamp<std::int64_t>(u, 0, top);
      }
      const std::size_t last = plain.size() - 1 - (i - begin) * slotBytes;
      for (std::size_t b = 0; b < slotBytes; ++b) {
        plain[last - b] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(u) >> (8 * b));
      }
    }
    const auto first = std::find_if(plain.begin(), plain.end(), [](std::uint8_t b) { return b; });
    out.push_back(key.encrypt(BigBytes(first, plain.end())));
  }
  if (clamped) *clamped = clamps;
  return out;
}

void addEncryptedUpdate(const PaillierPublicKey& key, std::vector<BigBytes>& sum,
                        const std::vector<BigBytes>& update) {
  if (sum.empty()) {
    sum = update;
    return;
  }
  if (sum.size() != update.size()) {
    throw Error("paillier: an update of " + std::to_string(update.size()) +
                " ciphertexts added to a sum of " + std::to_string(sum.size()));
  }
  for (std::size_t i = 0; i < sum.size(); ++i) sum[i] = key.add(sum[i], update[i]);
}

std::vector<double> decryptSum(const PaillierPrivateKey& key, const std::vector<BigBytes>& sum,
                               std::size_t count, int clients, const PaillierPacking& packing) {
  const PaillierPublicKey pub = key.publicKey();
  checkPacking(packing, pub.bits());
  const auto slots = static_cast<std::size_t>(packing.slots(pub.bits()));
  const std::size_t slotBytes = static_cast<std::size_t>(packing.slotBits / 8);
  if (sum.size() != (count + slots - 1) / slots) {
    throw Error("paillier: " + std::to_string(sum.size()) + " ciphertexts for " +
                std::to_string(count) + " values");
  }
  const double scale = std::ldexp(1.0, -packing.fractionBits);
  const auto offset = static_cast<std::uint64_t>(clients) << (packing.valueBits - 1);
  const auto largest = static_cast<std::uint64_t>(clients) * ((std::uint64_t{1} << packing.valueBits) - 1);
  std::vector<double> out;
  out.reserve(count);
  for (std::size_t c = 0; c < sum.size(); ++c) {
    const std::size_t here = std::min(slots, count - c * slots);
    const BigBytes plain = key.decrypt(sum[c]);
    if (plain.size() > here * slotBytes) {
      throw Error("paillier: the sum decrypts to more than its slots (wrong key or tampered)");
    }
    for (std::size_t s = 0; s < here; ++s) {
      std::uint64_t total = 0;
      for (std::size_t b = 0; b < slotBytes; ++b) {
        const std::size_t fromEnd = s * slotBytes + b;  // byte b of slot s, counted from the end
        if (fromEnd < plain.size()) {
          total |= static_cast<std::uint64_t>(plain[plain.size() - 1 - fromEnd]) << (8 * b);
        }
      }
      if (total > largest) {
        throw Error("paillier: a slot holds more than " + std::to_string(clients) +
                    " values can add up to (wrong key, tampered, or too many clients)");
      }
      out.push_back(static_cast<double>(static_cast<std::int64_t>(total - offset)) * scale);
    }
  }
  return out;
}

}  // namespace distlab::engine
