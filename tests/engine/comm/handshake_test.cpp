#include <set>
#include <string>

#include <gtest/gtest.h>

#include "comm/handshake.h"
#include "comm/messages.h"

namespace distlab::engine {
namespace {

TEST(HandshakeTest, TheRightTokenPassesAndAnythingElseFails) {
  const std::string token = makeRunToken(1, 2);
  Rng rng(3);
  const auto nonce = makeNonce(rng);
  const Digest256 answer = authAnswer(token, nonce, 2, kProtocolVersion);
  EXPECT_TRUE(verifyAnswer(token, nonce, 2, kProtocolVersion, answer));
  EXPECT_FALSE(verifyAnswer(makeRunToken(1, 3), nonce, 2, kProtocolVersion, answer));  // token
  EXPECT_FALSE(verifyAnswer(token, nonce, 3, kProtocolVersion, answer));  // replayed for rank 3
  EXPECT_FALSE(verifyAnswer(token, nonce, 2, kProtocolVersion + 1, answer));
  auto otherNonce = nonce;
  otherNonce[0] ^= 1;
  EXPECT_FALSE(verifyAnswer(token, otherNonce, 2, kProtocolVersion, answer));
  EXPECT_FALSE(verifyAnswer(token, nonce, 2, kProtocolVersion, std::span(answer).first(31)));
}

TEST(HandshakeTest, TheAnswerIsTheDocumentedHmac) {
  const std::string token = "secret";
  const std::vector<std::uint8_t> nonce = {9, 8, 7};
  const std::vector<std::uint8_t> message = {9, 8, 7, 5, 0, 0, 0, 1};  // nonce | rank 5 LE | v1
  EXPECT_EQ(authAnswer(token, nonce, 5, 1),
            hmacSha256(std::vector<std::uint8_t>(token.begin(), token.end()), message));
}

TEST(HandshakeTest, TokensAndNoncesAreFreshAndWellFormed) {
  std::set<std::string> tokens;
  for (std::uint64_t i = 0; i < 50; ++i) tokens.insert(makeRunToken(i, i * 7919));
  EXPECT_EQ(tokens.size(), 50u);
  for (const auto& t : tokens) {
    ASSERT_EQ(t.size(), 64u);
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
  Rng rng(4);
  EXPECT_NE(makeNonce(rng), makeNonce(rng));
  EXPECT_EQ(makeNonce(rng).size(), 32u);
}

}  // namespace
}  // namespace distlab::engine
