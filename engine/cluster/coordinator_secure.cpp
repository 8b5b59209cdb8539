// Secure aggregation's conversations with the workers: the server relays public keys and sealed
// key shares, and never holds a secret of a worker that is still in the run; when one drops out
// it asks the survivors for their shares of its mask key and removes its masks from then on.
#include <cstdio>

#include "cluster/coordinator_impl.h"

namespace distlab::engine {

void Coordinator::Impl::onKeys(int rank, const Keys& keys) {
  auto& slot = workers[static_cast<std::size_t>(rank)];
  const auto r = static_cast<std::size_t>(rank);
  publicKeys.resize(workers.size());
  if (!maskRecovery || keys.publicKeys.size() != 2 || keysSent || publicKeys[r]) {
    slot.peer->session->close({CloseReason::Kind::ProtocolError, 0, "unexpected KEYS from a worker"});
    return;
  }
  publicKeys[r] = keys;
  for (const auto& k : publicKeys) {
    if (!k) return;
  }
  Keys all;
  std::vector<Key32> maskKeys;
  for (const auto& k : publicKeys) {
    all.publicKeys.insert(all.publicKeys.end(), k->publicKeys.begin(), k->publicKeys.end());
    maskKeys.push_back(k->publicKeys[1]);
  }
  maskRecovery->setMaskKeys(std::move(maskKeys));
  for (auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive && w.peer) w.peer->session->send(all);
  }
  keysSent = true;
}

void Coordinator::Impl::onKeyShares(int rank, KeyShares&& shares) {
  auto& slot = workers[static_cast<std::size_t>(rank)];
  const auto r = static_cast<std::size_t>(rank);
  dealtShares.resize(workers.size());
  if (!keysSent || sharesDealt || dealtShares[r] || shares.boxes.size() != workers.size()) {
    slot.peer->session->close(
        {CloseReason::Kind::ProtocolError, 0, "unexpected KEY_SHARES from a worker"});
    return;
  }
  dealtShares[r] = std::move(shares);
  for (const auto& s : dealtShares) {
    if (!s) return;
  }
  // Worker j gets, from each worker i, the box i sealed for j: a column of the table.
  for (std::size_t j = 0; j < workers.size(); ++j) {
    KeyShares mine;
    for (const auto& from : dealtShares) mine.boxes.push_back(from->boxes[j]);
    auto& w = workers[j];
    if (w.state == WorkerSlot::State::Alive && w.peer) w.peer->session->send(mine);
  }
  dealtShares.clear();
  sharesDealt = true;
  recorder.record(KeysExchanged{now(), static_cast<int>(workers.size())});
}

bool Coordinator::Impl::onSecureDropout(int rank) {
  const int threshold = maskRecovery->threshold();
  if (!sharesDealt) {
    finish({0, EndReason::SecureAggregationDropout, 1, rank, 0, ""});
    return false;
  }
  // Everyone else finished already: the round it missed is lost (RoundsLost), the run is over.
  if (aliveCount() == 0) return true;
  if (aliveCount() < threshold) {
    finish({0, EndReason::SecureAggregationDropout, 1, rank, threshold, ""});
    return false;
  }
  maskRecovery->expect(rank);
  std::fprintf(stderr, "secure aggregation: worker %d dropped out; asking the %d survivors for "
                       "its mask key's shares\n", rank, aliveCount());
  for (auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive && w.peer) {
      w.peer->session->send(Reveal{static_cast<std::uint32_t>(rank), {}});
    }
  }
  return true;
}

void Coordinator::Impl::onReveal(int rank, const Reveal& reveal) {
  if (!maskRecovery || reveal.owner >= workers.size()) {
    workers[static_cast<std::size_t>(rank)].peer->session->close(
        {CloseReason::Kind::ProtocolError, 0, "unexpected REVEAL from a worker"});
    return;
  }
  const int owner = static_cast<int>(reveal.owner);
  // No one else will answer once every survivor has.
  const bool last = maskRecovery->sharesOf(owner) + 1 >= aliveCount();
  switch (maskRecovery->addShare(owner, rank, reveal.share, last)) {
    case MaskRecovery::Outcome::Waiting:
    case MaskRecovery::Outcome::Ignored:
      return;
    case MaskRecovery::Outcome::Wrong:
      return finish({0, EndReason::Failed, 1, owner, 0,
                     "secure aggregation: the survivors' shares of worker " +
                         std::to_string(owner) +
                         "'s mask key do not give the key it advertised"});
    case MaskRecovery::Outcome::Rebuilt:
      break;
  }
  const int shares = maskRecovery->sharesOf(owner);
  std::fprintf(stderr, "secure aggregation: worker %d's mask key rebuilt from %d shares\n", owner,
               shares);
  recorder.record(Notice{now(), NoticeKind::MaskKeyRebuilt, owner,
                         static_cast<std::uint64_t>(shares), ""});
  const auto start = now();
  recordApplied(ps->retryRound(), start);
  releaseLentPushes();
  reportLostRounds();
  releasePulls();
  checkEnd();
}

}  // namespace distlab::engine
