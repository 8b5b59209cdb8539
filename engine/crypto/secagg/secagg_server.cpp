#include "crypto/secagg/secagg_server.h"

#include <algorithm>
#include <string>

#include "core/error.h"
#include "crypto/secagg/mask_stream.h"
#include "crypto/secagg/secagg_client.h"

namespace distlab::engine {
namespace {

std::string clientName(std::uint32_t id) { return "client " + std::to_string(id); }

[[noreturn]] void tooFew(std::size_t have, int threshold, const std::string& what) {
  throw TooFewSurvivors("secure aggregation: too few survivors: " + std::to_string(have) + " " + what +
              " and the threshold is " + std::to_string(threshold) + "; nothing unmasked");
}

}  // namespace

SecAggServer::SecAggServer(std::vector<AdvertisedKeys> roster, int threshold, std::size_t length)
    : m_roster(std::move(roster)), m_threshold(threshold), m_length(length), m_sum(length, 0) {
  std::sort(m_roster.begin(), m_roster.end(),
            [](const auto& a, const auto& b) { return a.client < b.client; });
  for (std::size_t i = 0; i < m_roster.size(); ++i) {
    if (!m_place.emplace(m_roster[i].client, i).second) {
      throw Error("secure aggregation: " + clientName(m_roster[i].client) + " is twice in the roster");
    }
  }
  if (m_roster.size() > 255 || threshold < 2 || threshold > static_cast<int>(m_roster.size())) {
    throw Error("secure aggregation: threshold " + std::to_string(threshold) + " for " +
                std::to_string(m_roster.size()) + " clients (allowed: 2 <= threshold <= clients <= 255)");
  }
}

void SecAggServer::addShares(std::uint32_t from, std::vector<SealedShare> shares) {
  if (!m_place.count(from) || m_shares.count(from)) {
    throw Error("secure aggregation: shares from " + clientName(from) + ", not in the roster or sent twice");
  }
  std::set<std::uint32_t> to;
  for (const auto& s : shares) {
    if (s.from != from || !m_place.count(s.to) || s.to == from || !to.insert(s.to).second) {
      throw Error("secure aggregation: " + clientName(from) + " sent a share from " +
                  clientName(s.from) + " to " + clientName(s.to));
    }
  }
  if (to.size() + 1 != m_roster.size()) {
    throw Error("secure aggregation: " + clientName(from) + " shared with " +
                std::to_string(to.size()) + " of the other " + std::to_string(m_roster.size() - 1) +
                " clients");
  }
  m_shares[from] = std::move(shares);
}

std::vector<SealedShare> SecAggServer::sharesFor(std::uint32_t to) const {
  std::vector<SealedShare> out;
  for (const auto& [from, shares] : m_shares) {
    for (const auto& s : shares) {
      if (s.to == to) out.push_back(s);
    }
  }
  return out;
}

void SecAggServer::addMasked(std::uint32_t client, std::span<const std::uint64_t> words) {
  if (!m_shares.count(client) || m_masked.count(client) || words.size() != m_length) {
    throw Error("secure aggregation: a masked input of " + std::to_string(words.size()) +
                " words from " + clientName(client) + " (it must have shared, once, " +
                std::to_string(m_length) + " words)");
  }
  m_masked[client] = true;
  for (std::size_t i = 0; i < m_length; ++i) m_sum[i] += words[i];  // wraps mod 2^64
}

std::vector<std::uint32_t> SecAggServer::survivors() const {
  std::vector<std::uint32_t> out;
  for (const auto& [id, _] : m_masked) out.push_back(id);
  return out;
}

std::vector<std::uint64_t> SecAggServer::unmask(std::span<const RevealedShare> reveals) const {
  if (static_cast<int>(m_masked.size()) < m_threshold) {
    tooFew(m_masked.size(), m_threshold, "clients sent masked inputs");
  }
  // Each secret's shares, one per holder that survived.
  std::map<std::uint32_t, std::map<std::uint32_t, ShamirShare>> byOwner;
  for (const auto& r : reveals) {
    const bool survived = m_masked.count(r.owner) > 0;
    if (!m_masked.count(r.holder) || !m_shares.count(r.owner) ||
        r.kind != (survived ? RevealKind::SelfMask : RevealKind::MaskKey) ||
        r.share.x != m_place.at(r.holder) + 1) {
      throw Error("secure aggregation: " + clientName(r.holder) + " revealed a share of " +
                  clientName(r.owner) + " it may not reveal");
    }
    byOwner[r.owner][r.holder] = r.share;
  }
  const auto recover = [&](std::uint32_t owner) {
    std::vector<ShamirShare> shares;
    for (const auto& [_, s] : byOwner[owner]) shares.push_back(s);
    if (static_cast<int>(shares.size()) < m_threshold) {
      tooFew(shares.size(), m_threshold, "shares of " + clientName(owner) + "'s secret came back");
    }
    const auto first = std::span(shares).first(static_cast<std::size_t>(m_threshold));
    auto secret = combineShares(first);
    // A second set of shares must agree: a wrong share cannot slip through unnoticed.
    if (shares.size() > first.size() &&
        combineShares(std::span(shares).last(static_cast<std::size_t>(m_threshold))) != secret) {
      throw Error("secure aggregation: the shares of " + clientName(owner) + "'s secret disagree");
    }
    Key32 key{};
    std::copy(secret.begin(), secret.end(), key.begin());
    return key;
  };
  std::vector<std::uint64_t> sum = m_sum;
  for (const auto& [owner, _] : m_shares) {
    if (m_masked.count(owner)) {
      const Key32 seed = recover(owner);
      if (seedDigest(seed) != m_roster[m_place.at(owner)].seedDigest) {
        throw Error("secure aggregation: " + clientName(owner) + "'s rebuilt self-mask seed does "
                    "not match the one it committed to");
      }
      applyMaskStream(seed, kSelfMaskLabel, -1, sum);
      continue;
    }
    // Dropped after sharing: its key rebuilt, checked against what it advertised, and its pair
    // masks with every survivor taken back out (survivor v added + when v < owner).
    const KeyPair dropped = keyPairFromPrivate(recover(owner));
    if (dropped.publicKey != m_roster[m_place.at(owner)].maskPublic) {
      throw Error("secure aggregation: " + clientName(owner) + "'s rebuilt mask key does not "
                  "match the one it advertised");
    }
    for (const auto& [v, __] : m_masked) {
      const Key32 secret = sharedSecret(dropped, m_roster[m_place.at(v)].maskPublic);
      applyMaskStream(secret, kPairMaskLabel, v < owner ? -1 : +1, sum);
    }
  }
  return sum;
}

}  // namespace distlab::engine
