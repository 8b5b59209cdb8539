#include "cluster/paillier_party.h"

#include <string>

#include "core/stopwatch.h"
#include "core/error.h"
#include "crypto/paillier_wire.h"

namespace distlab::engine {

PaillierParty::PaillierParty(int rank, int bits) {
  if (rank == kKeyHolder) m_private.emplace(generatePaillierKey(bits));
}

std::optional<PaillierKey> PaillierParty::advertised() const {
  if (!m_private) return std::nullopt;
  return PaillierKey{m_private->publicKey().n()};
}

void PaillierParty::learnKey(const PaillierKey& key) { m_public.emplace(key.n); }

std::vector<std::uint8_t> PaillierParty::encrypt(std::span<const float> values, double weight,
                                                 std::size_t& clamped,
                                                 const AfterChunk& afterChunk) const {
  if (!m_public) throw Error("homomorphic aggregation: a push before the key holder's key");
  const PaillierPacking packing;
  const auto slots = static_cast<std::size_t>(packing.slots(m_public->bits()));
  const std::size_t chunk = kChunk * slots;
  std::vector<float> weighted(values.begin(), values.end());
  for (auto& v : weighted) v = static_cast<float>(v * weight);
  std::vector<BigBytes> ciphertexts;
  for (std::size_t at = 0; at < weighted.size(); at += chunk) {
    const auto t0 = steadyNowNs();
    std::size_t clampedHere = 0;
    auto part = encryptUpdate(
        *m_public, std::span<const float>(weighted).subspan(at, std::min(chunk, weighted.size() - at)),
        packing, &clampedHere);
    clamped += clampedHere;
    ciphertexts.insert(ciphertexts.end(), std::make_move_iterator(part.begin()),
                       std::make_move_iterator(part.end()));
    if (afterChunk) afterChunk(t0);
  }
  return packCiphertexts(ciphertexts, ciphertextWidth(m_public->bits()));
}

Decrypted PaillierParty::decrypt(const Encrypted& sum, const AfterChunk& afterChunk) const {
  if (!m_private) throw Error("homomorphic aggregation: only the key holder decrypts");
  const PaillierPacking packing;
  const int bits = m_private->publicKey().bits();
  if (sum.width != ciphertextWidth(bits) || sum.summands == 0) {
    throw Error("homomorphic aggregation: a sum of " + std::to_string(sum.summands) +
                " pushes in ciphertexts of " + std::to_string(sum.width) + " bytes");
  }
  const auto all = unpackCiphertexts(sum.ciphertexts, sum.width);
  const auto slots = static_cast<std::size_t>(packing.slots(bits));
  if (all.size() != ciphertextCount(sum.values, bits)) {
    throw Error("homomorphic aggregation: " + std::to_string(all.size()) + " ciphertexts for " +
                std::to_string(sum.values) + " values");
  }
  Decrypted out{sum.round, {}};
  out.values.reserve(sum.values);
  for (std::size_t c = 0; c < all.size(); c += kChunk) {
    const auto t0 = steadyNowNs();
    const std::size_t end = std::min(all.size(), c + kChunk);
    const std::vector<BigBytes> part(all.begin() + static_cast<std::ptrdiff_t>(c),
                                     all.begin() + static_cast<std::ptrdiff_t>(end));
    const std::size_t values = std::min<std::size_t>(sum.values - c * slots, part.size() * slots);
    const auto plain = decryptSum(*m_private, part, values, static_cast<int>(sum.summands), packing);
    for (const double v : plain) out.values.push_back(static_cast<float>(v));
    if (afterChunk) afterChunk(t0);
  }
  return out;
}

}  // namespace distlab::engine
