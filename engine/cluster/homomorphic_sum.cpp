#include "cluster/homomorphic_sum.h"

#include <algorithm>
#include <string>

#include "core/error.h"
#include "crypto/paillier_wire.h"

namespace distlab::engine {

void HomomorphicSum::setKey(const PaillierKey& key) {
  PaillierPublicKey candidate(key.n);
  if (candidate.bits() < 256) {
    throw Error("homomorphic aggregation: a Paillier key of " + std::to_string(candidate.bits()) +
                " bits");
  }
  m_key.emplace(std::move(candidate));
}

void HomomorphicSum::add(std::span<const std::uint8_t> packed) {
  if (!m_key) throw Error("homomorphic aggregation: an encrypted push before the key");
  const int bits = m_key->bits();
  const auto update = unpackCiphertexts(packed, ciphertextWidth(bits));
  if (update.size() != ciphertextCount(m_values, bits)) {
    throw Error("homomorphic aggregation: " + std::to_string(update.size()) +
                " ciphertexts for " + std::to_string(m_values) + " values");
  }
  addEncryptedUpdate(*m_key, m_sum, update);
}

std::optional<Encrypted> HomomorphicSum::request(std::uint64_t round, int summands) {
  if (m_requested) return std::nullopt;
  m_requested = true;
  m_round = round;
  const auto width = ciphertextWidth(m_key->bits());
  return Encrypted{round, static_cast<std::uint32_t>(summands),
                   static_cast<std::uint32_t>(m_values), static_cast<std::uint32_t>(width),
                   packCiphertexts(m_sum, width)};
}

bool HomomorphicSum::accept(Decrypted&& decrypted) {
  if (!awaiting() || decrypted.round != m_round || decrypted.values.size() != m_values) {
    return false;
  }
  m_decrypted = std::move(decrypted.values);
  return true;
}

bool HomomorphicSum::take(std::uint64_t round, std::span<float> out) {
  if (!m_decrypted || m_round != round) return false;
  std::copy(m_decrypted->begin(), m_decrypted->end(), out.begin());
  m_decrypted.reset();
  m_sum.clear();
  m_requested = false;
  return true;
}

}  // namespace distlab::engine
