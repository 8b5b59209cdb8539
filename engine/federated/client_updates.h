#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

/// One client's answer to a federated round, as the server sees it: the client's id, not the
/// process that hosted it.
struct ClientUpdate {
  int client = 0;
  std::uint64_t samples = 0;      ///< its examples (the weight of its update)
  std::span<const float> update;  ///< w_client - w_global
  std::span<const float> control; ///< SCAFFOLD: c_i+ - c_i (empty otherwise)
};

/// A worker process's PUSH of a federated round holds one block per client that answered:
/// [client id, samples, update (modelSize floats), control change (modelSize floats, SCAFFOLD
/// only)]. Ids and counts are exact in a float (below 2^24).
void appendClientUpdate(std::vector<float>& payload, int client, std::uint64_t samples,
                        std::span<const float> update, std::span<const float> control);

/// The blocks of a PUSH, viewing into `payload`. Throws Error when it is not whole blocks, or
/// an id is not one of `clients` clients.
std::vector<ClientUpdate> readClientUpdates(std::span<const float> payload,
                                            std::size_t modelSize, bool controls, int clients);

}  // namespace distlab::engine
