#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/secure_aggregation.h"

namespace distlab::engine {

// Secure aggregation inside a cluster run (privacy.secure_aggregation): each worker sends its
// weighted update in 32-bit fixed point plus the pairwise masks of this round, carried in the
// PUSH's 4-byte slots; the parameter server adds the words mod 2^32, so the masks cancel and it
// learns the round's sum and nothing about any one worker. A worker that drops out leaves its
// partners' masks with it in the sum; the server removes them once the survivors have rebuilt
// its mask key from their shares (cluster/mask_recovery.h).

/// Fraction bits of the fixed point: resolution 2^-20 (~1e-6), range +-2^11 for the round's
/// weighted sum, whose weights are about 1 a worker (SyncRule::maskedWeight).
inline constexpr int kMaskedFractionBits = 20;

/// The pair's secret for one round, SHA-256(pair secret | round): masks never repeat, since two
/// pushes under the same mask would give their difference away.
Key32 roundSecret(const Key32& pairSecret, std::uint64_t round);

/// Worker `me` of `parties`: weight x values in fixed point plus the round's masks, written as
/// raw 32-bit words into `carriers` (same size as values). Values whose weighted size would not
/// fit the range with every party at once are clamped; returns how many.
std::size_t maskPush(std::span<const float> values, double weight, int me,
                     std::span<const Key32> pairSecrets, std::uint64_t round,
                     std::span<float> carriers);

/// The server's side: the words of a round's pushes added mod 2^32.
class MaskedSum {
 public:
  explicit MaskedSum(std::size_t size) : m_words(size, 0u) {}
  void add(std::span<const float> carriers);
  /// The decoded sum divided by totalWeight (the weighted mean of the updates).
  void mean(double totalWeight, std::span<float> out) const;
  void reset();
  /// Removes what `pusher` added for its pair with `absent` in `round` (maskPush's sign rule):
  /// the mask of a partner that did not push, which nothing else in the sum cancels.
  void cancelPairMask(const Key32& pairSecret, std::uint64_t round, int pusher, int absent);

 private:
  std::vector<std::uint32_t> m_words;
};

/// Whether a round some workers did not push to can be unmasked: every absent one's mask key
/// rebuilt (Done: its masks removed), a rebuild still under way (Waiting), or a worker whose key
/// nobody will rebuild (Impossible: e.g. one that finished its steps early).
enum class Unmasking { Done, Waiting, Impossible };

/// What the server sees of one masked push on its own: its words read as fixed point and
/// divided by the weight, i.e. noise (kept by a capture for the attack).
std::vector<float> decodeLonePush(std::span<const float> carriers, double weight);

}  // namespace distlab::engine
