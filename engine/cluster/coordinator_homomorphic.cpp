// Homomorphic aggregation's conversations with the workers: the server relays the key holder's
// Paillier public key, multiplies each round's encrypted pushes into their encrypted sum without
// reading any, and has the key holder (worker 0) decrypt that sum, and only that.
#include <cstdio>

#include <boost/asio/post.hpp>

#include "cluster/coordinator_impl.h"
#include "cluster/paillier_party.h"
#include "core/error.h"

namespace distlab::engine {

void Coordinator::Impl::onPaillierKey(int rank, const PaillierKey& key) {
  auto& slot = workers[static_cast<std::size_t>(rank)];
  if (!homomorphicSum || rank != PaillierParty::kKeyHolder || homomorphicSum->hasKey()) {
    slot.peer->session->close(
        {CloseReason::Kind::ProtocolError, 0, "unexpected PAILLIER_KEY from a worker"});
    return;
  }
  try {
    homomorphicSum->setKey(key);
  } catch (const Error& e) {
    slot.peer->session->close({CloseReason::Kind::ProtocolError, 0, e.what()});
    return;
  }
  for (auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive && w.peer) w.peer->session->send(key);
  }
  std::fprintf(stderr, "homomorphic aggregation: worker %d's %d-bit Paillier key sent to every "
                       "worker\n", rank, homomorphicSum->keyBits());
  recorder.record(Notice{now(), NoticeKind::PaillierKeyShared, rank,
                         static_cast<std::uint64_t>(homomorphicSum->keyBits()), ""});
}

void Coordinator::Impl::onSealedPush(int rank, Push&& push) {
  const auto start = now();
  auto& slot = workers[static_cast<std::size_t>(rank)];
  std::optional<AppliedUpdate> applied;
  try {
    if (!homomorphicSum) throw Error("an encrypted push outside homomorphic aggregation");
    homomorphicSum->add(push.encoded);
    applied = ps->pushSealed(rank, push.kind, push.baseVersion, push.samples);
  } catch (const Error& e) {
    slot.peer->session->close({CloseReason::Kind::BadPush, push.encoding, e.what()});
    return;
  }
  const auto aggregated = now();
  if (push.pullNext) slot.pullHeld = true;
  releasePulls();
  // Multiplying the ciphertexts in is the server's aggregation work even when it applies
  // nothing yet (the round's sum goes to the key holder first).
  if (!applied) {
    recorder.record(Span{kServerLane, SpanKind::Aggregate, start, aggregated, ps->version(), 0});
  }
  recordApplied(applied, start, aggregated);
}

bool Coordinator::Impl::openSealedSum(std::uint64_t round, int summands, std::span<float> sum) {
  if (homomorphicSum->take(round, sum)) return true;
  if (auto request = homomorphicSum->request(round, summands)) {
    auto& holder = workers[PaillierParty::kKeyHolder];
    if (holder.peer) {
      holder.peer->session->send(std::move(*request));
    } else {  // gone already: nobody can decrypt (outside the server's round, not within it)
      asio::post(io, [this] {
        finish({0, EndReason::KeyHolderLost, 1, PaillierParty::kKeyHolder, 0, ""});
      });
    }
  }
  return false;
}

void Coordinator::Impl::onDecrypted(int rank, Decrypted&& decrypted) {
  if (!homomorphicSum || rank != PaillierParty::kKeyHolder ||
      !homomorphicSum->accept(std::move(decrypted))) {
    if (auto& peer = workers[static_cast<std::size_t>(rank)].peer) {
      peer->session->close({CloseReason::Kind::ProtocolError, 0, "unexpected DECRYPTED"});
    }
    return;
  }
  const auto start = now();
  recordApplied(ps->retryRound(), start);
  releasePulls();
  checkEnd();
}

}  // namespace distlab::engine
