// The coordinator's side of the handshake on a stranger's bytes: frames as a session reads
// them, HELLO then AUTH, the answer checked against the token. Random bytes must never be
// admitted, and nothing a stranger sends may crash the check.
#include <cstdint>
#include <span>
#include <variant>

#include "comm/handshake.h"
#include "comm/messages.h"
#include "core/rng.h"
#include "fuzz_support.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string token = "0123456789abcdef0123456789abcdef";
  Rng rng(7);
  const auto nonce = makeNonce(rng);
  const DecodeLimits limits = limitsForModel(1000);  // what a connection gets before it authenticates
  std::span<const std::uint8_t> bytes(data, size);
  bool helloSeen = false;
  std::uint32_t rank = 0;
  while (!bytes.empty()) {
    Message message;
    std::size_t consumed = 0;
    if (decodeFrame(bytes, limits, message, consumed) != DecodeError::None) return 0;
    bytes = bytes.subspan(consumed);
    if (const auto* hello = std::get_if<Hello>(&message); hello && !helloSeen) {
      helloSeen = true;
      rank = hello->rank;
      continue;
    }
    const auto* auth = std::get_if<Auth>(&message);
    if (!auth || !helloSeen) return 0;  // refused: not HELLO then AUTH
    const bool admitted = verifyAnswer(token, nonce, rank, kProtocolVersion, auth->mac);
    // A MAC of 32 bytes guessed by the fuzzer: admitted only if it is the right one.
    if (admitted) {
      const auto right = authAnswer(token, nonce, rank, kProtocolVersion);
      fuzz::require(auth->mac.size() == right.size() &&
                        std::equal(right.begin(), right.end(), auth->mac.begin()),
                    "only the right answer is admitted");
    }
    return 0;
  }
  return 0;
}
