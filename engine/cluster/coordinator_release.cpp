// The coordinator's side of a round's end: the PARAMS that release waiting workers (side by
// side, from one snapshot), and the local workers' PUSH mailboxes handed back.
#include <sched.h>

#include <cstdio>

#include "cluster/coordinator_impl.h"

namespace distlab::engine {

void Coordinator::Impl::releaseLentPushes() {
  if (ps->holdsLent()) return;
  for (const auto& s : lentSessions) s->releaseLentPush();
  lentSessions.clear();
}

void Coordinator::Impl::releasePulls() {
  std::vector<Session::SharedSend> sends;
  for (std::size_t k = 0; k < workers.size(); ++k) {
    auto& slot = workers[k];
    const int rank = static_cast<int>(k);
    if (slot.state != WorkerSlot::State::Alive || !slot.pullHeld) continue;
    if (paused && slot.stepCredit == 0) continue;
    if (!ps->mayStart(rank)) continue;
    if (paused) --slot.stepCredit;
    ps->noteStart(rank);
    if (slot.peer->paramsInRegion) {  // the server's update wrote them there: nothing to copy
      const auto floats = static_cast<std::uint32_t>(ps->parameters().size());
      sends.push_back({slot.peer->session, Params{ps->version(), {}}, nullptr, floats});
      slot.pullHeld = false;
      continue;
    }
    auto params = snapshotFor(rank);
    if (capturePending(rank) && !ps->rule().gathersRounds) {
      sentParams.resize(workers.size());
      sentParams[k] = {ps->version(), params};
    }
    sends.push_back({slot.peer->session, Params{ps->version(), {}}, std::move(params)});
    slot.pullHeld = false;  // the worker records its wait itself, from its own request
  }
  // A barrier releases every worker at once: their PARAMS go out side by side.
  if (sends.size() == 1 && sends.front().regionFloats == 0) {
    sends.front().session->sendShared(std::move(sends.front().fields),
                                      std::move(sends.front().values));
  } else if (!sends.empty()) {
    Session::sendSharedToMany(sends, paramsWriter);
    // Let the released workers have the cores first: on a machine with no core to spare, the
    // bookkeeping that follows would otherwise hold one worker back for the whole step, and the
    // next barrier waits for it. It runs once a core is free (say, when the first worker waits
    // at the next barrier): 73k -> 90k samples/s with 2 workers on 2 cores (bench/RESULTS.md).
    if (sends.size() > 1) sched_yield();
  }
}

bool Coordinator::Impl::usesParamsRegion() const {
  const SyncRule& rule = ps->rule();
  return rule.gathersRounds && rule.pushKind == PushKind::Gradient && !rule.workersKeepOwnModels();
}

void Coordinator::Impl::offerParamsRegion(Peer& peer, int rank) {
  if (!usesParamsRegion()) return;
  if (!paramsRegion) {
    removeStaleSharedParams();  // left by a coordinator that was killed
    try {
      paramsRegion = SharedParams::create(static_cast<std::uint32_t>(ps->parameters().size()));
    } catch (const Error& e) {
      std::fprintf(stderr, "no shared parameter region (%s): PARAMS are copied\n", e.what());
      return;
    }
    ps->keepParametersIn(paramsRegion->floats());
  }
  peer.session->send(Shared{paramsRegion->name(), paramsRegion->nonce()});
  peer.paramsInRegion = true;
  std::fprintf(stderr, "worker %d: reads the parameters from the shared region\n", rank);
}

std::shared_ptr<const std::vector<float>> Coordinator::Impl::snapshotFor(int rank) {
  // E-DNN: every worker goes on from its own model.
  if (ps->rule().workersKeepOwnModels()) {
    const auto own = ps->parametersFor(rank);
    return std::make_shared<const std::vector<float>>(own.begin(), own.end());
  }
  return snapshot();
}

std::shared_ptr<const std::vector<float>> Coordinator::Impl::snapshot() {
  // Under gathered rounds (BSP, local SGD) the parameters change only once every live worker has
  // received them and pushed again, so every PARAMS write is done by then: they go out from the
  // server's own buffer (a non-owning pointer; the io_context dies before the server). The
  // asynchronous rules change them while sends are in flight, so those send a copy.
  // Parameters kept in the shared region (the local workers') go to the others as a copy.
  if (ps->rule().gathersRounds && !ps->parametersInRegion()) {
    return {std::shared_ptr<void>(), &ps->parameterVector()};
  }
  if (!paramsSnapshot || snapshotVersion != ps->version()) {
    const auto p = ps->parameters();
    paramsSnapshot = std::make_shared<const std::vector<float>>(p.begin(), p.end());
    snapshotVersion = ps->version();
  }
  return paramsSnapshot;
}

}  // namespace distlab::engine
