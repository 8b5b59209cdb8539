#pragma once
#include <cstdint>

namespace distlab::engine {

/// What a robust rule made of one push of the round (lesson 8's detection dashboard).
enum class PushFate : std::uint8_t {
  Kept,      ///< it counts in the aggregate as it came
  Clipped,   ///< it counts, scaled down to the rule's norm bound
  Excluded,  ///< left out as a whole (Krum, Multi-Krum and Bulyan's rejects)
};

}  // namespace distlab::engine
