#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "comm/messages.h"
#include "crypto/paillier.h"

namespace distlab::engine {

// A worker's side of homomorphic aggregation on the cluster (privacy.homomorphic): worker 0, the
// key holder, makes a Paillier key and sends its public half through the server; every worker
// encrypts its weighted update under it; the holder alone can decrypt, and the server only ever
// gives it a whole round's sum.
class PaillierParty {
 public:
  static constexpr int kKeyHolder = 0;
  /// Paillier costs milliseconds a ciphertext: the work goes in chunks of this many, with a
  /// sign of life (a span on the timeline) after each.
  static constexpr std::size_t kChunk = 64;
  using AfterChunk = std::function<void(std::int64_t startNs)>;

  /// The holder makes a key whose n has `bits` bits.
  PaillierParty(int rank, int bits);
  bool holdsKey() const { return m_private.has_value(); }
  /// The holder's public key, for the server to relay; nullopt on other workers.
  std::optional<PaillierKey> advertised() const;
  /// The public key relayed by the server; throws Error for one that is not usable.
  void learnKey(const PaillierKey& key);
  bool ready() const { return m_public.has_value(); }

  /// weight x values, encrypted and packed for Push::encoded; `clamped` counts the values
  /// beyond the packing's range.
  std::vector<std::uint8_t> encrypt(std::span<const float> values, double weight,
                                    std::size_t& clamped, const AfterChunk& afterChunk) const;
  /// The holder: a round's sum, decrypted. Throws Error on another worker, or for a sum that does
  /// not decrypt to `summands` pushes' worth of values (the wrong key, a tampered ciphertext).
  Decrypted decrypt(const Encrypted& sum, const AfterChunk& afterChunk) const;

 private:
  std::optional<PaillierPrivateKey> m_private;
  std::optional<PaillierPublicKey> m_public;
};

}  // namespace distlab::engine
