// The coordinator's conversations: handshakes, worker messages (PULL, PUSH, TELEMETRY, done),
// monitor CONTROL commands and closed connections.
#include <csignal>

#include "cluster/coordinator_impl.h"
#include "cluster/paillier_party.h"
#include "cluster/push_capture.h"
#include "cluster/worker_schedule.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "encoders/update_encoder.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {

void Coordinator::Impl::onMessage(const std::shared_ptr<Peer>& peer, Message&& message) {
  peer->lastSeenNs = now();
  if (!peer->authed) return onHandshake(peer, std::move(message));
  if (peer->role == PeerRole::Worker) return onWorkerMessage(peer->rank, std::move(message));
  if (const auto* control = std::get_if<Control>(&message)) return onControl(*control);
  if (!std::holds_alternative<Heartbeat>(message)) {
    peer->session->close({CloseReason::Kind::ProtocolError, 0,
                          "a monitor may send only CONTROL and HEARTBEAT"});
  }
}

void Coordinator::Impl::onHandshake(const std::shared_ptr<Peer>& peer, Message&& message) {
  if (auto* hello = std::get_if<Hello>(&message); hello && !peer->helloSeen) {
    peer->helloSeen = true;
    peer->role = hello->role;
    peer->rank = hello->role == PeerRole::Worker ? static_cast<int>(hello->rank) : -1;
    if (!peer->sameHost) peer->clockOffsetNs = now() - hello->clockNs;  // latency ignored
    peer->nonce = makeNonce(nonceRng);
    peer->session->send(Challenge{peer->nonce});
    return;
  }
  const auto* auth = std::get_if<Auth>(&message);
  if (!auth || !peer->helloSeen) return refuse(peer, RefusalReason::HandshakeViolation);
  const auto rank = static_cast<std::uint32_t>(std::max(peer->rank, 0));
  if (!verifyAnswer(options.token, peer->nonce, rank, kProtocolVersion, auth->mac)) {
    return refuse(peer, RefusalReason::WrongToken);
  }
  peer->handshakeTimer->cancel();
  if (peer->role != PeerRole::Worker) return admitMonitor(peer);
  admitWorker(peer);
}

void Coordinator::Impl::refuse(const std::shared_ptr<Peer>& peer, RefusalReason reason,
                               std::uint32_t limit) {
  peer->reported = true;
  const int rank = peer->role == PeerRole::Worker ? peer->rank : kServerLane;
  recorder.record(ConnectionRefused{now(), rank, reason, peer->from, limit});
  std::fprintf(stderr, "server: connection from %s refused (%s)\n", peer->from.c_str(),
               enumName(reason));
  peer->session->send(Shutdown{std::string("connection refused: ") + enumName(reason)});
  // Let the SHUTDOWN go out before the socket closes.
  auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(100));
  timer->async_wait([peer, timer](boost::system::error_code) { peer->session->close(); });
}

void Coordinator::Impl::admitWorker(const std::shared_ptr<Peer>& peer) {
  const int rank = peer->rank;
  if (rank < 0 || rank >= static_cast<int>(workers.size())) {
    return refuse(peer, RefusalReason::RankOutOfRange, static_cast<std::uint32_t>(workers.size()));
  }
  auto& slot = workers[static_cast<std::size_t>(rank)];
  if (slot.state == WorkerSlot::State::Alive) return refuse(peer, RefusalReason::RankConnected);
  if (slot.state == WorkerSlot::State::Finished) return refuse(peer, RefusalReason::RankFinished);
  const bool restarted =
      slot.state == WorkerSlot::State::Dead || slot.restarting != WorkerReason::None;
  // A resumed run's workers lost before its checkpoint rejoin too.
  const bool rejoin = slot.state == WorkerSlot::State::Dead ||
                      slot.restarting != WorkerReason::None || !ps->clocks().alive(rank);
  // Its mask key is (being) rebuilt: a push from it now could be unmasked alone.
  if (rejoin && ps->rule().secureAggregation) return refuse(peer, RefusalReason::RankDroppedOut);
  // A first join starts at its clock: 0, or a resumed run's checkpoint's.
  const std::uint64_t startClock = rejoin ? ps->rejoin(rank) : ps->clocks().clock(rank);
  const WorkerReason restartedBy = slot.restarting;
  const int restartNumber = slot.restartsUsed;
  if (rejoin) noteRejoin(rank, startClock);
  peer->authed = true;
  slot.state = WorkerSlot::State::Alive;
  slot.peer = peer;
  slot.pullHeld = false;
  // A worker keeps a Step given while it was starting (a resumed run's lost ranks too); one
  // that died or is restarted starts without one.
  if (restarted) slot.stepCredit = 0;
  const auto pid = launcher.pidOfRank(rank);
  slot.pid = pid.value_or(0);
  peer->session->send(
      Welcome{static_cast<std::uint32_t>(ps->parameters().size()), startClock, specToString(spec)});
  // A worker restarted after the key went out waits for it like the first ones did.
  if (homomorphicSum && homomorphicSum->hasKey()) peer->session->send(homomorphicSum->key());
  WorkerState joined;
  joined.worker = rank;
  joined.status = rejoin ? WorkerStatus::Rejoined : WorkerStatus::Joined;
  joined.reason = restartedBy != WorkerReason::None ? restartedBy
                  : slot.pid                         ? WorkerReason::Launched
                                                     : WorkerReason::StartedByHand;
  if (restartedBy == WorkerReason::RestartPolicy) joined.value = restartNumber;
  joined.pid = slot.pid;
  joined.clock = startClock;
  workerState(joined);
}

void Coordinator::Impl::admitMonitor(const std::shared_ptr<Peer>& peer) {
  std::size_t monitors = 0;
  for (const auto& p : peers) monitors += p->authed && p->role != PeerRole::Worker;
  if (monitors >= kMaxMonitors) {
    return refuse(peer, RefusalReason::TooManyMonitors, static_cast<std::uint32_t>(kMaxMonitors));
  }
  // The monitors already watching get what is pending, so the newcomer's history (which holds
  // it) and the next batch do not overlap.
  sendMonitorBatch();
  peer->authed = true;
  peer->session->send(
      Welcome{static_cast<std::uint32_t>(ps->parameters().size()), 0, specToString(spec)});
  // A monitor that connects late still sees the whole run (a controller reads none of it).
  const auto& history = recorder.history();
  if (peer->role == PeerRole::Monitor && !history.empty()) {
    peer->session->send(telemetryOf(history));
  }
}

void Coordinator::Impl::onWorkerMessage(int rank, Message&& message) {
  auto& slot = workers[static_cast<std::size_t>(rank)];
  // The key holder decrypts the last round's sum after its own last push.
  if (auto* decrypted = std::get_if<Decrypted>(&message)) return onDecrypted(rank, std::move(*decrypted));
  if (slot.state != WorkerSlot::State::Alive) return;
  if (std::holds_alternative<Pull>(message)) {
    slot.pullHeld = true;
    return releasePulls();
  }
  if (auto* push = std::get_if<Push>(&message)) {
    if (push->encoding == kPaillierEncoding) return onSealedPush(rank, std::move(*push));
    // An encoded update (cluster.encoder) is aggregated as the values it stands for.
    if (!decodePushUpdate(*push)) {
      slot.peer->session->close({CloseReason::Kind::BadPush, push->encoding,
                                 "an encoded update that does not decode"});
      return;
    }
    return onPush(rank, std::move(*push));
  }
  if (const auto* keys = std::get_if<Keys>(&message)) return onKeys(rank, *keys);
  if (auto* shares = std::get_if<KeyShares>(&message)) return onKeyShares(rank, std::move(*shares));
  if (const auto* reveal = std::get_if<Reveal>(&message)) return onReveal(rank, *reveal);
  if (const auto* key = std::get_if<PaillierKey>(&message)) return onPaillierKey(rank, *key);
  if (const auto* shared = std::get_if<Shared>(&message)) {
    // A worker on this machine: its floats may skip the socket. One elsewhere (the region is
    // not here), or a spec that says tcp: everything stays on TCP.
    if (spec.cluster.transport != "shared-memory" || slot.peer->session->usesSharedFloats()) return;
    const auto floats = static_cast<std::uint32_t>(ps->parameters().size());
    auto region = SharedFloats::attach(shared->name, shared->nonce, floats);
    if (region && slot.peer->session->useSharedFloats(std::move(region), /*lendPushes=*/true)) {
      std::fprintf(stderr, "worker %d: PARAMS and PUSH floats through shared memory\n", rank);
      offerParamsRegion(*slot.peer, rank);
    }
    return;
  }
  if (auto* telemetry = std::get_if<Telemetry>(&message)) {
    std::vector<Event> events;
    const auto decoded = decodeTelemetry(*telemetry, events);
    if (!decoded.ok) {
      slot.peer->session->close({CloseReason::Kind::BadTelemetry, 0, "bad telemetry: " + decoded.error});
      return;
    }
    for (auto& e : events) {
      shiftTime(e, slot.peer->clockOffsetNs);
      recorder.record(e);
    }
    return;
  }
  if (std::holds_alternative<Shutdown>(message)) {  // the worker did all its steps
    slot.state = WorkerSlot::State::Finished;
    WorkerState finished;
    finished.worker = rank;
    finished.status = WorkerStatus::Finished;
    workerState(finished);
    const auto start = now();
    recordApplied(ps->leave(rank), start);
    releaseLentPushes();
    reportLostRounds();
    releasePulls();
    return checkEnd();
  }
  if (!std::holds_alternative<Heartbeat>(message)) {
    slot.peer->session->close(
        {CloseReason::Kind::ProtocolError, 0, "unexpected message from a worker"});
  }
}

bool Coordinator::Impl::capturePending(int rank) const {
  const auto r = static_cast<std::size_t>(rank);
  return (capturesKept < spec.privacy.captureCount && rank == spec.privacy.captureWorker) ||
         (captureNext.size() > r && captureNext[r]);
}

bool Coordinator::Impl::capturePush(int rank, const Push& push, std::uint64_t step,
                                     std::span<const float> params, const std::string& folder,
                                     bool announce) {
  // The honest-but-curious server keeps what it was sent (and, for scoring the attack only,
  // which rows the worker used), with the spec, so the folder can be attacked on its own.
  PushCapture c;
  c.worker = rank;
  c.step = step;
  c.baseVersion = push.baseVersion;
  c.serverVersion = ps->version();
  c.samples = push.samples;
  if (ps->rule().secureAggregation) {
    // What the server can read of a masked push on its own: fixed-point noise.
    c.gradient = decodeLonePush(push.values, ps->rule().maskedWeight(push.samples));
    c.masked = true;
  } else {
    c.gradient.assign(push.values.begin(), push.values.end());
  }
  c.parameters.assign(params.begin(), params.end());
  const auto rows = scheduleOf(rank).batch(step);
  c.rows.assign(rows.begin(), rows.end());
  try {
    writePushCapture(options.outDir + "/" + folder, c, specToString(spec));
  } catch (const Error& e) {  // a full disk must not end the run
    std::fprintf(stderr, "capture failed: %s\n", e.what());
    recorder.record(Notice{now(), NoticeKind::CaptureFailed, rank, step, folder});
    return false;
  }
  if (!announce) return true;
  std::fprintf(stderr, "captured worker %d's push of step %llu\n", rank,
               static_cast<unsigned long long>(step));
  recorder.record(PushCaptured{now(), rank, step, folder});
  return true;
}

void Coordinator::Impl::onPush(int rank, Push&& push) {
  const auto start = now();
  const auto& privacy = spec.privacy;
  const std::uint64_t step = ps->clocks().clock(rank);
  // A local worker's gradient is read where it lies, in shared memory. Anything that keeps or
  // inspects the push itself (a capture, secure aggregation, models) gets its own copy.
  const auto session = workers[static_cast<std::size_t>(rank)].peer->session;
  std::span<const float> lent = session->lentPush();
  const bool capturing = capturePending(rank);
  if (!lent.empty() &&
      (capturing || push.kind != PushKind::Gradient || ps->rule().secureAggregation)) {
    push.values.assign(lent.begin(), lent.end());
    session->releaseLentPush();
    lent = {};
  }
  // A gradient is kept with the parameters it was computed on: the server's own when nothing
  // moved them since (always under BSP), else the copy sent to this worker (ASP/SSP).
  const auto r = static_cast<std::size_t>(rank);
  std::span<const float> base;
  if (push.kind == PushKind::Gradient) {
    if (push.baseVersion == ps->version()) {
      base = ps->parameters();
    } else if (sentParams.size() > r && sentParams[r].second &&
               sentParams[r].first == push.baseVersion) {
      base = *sentParams[r].second;
    }
  }
  const bool attackable = !base.empty();
  if (capturesKept < privacy.captureCount && rank == privacy.captureWorker && attackable &&
      step >= static_cast<std::uint64_t>(privacy.captureStep)) {
    // One push goes to OUT/capture; a series (the property attack's rounds) to
    // OUT/capture-series/step-S, announced once, at its first push.
    char series[32];
    std::snprintf(series, sizeof series, "capture-series/step-%06llu",
                  static_cast<unsigned long long>(step));
    if (capturePush(rank, push, step, base, privacy.captureCount == 1 ? "capture" : series,
                    !seriesAnnounced)) {
      seriesAnnounced = true;
    }
    if (++capturesKept == privacy.captureCount && privacy.captureCount > 1) {
      std::fprintf(stderr, "kept %d pushes of worker %d in capture-series/\n", capturesKept,
                   rank);
    }
  }
  if (captureNext.size() > r && captureNext[r] && push.kind != PushKind::Gradient) {
    captureNext[r] = false;
    std::fprintf(stderr, "capture: worker %d pushes models (local SGD), not gradients; nothing "
                         "kept\n", rank);
    recorder.record(Notice{now(), NoticeKind::CaptureNotGradient, rank, step, ""});
  }
  if (captureNext.size() > r && captureNext[r] && attackable) {
    captureNext[r] = false;
    capturePush(rank, push, step, base,
                "captures/worker-" + std::to_string(rank) + "-step-" + std::to_string(step));
  }
  if (!capturePending(rank) && sentParams.size() > r) sentParams[r] = {};
  std::optional<AppliedUpdate> applied;
  try {
    if (lent.empty()) {
      applied = ps->push(rank, push.kind, push.baseVersion, push.samples, std::move(push.values));
    } else {
      lentSessions.push_back(session);
      applied = ps->pushLent(rank, push.kind, push.baseVersion, push.samples, lent);
    }
    releaseLentPushes();
  } catch (const Error& e) {
    workers[static_cast<std::size_t>(rank)].peer->session->close(
        {CloseReason::Kind::BadPush, 0, e.what()});
    return;
  }
  // The aggregate span ends here, not after the release below: writing the PARAMS (and the
  // core given up after them) is not aggregation.
  const auto aggregated = now();
  auto& slot = workers[static_cast<std::size_t>(rank)];
  slot.peer->session->recycle(ps->takeSpare());
  if (push.pullNext) slot.pullHeld = true;
  // Waiting workers first: under BSP this is the barrier's critical path; the bookkeeping
  // (telemetry, the evaluation snapshot) can follow.
  releasePulls();
  recordApplied(applied, start, aggregated);
  reportLostRounds();
}

void Coordinator::Impl::reportLostRounds() {
  if (ps->lostRounds() == lostRoundsReported) return;
  lostRoundsReported = ps->lostRounds();
  recorder.record(RoundsLost{now(), lostRoundsReported});
}

void Coordinator::Impl::recordApplied(const std::optional<AppliedUpdate>& applied,
                                      std::int64_t start, std::int64_t endNs) {
  if (!applied) return;
  const auto end = endNs ? endNs : now();
  recorder.record(Span{kServerLane, SpanKind::Aggregate, start, end, applied->version, 0});
  if (!applied->verdicts.empty()) {
    PushVerdicts v{end, applied->version, {}, {}, {}, {}, {}};
    for (const auto& p : applied->verdicts) {
      v.workers.push_back(p.worker);
      v.fates.push_back(p.fate);
      v.norms.push_back(p.norm);
      v.cosines.push_back(p.cosine);
      v.scores.push_back(p.score);
    }
    recorder.record(std::move(v));
  }
  for (const auto& c : applied->contributions) {
    recorder.record(Staleness{end, c.worker, applied->version, c.staleness, c.clockGap});
    recorder.addSamples(c.samples);
  }
  const auto every = static_cast<std::uint64_t>(spec.cluster.evalEvery);
  if (applied->version / every != lastEvalVersion / every) {
    lastEvalVersion = applied->version;
    evaluator->submit(applied->version, recorder.progress(end), ps->evaluatedModel());
  }
  maybeCheckpoint();
}

void Coordinator::Impl::onControl(const Control& c) {
  const auto command = static_cast<ControlCommand>(c.command);
  const int target = static_cast<int>(c.target);
  const bool validTarget = target >= 0 && target < static_cast<int>(workers.size());
  auto* slot = validTarget ? &workers[static_cast<std::size_t>(target)] : nullptr;
  switch (command) {
    case ControlCommand::Kill:
      if (!slot || slot->state != WorkerSlot::State::Alive) return;
      slot->killRequested = true;
      if (slot->pid) {
        launcher.signal(slot->pid, SIGKILL);
      } else {
        slot->peer->session->send(c);
      }
      return;
    case ControlCommand::Slow:
    case ControlCommand::Restore:
      if (!slot || slot->state != WorkerSlot::State::Alive) return;
      slot->peer->session->send(c);
      {
        WorkerState changed;
        changed.worker = target;
        changed.status =
            command == ControlCommand::Slow ? WorkerStatus::Slowed : WorkerStatus::Restored;
        changed.reason = WorkerReason::FromMonitor;
        changed.value = command == ControlCommand::Slow ? c.value : 1.0;
        workerState(changed);
      }
      return;
    case ControlCommand::Pause:
      paused = true;
      // Steps not taken before a Resume do not carry over into a later pause.
      for (auto& w : workers) w.stepCredit = 0;
      recorder.record(RunControlled{now(), command});
      return;
    case ControlCommand::Resume:
      paused = false;
      for (auto& w : workers) w.stepCredit = 0;
      recorder.record(RunControlled{now(), command});
      return releasePulls();
    case ControlCommand::Step:
      if (!paused) return;
      // Every worker of the round, those still starting too: a Step before they joined is one
      // whole round, not one of the workers there so far waiting at a barrier for the rest.
      for (auto& w : workers) {
        const bool starting =
            w.state == WorkerSlot::State::Waiting && w.restarting == WorkerReason::None;
        w.stepCredit = w.state == WorkerSlot::State::Alive || starting ? 1 : 0;
      }
      recorder.record(RunControlled{now(), command});
      return releasePulls();
    case ControlCommand::Stop:
      return finish({0, EndReason::Stopped, 0, kServerLane, 0, ""});
    case ControlCommand::Restart:
      if (!slot || slot->state != WorkerSlot::State::Dead || !spec.cluster.launchWorkers ||
          ps->rule().secureAggregation) {
        return;
      }
      return beginRestart(target, WorkerReason::RestartFromMonitor);
    case ControlCommand::Capture:
      if (!slot || slot->state != WorkerSlot::State::Alive) return;
      captureNext.resize(workers.size(), false);
      captureNext[static_cast<std::size_t>(target)] = true;
      return;
  }
}

namespace {

// Why a worker's connection ended, as the telemetry says it.
WorkerReason workerReasonOf(const CloseReason& r) {
  using K = CloseReason::Kind;
  switch (r.kind) {
    case K::Requested:
    case K::PeerClosed:
      return WorkerReason::ConnectionClosed;
    case K::NetworkError:
      return WorkerReason::NetworkError;
    case K::BadFrame:
      return WorkerReason::BadFrame;
    case K::ProtocolError:
      return WorkerReason::ProtocolError;
    case K::Timeout:
      return WorkerReason::HeartbeatTimeout;
    case K::BadTelemetry:
      return WorkerReason::BadTelemetry;
    case K::BadPush:
      return WorkerReason::BadPush;
  }
  return WorkerReason::ConnectionClosed;
}

}  // namespace

void Coordinator::Impl::onClose(const std::shared_ptr<Peer>& peer, const CloseReason& reason) {
  std::erase(peers, peer);
  if (!peer->authed && !peer->reported && reason.kind != CloseReason::Kind::Requested && !ending) {
    // e.g. a port scanner or a client of another protocol: bad frames end it before any payload
    recorder.record(ConnectionRefused{now(), kServerLane, RefusalReason::DroppedBeforeAuth,
                                      peer->from, 0});
  }
  if (!peer->authed || peer->role != PeerRole::Worker || ending) return;
  auto& slot = workers[static_cast<std::size_t>(peer->rank)];
  if (slot.peer != peer) return;
  slot.peer.reset();
  // Without the key holder no sum can be decrypted: not the one it owes, nor any later one.
  const bool holderGone = homomorphicSum && peer->rank == PaillierParty::kKeyHolder &&
                          (slot.state == WorkerSlot::State::Alive || homomorphicSum->awaiting());
  const RunEnded holderLost{0, EndReason::KeyHolderLost, 1, peer->rank, 0, ""};
  if (slot.state != WorkerSlot::State::Alive) {
    if (holderGone) finish(holderLost);
    return;
  }
  slot.state = WorkerSlot::State::Dead;
  slot.pullHeld = false;
  slot.deathClock = ps->clocks().clock(peer->rank);
  WorkerState died;
  died.worker = peer->rank;
  died.status = WorkerStatus::Died;
  died.reason = slot.killRequested ? WorkerReason::Killed : workerReasonOf(reason);
  died.pid = slot.pid;
  if (reason.kind == CloseReason::Kind::Timeout) died.value = reason.code;
  if (reason.kind == CloseReason::Kind::BadFrame || reason.kind == CloseReason::Kind::NetworkError) {
    died.code = reason.code;
  }
  workerState(died);
  slot.killRequested = false;
  if (holderGone) return finish(holderLost);
  if (ps->rule().secureAggregation && !onSecureDropout(peer->rank)) return;
  const auto start = now();
  recordApplied(ps->leave(peer->rank), start);
  releaseLentPushes();
  releasePulls();
  if (!restartByPolicy(peer->rank)) checkEnd();
}

}  // namespace distlab::engine
