#pragma once
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "encoders/update_encoder.h"
#include "federated/client_updates.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {

/// cluster.encoder in federated rounds: each client's update travels encoded, in a PUSH part of
/// its own, [client, samples, the encoder's payload] as bytes in the frame's slots.
std::vector<float> writeEncodedUpdate(std::uint32_t client, std::uint64_t samples,
                                      std::span<const std::uint8_t> encoded);

/// A process's encoded updates decoded: the values live in `storage` (kept while the updates
/// are read). Throws Error for a part that is malformed, does not decode to `modelSize`
/// values, or names a client not among `clients`.
std::vector<ClientUpdate> readEncodedUpdates(const RoundPush& push, const UpdateEncoder& encoder,
                                             std::size_t modelSize, int clients,
                                             std::deque<std::vector<float>>& storage);

}  // namespace distlab::engine
