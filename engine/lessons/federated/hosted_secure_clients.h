#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "crypto/secagg/secagg_client.h"

namespace distlab::engine {

/// The sampled clients one worker process hosts in a secure federated round, each with its own
/// SecAggClient, and the round's messages for them all as PUSH/PARAMS slots
/// (crypto/secagg/secagg_messages.h): keys, sealed shares, masked inputs, revealed shares.
class HostedSecureClients {
 public:
  HostedSecureClients(std::span<const std::uint32_t> clients, std::uint64_t tag);

  /// Round 0: every hosted client's public keys.
  std::vector<float> advertise() const;
  /// Round 1: given the roster (every client's keys), each hosted client's sealed shares, with
  /// ceil(thresholdShare x roster) shares needed to recover.
  std::vector<float> share(std::span<const float> rosterSlots, double thresholdShare);
  /// Round 1's answer: the boxes for the hosted clients.
  void receive(std::span<const float> shareSlots);
  /// Round 2: one client's weighted update, masked.
  std::vector<float> mask(std::uint32_t client, std::uint64_t weight,
                          std::span<const double> weighted) const;
  /// Round 3: the shares the hosted clients in `sentInputs` reveal, given the survivors (none
  /// when fewer than the threshold survived).
  std::vector<float> reveal(std::span<const float> survivorSlots,
                            std::span<const std::uint32_t> sentInputs) const;

 private:
  std::map<std::uint32_t, SecAggClient> m_clients;
  int m_threshold = 2;
};

}  // namespace distlab::engine
