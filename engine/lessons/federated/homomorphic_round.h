#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "crypto/paillier.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {

// Federated rounds under homomorphic encryption (privacy.homomorphic): worker process 0 holds a
// Paillier key (privacy.paillier_bits) and sends the server its public key once; every client
// encrypts its weighted update (packed, crypto/paillier.h) and the server multiplies the
// ciphertexts of a round into the encrypted sum without reading any; the key holder decrypts
// that sum and gives it back. The messages travel as bytes in PUSH/PARAMS slots.

/// A client's encrypted update, with its weight in the clear.
struct EncryptedUpdate {
  std::uint32_t client = 0;
  std::uint64_t weight = 0;
  std::vector<BigBytes> ciphertexts;
};

std::vector<float> writeEncryptedUpdate(const EncryptedUpdate& update);
EncryptedUpdate readEncryptedUpdate(std::span<const float> slots);
/// The encrypted sum for the key holder: how many updates it adds up, and its ciphertexts.
std::vector<float> writeEncryptedSum(int clients, const std::vector<BigBytes>& sum);
std::pair<int, std::vector<BigBytes>> readEncryptedSum(std::span<const float> slots);
/// The decrypted sum back to the server, as doubles.
std::vector<float> writeDoubles(std::span<const double> values);
std::vector<double> readDoubles(std::span<const float> slots);

/// What the server got from one homomorphic round.
struct HomomorphicRoundResult {
  std::map<std::uint32_t, std::uint64_t> inputs;  ///< clients whose encrypted update came: weight
  std::vector<std::uint32_t> summed;              ///< of those, the ones added up
  std::vector<double> sum;                        ///< their weighted updates' sum
  std::uint64_t bytesIn = 0;                      ///< the encrypted updates' bytes
};

/// The server's side at the start of the run: the key holder's public key (frame rounds 0, 1).
PaillierPublicKey serveHomomorphicKeys(RoundHost& host);

/// The server's side of a round whose assignment and model went out in frame round `s`:
/// collects the encrypted updates (s), adds those `counts` says are on time, and has the key
/// holder decrypt their sum (s + 1). The server's work is recorded as Aggregate spans of `round`.
HomomorphicRoundResult serveHomomorphicRound(RoundHost& host, const PaillierPublicKey& key,
                                             std::uint64_t s, std::uint64_t round, int clients,
                                             std::size_t length,
                                             const std::function<bool(std::uint32_t)>& counts);

}  // namespace distlab::engine
