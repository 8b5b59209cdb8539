#include "crypto/secagg/secagg_client.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.h"
#include "crypto/secagg/mask_stream.h"
#include "crypto/secagg/sealed_box.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kSecret = 32;

std::string clientName(std::uint32_t id) { return "client " + std::to_string(id); }

}  // namespace

int secAggThreshold(double fraction, int clients) {
  const int t = static_cast<int>(std::ceil(fraction * clients - 1e-9));
  return std::min(clients, std::max(2, t));
}

Key32 seedDigest(const Key32& seed) {
  Key32 digest{};
  unsigned int length = 0;
  if (EVP_Digest(seed.data(), seed.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw Error("secure aggregation: SHA-256 failed");
  }
  return digest;
}

Bytes shareContext(std::uint64_t tag, std::uint32_t from, std::uint32_t to) {
  Bytes out;
  for (int b = 0; b < 8; ++b) out.push_back(static_cast<std::uint8_t>(tag >> (8 * b)));
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(from >> (8 * b)));
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(to >> (8 * b)));
  return out;
}

SecAggClient::SecAggClient(std::uint32_t id, std::uint64_t tag)
    : m_id(id), m_tag(tag), m_cipher(generateKeyPair()), m_mask(generateKeyPair()) {
  if (RAND_bytes(m_selfSeed.data(), kSecret) != 1) {
    throw Error("secure aggregation: RAND_bytes failed");
  }
  m_keys = {id, m_cipher.publicKey, m_mask.publicKey, seedDigest(m_selfSeed)};
}

std::vector<SealedShare> SecAggClient::shareKeys(std::span<const AdvertisedKeys> roster,
                                                 int threshold) {
  m_roster.clear();
  for (const auto& k : roster) {
    if (!m_roster.emplace(k.client, k).second) {
      throw Error("secure aggregation: " + clientName(k.client) + " is twice in the roster");
    }
  }
  const auto me = m_roster.find(m_id);
  if (me == m_roster.end() || me->second.maskPublic != m_keys.maskPublic ||
      me->second.cipherPublic != m_keys.cipherPublic ||
      me->second.seedDigest != m_keys.seedDigest) {
    throw Error("secure aggregation: the roster does not hold " + clientName(m_id) + "'s keys");
  }
  const int n = static_cast<int>(m_roster.size());
  if (threshold < 2 || threshold > n) {
    throw Error("secure aggregation: threshold " + std::to_string(threshold) + " for " +
                std::to_string(n) + " clients (allowed: 2 to the clients)");
  }
  m_threshold = threshold;
  const auto keyShares = splitSecret(m_mask.privateKey, threshold, n);
  const auto seedShares = splitSecret(m_selfSeed, threshold, n);
  std::vector<SealedShare> out;
  std::size_t place = 0;  // share x = place + 1 in the roster's order of ids
  for (const auto& [id, peer] : m_roster) {
    const auto& k = keyShares[place];
    const auto& s = seedShares[place];
    ++place;
    if (id == m_id) {
      m_held[m_id] = {k.x, k.y, s.y};
      continue;
    }
    Bytes plain{k.x};
    plain.insert(plain.end(), k.y.begin(), k.y.end());
    plain.insert(plain.end(), s.y.begin(), s.y.end());
    out.push_back({m_id, id,
                   sealBox(sharedSecret(m_cipher, peer.cipherPublic),
                           shareContext(m_tag, m_id, id), plain)});
  }
  return out;
}

void SecAggClient::receiveShares(std::span<const SealedShare> shares) {
  for (const auto& s : shares) {
    const auto from = m_roster.find(s.from);
    if (s.to != m_id || from == m_roster.end() || s.from == m_id || m_held.count(s.from)) {
      throw Error("secure aggregation: " + clientName(m_id) + " got a share from " +
                  clientName(s.from) + " to " + clientName(s.to) + " it cannot take");
    }
    const Bytes plain = openBox(sharedSecret(m_cipher, from->second.cipherPublic),
                                shareContext(m_tag, s.from, m_id), s.box);
    const auto expectedX = static_cast<std::uint8_t>(
        1 + std::distance(m_roster.begin(), m_roster.find(m_id)));
    if (plain.size() != 1 + 2 * kSecret || plain[0] != expectedX) {
      throw Error("secure aggregation: " + clientName(s.from) + "'s share to " +
                  clientName(m_id) + " has the wrong point or length");
    }
    m_held[s.from] = {plain[0], Bytes(plain.begin() + 1, plain.begin() + 1 + kSecret),
                      Bytes(plain.begin() + 1 + kSecret, plain.end())};
  }
}

std::vector<std::uint64_t> SecAggClient::maskInput(std::span<const double> values) const {
  std::vector<std::uint64_t> words = encodeFixed64(values);
  applyMaskStream(m_selfSeed, kSelfMaskLabel, +1, words);
  for (const auto& [id, held] : m_held) {
    if (id == m_id) continue;  // the clients that shared with us, i.e. that reached round 1
    const Key32 secret = sharedSecret(m_mask, m_roster.at(id).maskPublic);
    applyMaskStream(secret, kPairMaskLabel, m_id < id ? +1 : -1, words);
  }
  return words;
}

std::vector<RevealedShare> SecAggClient::reveal(std::span<const std::uint32_t> survivors) const {
  if (static_cast<int>(survivors.size()) < m_threshold) {
    throw Error("secure aggregation: too few survivors: " + std::to_string(survivors.size()) +
                " clients sent masked inputs and the threshold is " +
                std::to_string(m_threshold) + "; " + clientName(m_id) + " reveals nothing");
  }
  if (std::find(survivors.begin(), survivors.end(), m_id) == survivors.end()) {
    throw Error("secure aggregation: " + clientName(m_id) + " is asked to reveal but is not "
                "among the survivors");
  }
  std::vector<RevealedShare> out;
  for (const auto& [owner, held] : m_held) {
    const bool survived = std::find(survivors.begin(), survivors.end(), owner) != survivors.end();
    out.push_back({m_id, owner, survived ? RevealKind::SelfMask : RevealKind::MaskKey,
                   {held.x, survived ? held.selfSeed : held.maskKey}});
  }
  return out;
}

std::vector<std::uint64_t> encodeFixed64(std::span<const double> values) {
  std::vector<std::uint64_t> out(values.size());
  const double scale = std::ldexp(1.0, kSecAggFractionBits), limit = std::ldexp(1.0, 63);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = std::nearbyint(values[i] * scale);
    if (!(std::abs(v) < limit)) {
      throw Error("secure aggregation: " + std::to_string(values[i]) +
                  " does not fit the fixed-point range of +-2^31");
    }
    out[i] = static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
  }
  return out;
}

std::vector<double> decodeFixed64(std::span<const std::uint64_t> words) {
  std::vector<double> out(words.size());
  const double scale = std::ldexp(1.0, -kSecAggFractionBits);
  for (std::size_t i = 0; i < words.size(); ++i) {
    out[i] = static_cast<double>(static_cast<std::int64_t>(words[i])) * scale;
  }
  return out;
}

}  // namespace distlab::engine
