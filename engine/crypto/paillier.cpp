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

namespace {

/// Decryption by the Chinese remainder theorem (Paillier 1999, section 7): m mod p and m mod q
/// from exponents of half the size mod p^2 and q^2, about 4x less work than c^lambda mod n^2.
struct CrtHalf {
  Bn prime, square, minusOne, h;  ///< h = L(g^(prime - 1) mod prime^2)^-1 mod prime
  Mont mont;                      ///< of square
};

// L(x) = (x - 1) / d.
void divideOff(BIGNUM* x, const BIGNUM* d, BN_CTX* ctx) {
  check(BN_sub_word(x, 1), "subtract");
  check(BN_div(x, nullptr, x, d, ctx), "divide");
}

// m mod prime from c: L(c^(prime - 1) mod prime^2) h mod prime.
Bn halfDecrypt(const BIGNUM* c, const CrtHalf& half, BN_CTX* ctx) {
  Bn x = fresh();
  check(BN_nnmod(x.get(), c, half.square.get(), ctx), "reduce");
  check(BN_mod_exp_mont(x.get(), x.get(), half.minusOne.get(), half.square.get(), ctx,
                        half.mont.get()),
        "raise c to p - 1");
  divideOff(x.get(), half.prime.get(), ctx);
  check(BN_mod_mul(x.get(), x.get(), half.h.get(), half.prime.get(), ctx), "multiply");
  return x;
}

}  // namespace

struct PaillierPrivateKey::Impl {
  Bn n, n2;
  BigBytes nBytes;
  CrtHalf p, q;
  Bn qInverse;  ///< q^-1 mod p
};

PaillierPrivateKey::PaillierPrivateKey(BigBytes pBytes, BigBytes qBytes) : m_impl(new Impl) {
  auto ctx = context();
  m_impl->n = fresh();
  m_impl->n2 = fresh();
  m_impl->p.prime = fromBytes(pBytes);
  m_impl->q.prime = fromBytes(qBytes);
  check(BN_mul(m_impl->n.get(), m_impl->p.prime.get(), m_impl->q.prime.get(), ctx.get()),
        "multiply p q");
  check(BN_sqr(m_impl->n2.get(), m_impl->n.get(), ctx.get()), "square n");
  // g = n + 1; for each prime, h = L(g^(prime - 1) mod prime^2)^-1 mod prime.
  Bn g = fresh();
  check(BN_copy(g.get(), m_impl->n.get()) != nullptr, "copy");
  check(BN_add_word(g.get(), 1), "add");
  for (CrtHalf* half : {&m_impl->p, &m_impl->q}) {
    half->square = fresh();
    half->minusOne = fresh();
    half->h = fresh();
    check(BN_sqr(half->square.get(), half->prime.get(), ctx.get()), "square a prime");
    check(BN_copy(half->minusOne.get(), half->prime.get()) != nullptr, "copy");
    check(BN_sub_word(half->minusOne.get(), 1), "subtract");
    half->mont.reset(BN_MONT_CTX_new());
    if (!half->mont) throw Error("paillier: out of memory");
    check(BN_MONT_CTX_set(half->mont.get(), half->square.get(), ctx.get()), "prepare p^2");
    check(BN_mod_exp_mont(half->h.get(), g.get(), half->minusOne.get(), half->square.get(),
                          ctx.get(), half->mont.get()),
          "raise g");
    divideOff(half->h.get(), half->prime.get(), ctx.get());
    if (!BN_mod_inverse(half->h.get(), half->h.get(), half->prime.get(), ctx.get())) {
      throw Error("paillier: p and q do not make a key (no inverse mod a prime)");
    }
  }
  m_impl->qInverse = fresh();
  if (!BN_mod_inverse(m_impl->qInverse.get(), m_impl->q.prime.get(), m_impl->p.prime.get(),
                      ctx.get())) {
    throw Error("paillier: p and q do not make a key (q has no inverse mod p)");
  }
  m_impl->nBytes = toBytes(m_impl->n.get());
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
  // m = mq + q ((mp - mq) q^-1 mod p): the Chinese remainder theorem on the two halves.
  const Bn mp = halfDecrypt(c.get(), m_impl->p, ctx.get());
  const Bn mq = halfDecrypt(c.get(), m_impl->q, ctx.get());
  Bn m = fresh();
  check(BN_mod_sub(m.get(), mp.get(), mq.get(), m_impl->p.prime.get(), ctx.get()), "subtract");
  check(BN_mod_mul(m.get(), m.get(), m_impl->qInverse.get(), m_impl->p.prime.get(), ctx.get()),
        "multiply");
  check(BN_mul(m.get(), m.get(), m_impl->q.prime.get(), ctx.get()), "multiply");
  check(BN_add(m.get(), m.get(), mq.get()), "add");
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
