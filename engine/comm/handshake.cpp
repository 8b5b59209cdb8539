#include "comm/handshake.h"

#include <cstring>

namespace distlab::engine {

std::string makeRunToken(std::uint64_t entropyA, std::uint64_t entropyB) {
  Rng a(entropyA), b(entropyB ^ 0x5bd1e9955bd1e995ULL);
  static const char* digits = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 4; ++i) {
    const std::uint64_t word = a.next() ^ b.next();
    for (int nibble = 15; nibble >= 0; --nibble) token += digits[(word >> (4 * nibble)) & 15];
  }
  return token;
}

std::vector<std::uint8_t> makeNonce(Rng& rng) {
  std::vector<std::uint8_t> nonce(32);
  for (std::size_t i = 0; i < nonce.size(); i += 8) {
    const std::uint64_t word = rng.next();
    std::memcpy(nonce.data() + i, &word, 8);
  }
  return nonce;
}

Digest256 authAnswer(const std::string& token, std::span<const std::uint8_t> nonce,
                     std::uint32_t rank, std::uint8_t version) {
  std::vector<std::uint8_t> message(nonce.begin(), nonce.end());
  for (int i = 0; i < 4; ++i) message.push_back(static_cast<std::uint8_t>(rank >> (8 * i)));
  message.push_back(version);
  return hmacSha256({reinterpret_cast<const std::uint8_t*>(token.data()), token.size()}, message);
}

bool verifyAnswer(const std::string& token, std::span<const std::uint8_t> nonce, std::uint32_t rank,
                  std::uint8_t version, std::span<const std::uint8_t> answer) {
  const Digest256 expected = authAnswer(token, nonce, rank, version);
  return constantTimeEqual(expected, answer);
}

}  // namespace distlab::engine
