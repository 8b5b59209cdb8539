#include "comm/blocking_handshake.h"

#include "comm/handshake.h"
#include "core/error.h"
#include "core/stopwatch.h"

namespace distlab::engine {

Welcome joinPeer(BlockingChannel& channel, PeerRole role, std::uint32_t rank,
                 const std::string& token) {
  channel.send(Hello{role, rank, steadyNowNs()});
  Message reply = channel.receive();
  if (const auto* no = std::get_if<Shutdown>(&reply)) throw Error("refused: " + no->reason);
  const auto* challenge = std::get_if<Challenge>(&reply);
  if (!challenge) throw Error("the peer did not send a challenge");
  const Digest256 answer = authAnswer(token, challenge->nonce, rank, kProtocolVersion);
  channel.send(Auth{std::vector<std::uint8_t>(answer.begin(), answer.end())});
  Message verdict = channel.receive();
  if (const auto* no = std::get_if<Shutdown>(&verdict)) throw Error("refused: " + no->reason);
  auto* welcome = std::get_if<Welcome>(&verdict);
  if (!welcome) throw Error("the peer did not welcome this one");
  return std::move(*welcome);
}

Hello admitPeer(BlockingChannel& channel, const std::string& token, Rng& rng) {
  Message first = channel.receive();
  const auto* hello = std::get_if<Hello>(&first);
  if (!hello) throw Error("a peer did not begin with HELLO");
  const Hello who = *hello;
  const auto nonce = makeNonce(rng);
  channel.send(Challenge{nonce});
  Message second = channel.receive();
  const auto* auth = std::get_if<Auth>(&second);
  if (!auth || !verifyAnswer(token, nonce, who.rank, kProtocolVersion, auth->mac)) {
    channel.send(Shutdown{"wrong token"});
    throw Error("a peer claiming rank " + std::to_string(who.rank) + " gave a wrong answer");
  }
  return who;
}

}  // namespace distlab::engine
