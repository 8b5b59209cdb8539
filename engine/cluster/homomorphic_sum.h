#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "comm/messages.h"
#include "crypto/paillier.h"

namespace distlab::engine {

// The parameter server's side of homomorphic aggregation on the cluster (privacy.homomorphic):
// each worker's encrypted push is multiplied into the round's encrypted sum, which the server
// cannot read; once the round is whole it goes to the key holder (worker 0), which decrypts that
// sum and nothing else. Unlike masks, ciphertexts need no partner: a worker that drops out
// simply is not in the sum.
class HomomorphicSum {
 public:
  explicit HomomorphicSum(std::size_t values) : m_values(values) {}

  /// The key holder's public key; throws Error for one the lab cannot use.
  void setKey(const PaillierKey& key);
  bool hasKey() const { return m_key.has_value(); }
  int keyBits() const { return m_key ? m_key->bits() : 0; }
  /// The key as relayed (for a worker that joins later); call only once hasKey().
  PaillierKey key() const { return PaillierKey{m_key->n()}; }

  /// A push's packed ciphertexts multiplied into the round's sum; throws Error for the wrong
  /// count or width, or before the key.
  void add(std::span<const std::uint8_t> packed);
  /// The round's sum for the key holder of `summands` pushes, the first time the round asks;
  /// nullopt after (the answer is awaited).
  std::optional<Encrypted> request(std::uint64_t round, int summands);
  bool awaiting() const { return m_requested && !m_decrypted; }
  /// The holder's answer; false when it is not for the round asked or not the model's size.
  bool accept(Decrypted&& decrypted);
  /// Round `round`'s decrypted sum into `out`, then a fresh round; false while it is awaited.
  bool take(std::uint64_t round, std::span<float> out);

 private:
  std::size_t m_values;
  std::optional<PaillierPublicKey> m_key;
  std::vector<BigBytes> m_sum;
  std::uint64_t m_round = 0;
  bool m_requested = false;
  std::optional<std::vector<float>> m_decrypted;
};

}  // namespace distlab::engine
