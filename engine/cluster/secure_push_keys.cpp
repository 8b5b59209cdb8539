#include "cluster/secure_push_keys.h"

#include <string>

#include "core/error.h"
#include "crypto/secagg/sealed_box.h"
#include "crypto/secagg/shamir.h"

namespace distlab::engine {

std::vector<std::uint8_t> maskShareContext(int from, int to) {
  const std::string label = "distlab ps mask-key share " + std::to_string(from) + ">" +
                            std::to_string(to);
  return {label.begin(), label.end()};
}

SecurePushKeys::SecurePushKeys(int rank, int workers)
    : m_rank(rank),
      m_workers(workers),
      m_encryption(generateKeyPair()),
      m_mask(generateKeyPair()) {}

Keys SecurePushKeys::advertised() const { return Keys{{m_encryption.publicKey, m_mask.publicKey}}; }

KeyShares SecurePushKeys::learnKeys(const Keys& all, int threshold) {
  const auto n = static_cast<std::size_t>(m_workers);
  if (all.publicKeys.size() != 2 * n) {
    throw Error("secure aggregation: " + std::to_string(all.publicKeys.size()) +
                " public keys for " + std::to_string(n) + " workers (two each)");
  }
  m_boxSecrets.assign(n, Key32{});
  m_maskSecrets.assign(n, Key32{});
  for (std::size_t j = 0; j < n; ++j) {
    if (static_cast<int>(j) == m_rank) continue;
    m_boxSecrets[j] = sharedSecret(m_encryption, all.publicKeys[2 * j]);
    m_maskSecrets[j] = sharedSecret(m_mask, all.publicKeys[2 * j + 1]);
  }
  const auto shares = splitSecret(m_mask.privateKey, threshold, m_workers);
  KeyShares out;
  out.boxes.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    if (static_cast<int>(j) == m_rank) continue;
    out.boxes[j] = sealBox(m_boxSecrets[j], maskShareContext(m_rank, static_cast<int>(j)),
                           shares[j].y);
  }
  // Our own share is never revealed: the server rebuilds only the keys of workers that are gone.
  return out;
}

void SecurePushKeys::holdShares(const KeyShares& mine) {
  const auto n = static_cast<std::size_t>(m_workers);
  if (mine.boxes.size() != n || m_boxSecrets.size() != n) {
    throw Error("secure aggregation: " + std::to_string(mine.boxes.size()) +
                " shares for " + std::to_string(n) + " workers, or shares before the keys");
  }
  m_held.assign(n, {});
  for (std::size_t i = 0; i < n; ++i) {
    if (static_cast<int>(i) == m_rank) continue;
    m_held[i] = openBox(m_boxSecrets[i], maskShareContext(static_cast<int>(i), m_rank),
                        mine.boxes[i]);
  }
}

std::optional<Reveal> SecurePushKeys::reveal(std::uint32_t owner) const {
  if (owner >= m_held.size() || static_cast<int>(owner) == m_rank || m_held[owner].empty()) {
    return std::nullopt;
  }
  return Reveal{owner, m_held[owner]};
}

}  // namespace distlab::engine
