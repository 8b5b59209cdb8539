#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "crypto/secagg/secagg_messages.h"

namespace distlab::engine {

// Secure aggregation that survives dropouts (Bonawitz et al., 2017), one client's side of one
// round. Round 0: fresh X25519 pairs, one to seal shares and one for masks. Round 1: t-of-n
// Shamir shares of its mask key and of a fresh self-mask seed, one sealed box for each client.
// Round 2: its input in 64-bit fixed point plus the self mask plus, for every client that shared,
// + or - the mask of their agreed secret. Round 3: for every client that shared, the share of
// its self-mask seed if it survived, or of its mask key if it dropped out; never both.

/// Fraction bits of the 64-bit fixed point: resolution 2^-32, range +-2^31 for the round's sum.
inline constexpr int kSecAggFractionBits = 32;

/// Shares a round's secrets need to be recovered: max(2, ceil(fraction x clients)), at most the
/// clients.
int secAggThreshold(double fraction, int clients);

/// The mask labels, so the server's recomputation is the client's stream.
inline constexpr const char* kPairMaskLabel = "distlab secagg pair mask";
inline constexpr const char* kSelfMaskLabel = "distlab secagg self mask";

/// SHA-256 of a self-mask seed (what a client commits to in round 0).
Key32 seedDigest(const Key32& seed);

/// The associated data of the box from `from` to `to` in round `tag`.
Bytes shareContext(std::uint64_t tag, std::uint32_t from, std::uint32_t to);

class SecAggClient {
 public:
  SecAggClient(std::uint32_t id, std::uint64_t tag);

  const AdvertisedKeys& keys() const { return m_keys; }
  /// Round 1: one box for every other client of the roster (which must hold this client once).
  std::vector<SealedShare> shareKeys(std::span<const AdvertisedKeys> roster, int threshold);
  /// Round 1's answer: the boxes addressed to this client; opening one that was changed fails.
  void receiveShares(std::span<const SealedShare> shares);
  /// Round 2: values in fixed point, masked for the clients that shared with it.
  std::vector<std::uint64_t> maskInput(std::span<const double> values) const;
  /// Round 3: the shares the server needs given who survived (this client among them); refuses
  /// (Error) when fewer than the threshold did.
  std::vector<RevealedShare> reveal(std::span<const std::uint32_t> survivors) const;

 private:
  std::uint32_t m_id;
  std::uint64_t m_tag;
  KeyPair m_cipher, m_mask;
  Key32 m_selfSeed{};
  AdvertisedKeys m_keys;
  int m_threshold = 0;
  std::map<std::uint32_t, AdvertisedKeys> m_roster;
  /// The shares it holds of each client that shared (its own included): point, key, seed.
  struct Held {
    std::uint8_t x = 0;
    std::vector<std::uint8_t> maskKey, selfSeed;
  };
  std::map<std::uint32_t, Held> m_held;
};

/// Fixed point of the masked inputs: round(v x 2^32) in two's complement (|v| < 2^31, else
/// Error), and back.
std::vector<std::uint64_t> encodeFixed64(std::span<const double> values);
std::vector<double> decodeFixed64(std::span<const std::uint64_t> words);

}  // namespace distlab::engine
