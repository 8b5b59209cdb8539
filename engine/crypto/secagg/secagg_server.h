#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <vector>

#include "crypto/secagg/secagg_messages.h"

#include "core/error.h"

namespace distlab::engine {

/// Fewer clients survived, or sent back shares, than the threshold: nothing can be unmasked.
class TooFewSurvivors : public Error {
 public:
  using Error::Error;
};

/// The server's side of one round of secure aggregation with dropouts (secagg_client.h): it
/// routes the sealed shares it cannot open, adds the masked inputs mod 2^64, and with the
/// survivors' revealed shares removes the self masks of the survivors and the pair masks of the
/// clients that dropped out after sharing, which leaves exactly the survivors' sum.
class SecAggServer {
 public:
  /// roster: round 0's keys of the clients taking part (ids distinct); `length` words an input.
  SecAggServer(std::vector<AdvertisedKeys> roster, int threshold, std::size_t length);

  const std::vector<AdvertisedKeys>& roster() const { return m_roster; }
  int threshold() const { return m_threshold; }
  /// Round 1: `from`'s boxes, one for every other client of the roster (else Error).
  void addShares(std::uint32_t from, std::vector<SealedShare> shares);
  /// The boxes for `to` from every client that shared.
  std::vector<SealedShare> sharesFor(std::uint32_t to) const;
  /// Round 2: a masked input of a client that shared, once.
  void addMasked(std::uint32_t client, std::span<const std::uint64_t> words);
  /// Clients whose shares came in round 1.
  std::size_t sharers() const { return m_shares.size(); }
  /// The clients whose masked inputs arrived, by id: round 3's survivors.
  std::vector<std::uint32_t> survivors() const;
  /// The survivors' exact sum mod 2^64 (decodeFixed64 reads it). Error "too few survivors" and
  /// nothing unmasked when fewer than the threshold sent inputs or any secret it needs has fewer
  /// than the threshold's shares; Error when shares contradict one another or a mask key.
  std::vector<std::uint64_t> unmask(std::span<const RevealedShare> reveals) const;

 private:
  std::vector<AdvertisedKeys> m_roster;
  std::map<std::uint32_t, std::size_t> m_place;  ///< client id -> place in the roster
  int m_threshold;
  std::size_t m_length;
  std::map<std::uint32_t, std::vector<SealedShare>> m_shares;  ///< by sender
  std::map<std::uint32_t, bool> m_masked;                       ///< clients whose inputs came
  std::vector<std::uint64_t> m_sum;
};

}  // namespace distlab::engine
