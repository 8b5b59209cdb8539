#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "comm/messages.h"

namespace distlab::engine {

/// Decodes one whole frame held in `bytes`, as a message-passing transport (MPI) delivers it:
/// the header, then the payload, whose length must be the rest of `bytes`. A PARAMS/PUSH's floats
/// are copied into `bulkTarget` when it has exactly their count (the message's vector then stays
/// empty), otherwise into the message's vector, which is made from `spare` when given (no
/// allocation once it has the capacity). Floats said to wait in shared memory are refused: such
/// a transport has none.
DecodeError decodeWholeFrame(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                             Message& message, std::span<float> bulkTarget = {},
                             std::vector<float>* spare = nullptr);

}  // namespace distlab::engine
