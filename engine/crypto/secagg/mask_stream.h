#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "crypto/secure_aggregation.h"

namespace distlab::engine {

/// Adds (sign +1) or subtracts (sign -1), mod 2^64, the pseudo-random words of AES-256-CTR under
/// SHA-256(label | seed) to `words`: the masks of secure aggregation with dropouts. AES-NI makes
/// this several GB/s, where a hash per 32 bytes would dominate a round with many clients.
void applyMaskStream(const Key32& seed, std::string_view label, int sign,
                     std::span<std::uint64_t> words);

}  // namespace distlab::engine
