// Every frame decoder on any bytes: a frame either decodes or is refused with a DecodeError,
// and whatever decodes encodes back to a frame that decodes to the same message type.
#include <cstdint>
#include <span>

#include "comm/messages.h"
#include "fuzz_support.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A small model, so PARAMS/PUSH of its size are reachable; and a connection of any size.
  for (const DecodeLimits& limits : {limitsForModel(7), DecodeLimits{1u << 16, 0}}) {
    std::span<const std::uint8_t> bytes(data, size);
    while (!bytes.empty()) {  // a stream of frames, as a session reads them
      Message message;
      std::size_t consumed = 0;
      const DecodeError error = decodeFrame(bytes, limits, message, consumed);
      if (error != DecodeError::None) break;
      fuzz::require(consumed > 0 && consumed <= bytes.size(), "consumed within the input");
      const auto again = encodeFrame(message);
      Message back;
      std::size_t backConsumed = 0;
      fuzz::require(decodeFrame(again, limits, back, backConsumed) == DecodeError::None,
                    "a decoded message encodes to a frame that decodes");
      fuzz::require(backConsumed == again.size(), "the re-encoded frame is read whole");
      fuzz::require(typeOf(back) == typeOf(message), "the same message type comes back");
      bytes = bytes.subspan(consumed);
    }
  }
  return 0;
}
