#include "lessons/federated/hosted_secure_clients.h"

#include <algorithm>

#include "core/error.h"

namespace distlab::engine {

HostedSecureClients::HostedSecureClients(std::span<const std::uint32_t> clients,
                                         std::uint64_t tag) {
  for (auto c : clients) m_clients.try_emplace(c, c, tag);
}

std::vector<float> HostedSecureClients::advertise() const {
  std::vector<AdvertisedKeys> keys;
  for (const auto& [_, c] : m_clients) keys.push_back(c.keys());
  return bytesToSlots(writeKeys(keys));
}

std::vector<float> HostedSecureClients::share(std::span<const float> rosterSlots,
                                              double thresholdShare) {
  const auto roster = readKeys(slotsToBytes(rosterSlots));
  // One client alone cannot hide in a sum: the server sent no roster, nothing is shared.
  if (roster.size() < 2) return bytesToSlots(writeShares({}));
  m_threshold = secAggThreshold(thresholdShare, static_cast<int>(roster.size()));
  std::vector<SealedShare> out;
  for (auto& [_, c] : m_clients) {
    auto mine = c.shareKeys(roster, m_threshold);
    out.insert(out.end(), std::make_move_iterator(mine.begin()),
               std::make_move_iterator(mine.end()));
  }
  return bytesToSlots(writeShares(out));
}

void HostedSecureClients::receive(std::span<const float> shareSlots) {
  std::map<std::uint32_t, std::vector<SealedShare>> byClient;
  for (auto& s : readShares(slotsToBytes(shareSlots))) byClient[s.to].push_back(std::move(s));
  for (auto& [to, shares] : byClient) {
    const auto it = m_clients.find(to);
    if (it == m_clients.end()) {
      throw Error("secure aggregation: shares for client " + std::to_string(to) +
                  ", which this process does not host");
    }
    it->second.receiveShares(shares);
  }
}

std::vector<float> HostedSecureClients::mask(std::uint32_t client, std::uint64_t weight,
                                             std::span<const double> weighted) const {
  return bytesToSlots(writeMasked({client, weight, m_clients.at(client).maskInput(weighted)}));
}

std::vector<float> HostedSecureClients::reveal(std::span<const float> survivorSlots,
                                               std::span<const std::uint32_t> sentInputs) const {
  const auto survivors = readIds(slotsToBytes(survivorSlots));
  std::vector<RevealedShare> out;
  // Too few survivors: the clients abort and reveal nothing (the server unmasks nothing).
  if (static_cast<int>(survivors.size()) < m_threshold) return bytesToSlots(writeReveals(out));
  for (auto c : sentInputs) {
    if (std::find(survivors.begin(), survivors.end(), c) == survivors.end()) continue;  // late
    auto mine = m_clients.at(c).reveal(survivors);
    out.insert(out.end(), mine.begin(), mine.end());
  }
  return bytesToSlots(writeReveals(out));
}

}  // namespace distlab::engine
