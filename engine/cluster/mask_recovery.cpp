#include "cluster/mask_recovery.h"

#include <algorithm>

#include "core/error.h"

namespace distlab::engine {

MaskRecovery::MaskRecovery(int workers, int threshold)
    : m_threshold(threshold), m_owners(static_cast<std::size_t>(workers)) {}

void MaskRecovery::setMaskKeys(std::vector<Key32> maskPublicKeys) {
  if (maskPublicKeys.size() != m_owners.size()) {
    throw Error("secure aggregation: " + std::to_string(maskPublicKeys.size()) +
                " mask keys for " + std::to_string(m_owners.size()) + " workers");
  }
  m_maskKeys = std::move(maskPublicKeys);
}

void MaskRecovery::expect(int owner) { m_owners.at(static_cast<std::size_t>(owner)).expected = true; }

bool MaskRecovery::expected(int owner) const {
  return m_owners.at(static_cast<std::size_t>(owner)).expected;
}

bool MaskRecovery::rebuilt(int owner) const {
  return m_owners.at(static_cast<std::size_t>(owner)).rebuilt;
}

int MaskRecovery::sharesOf(int owner) const {
  return static_cast<int>(m_owners.at(static_cast<std::size_t>(owner)).shares.size());
}

MaskRecovery::Outcome MaskRecovery::addShare(int owner, int holder,
                                             std::span<const std::uint8_t> share,
                                             bool lastShare) {
  if (owner < 0 || owner >= static_cast<int>(m_owners.size()) || holder == owner ||
      holder < 0 || holder >= static_cast<int>(m_owners.size()) || !keysKnown()) {
    return Outcome::Ignored;
  }
  Owner& o = m_owners[static_cast<std::size_t>(owner)];
  const auto x = static_cast<std::uint8_t>(holder + 1);
  if (!o.expected || o.rebuilt ||
      std::any_of(o.shares.begin(), o.shares.end(), [&](const auto& s) { return s.x == x; })) {
    return Outcome::Ignored;
  }
  if (share.size() != sizeof(Key32)) return lastShare ? Outcome::Wrong : Outcome::Waiting;
  o.shares.push_back({x, {share.begin(), share.end()}});
  if (static_cast<int>(o.shares.size()) < m_threshold) {
    return lastShare ? Outcome::Wrong : Outcome::Waiting;
  }
  // All shares in hand at once: consistent ones interpolate to the same key whatever their
  // number, and a wrong one shows as a key that does not match the advertised public key.
  const auto bytes = combineShares(o.shares);
  Key32 key{};
  std::copy(bytes.begin(), bytes.end(), key.begin());
  if (keyPairFromPrivate(key).publicKey != m_maskKeys[static_cast<std::size_t>(owner)]) {
    return lastShare ? Outcome::Wrong : Outcome::Waiting;
  }
  o.privateKey = key;
  o.rebuilt = true;
  return Outcome::Rebuilt;
}

Unmasking MaskRecovery::unmask(std::span<const int> pushers, std::span<const int> absent,
                               std::uint64_t round, MaskedSum& sum) const {
  bool waiting = false;
  for (const int a : absent) {
    const Owner& o = m_owners.at(static_cast<std::size_t>(a));
    if (!o.expected) return Unmasking::Impossible;
    waiting = waiting || !o.rebuilt;
  }
  if (waiting) return Unmasking::Waiting;
  for (const int a : absent) {
    const KeyPair gone = keyPairFromPrivate(m_owners[static_cast<std::size_t>(a)].privateKey);
    for (const int p : pushers) {
      sum.cancelPairMask(sharedSecret(gone, m_maskKeys.at(static_cast<std::size_t>(p))), round,
                         p, a);
    }
  }
  return Unmasking::Done;
}

}  // namespace distlab::engine
