#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/masked_push.h"
#include "crypto/secagg/shamir.h"

namespace distlab::engine {

// The server's side of dropout recovery in a securely aggregated cluster run: when a worker
// drops out, the survivors reveal their shares of its mask key (cluster/secure_push_keys.h);
// with `threshold` of them the key is rebuilt and checked against the public key its owner
// advertised, and from then on the masks each pusher shares with it are removed from every
// round it misses. The server learns the dropped worker's masks and nothing of a survivor's
// update: each survivor's push still carries its masks with every other survivor.
class MaskRecovery {
 public:
  MaskRecovery(int workers, int threshold);

  int threshold() const { return m_threshold; }
  /// The mask public keys, one per rank (the second key of each worker's KEYS).
  void setMaskKeys(std::vector<Key32> maskPublicKeys);
  bool keysKnown() const { return !m_maskKeys.empty(); }

  /// `owner` dropped out: its shares are asked for.
  void expect(int owner);
  bool expected(int owner) const;
  bool rebuilt(int owner) const;

  enum class Outcome { Waiting, Rebuilt, Wrong, Ignored };
  /// Holder `holder`'s share of `owner`'s key. Rebuilt once the shares in hand give the key the
  /// owner advertised; Wrong when they do not and `lastShare` (no one else will answer);
  /// Ignored for an owner not expected or already rebuilt, or a holder that answered before.
  Outcome addShare(int owner, int holder, std::span<const std::uint8_t> share, bool lastShare);
  /// Shares received for `owner`.
  int sharesOf(int owner) const;

  /// Removes from `sum` (round `round`'s pushes from `pushers`) the masks they share with the
  /// workers in `absent`. Done when every absent worker's key is rebuilt; Waiting when one is
  /// still expected; Impossible when one was never expected (nothing is removed then).
  Unmasking unmask(std::span<const int> pushers, std::span<const int> absent, std::uint64_t round,
                   MaskedSum& sum) const;

 private:
  struct Owner {
    bool expected = false, rebuilt = false;
    std::vector<ShamirShare> shares;
    Key32 privateKey{};
  };
  int m_threshold;
  std::vector<Key32> m_maskKeys;
  std::vector<Owner> m_owners;
};

}  // namespace distlab::engine
