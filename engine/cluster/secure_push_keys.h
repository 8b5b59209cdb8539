#pragma once
#include <optional>
#include <span>
#include <vector>

#include "comm/messages.h"
#include "crypto/secure_aggregation.h"

namespace distlab::engine {

// A worker's keys for secure aggregation on the parameter-server cluster. Two X25519 pairs, as in
// Bonawitz et al. (2017): the mask pair gives the pairwise masks, and its private key is dealt
// in Shamir shares to the other workers, so that if this worker drops out the survivors can
// rebuild it and the server can remove its masks; the encryption pair seals those shares, so a
// rebuilt mask key opens none of the boxes the dropped worker sent or received.
class SecurePushKeys {
 public:
  SecurePushKeys(int rank, int workers);

  /// Our two public keys, encryption first, for the server to relay.
  Keys advertised() const;
  /// Every worker's two public keys in rank order: derives the mask secret with each peer and
  /// deals our mask key, `threshold` of `workers` shares, each sealed for its holder. Throws
  /// Error when the count is not two a worker.
  KeyShares learnKeys(const Keys& all, int threshold);
  /// The shares the others sealed for us (one per rank, ours empty): opened and kept. Throws
  /// Error "... fails authentication" for a box that is not what its sender sealed for us.
  void holdShares(const KeyShares& mine);
  /// Our share of `owner`'s mask key, for the server to rebuild it; nullopt for ourselves, a
  /// rank out of range, or before the shares arrived.
  std::optional<Reveal> reveal(std::uint32_t owner) const;
  /// The X25519 secret with each peer's mask key (ours unused), for maskPush.
  std::span<const Key32> maskSecrets() const { return m_maskSecrets; }

 private:
  int m_rank, m_workers;
  KeyPair m_encryption, m_mask;
  std::vector<Key32> m_boxSecrets;   ///< with each peer's encryption key
  std::vector<Key32> m_maskSecrets;  ///< with each peer's mask key
  std::vector<std::vector<std::uint8_t>> m_held;  ///< our share of each peer's mask key
};

/// What a sealed share is bound to: sender, receiver, and that it is a cluster mask-key share.
std::vector<std::uint8_t> maskShareContext(int from, int to);

}  // namespace distlab::engine
