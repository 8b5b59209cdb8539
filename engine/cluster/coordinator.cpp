#include "cluster/coordinator.h"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <random>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "cluster/evaluator.h"
#include "cluster/launcher.h"
#include "cluster/parameter_server.h"
#include "cluster/run_recorder.h"
#include "cluster/worker_schedule.h"
#include "comm/blocking_channel.h"
#include "comm/handshake.h"
#include "comm/session.h"
#include "core/error.h"
#include "data/load.h"
#include "nn/builders.h"

namespace distlab::engine {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr auto kTick = std::chrono::milliseconds(33);  // monitors get telemetry at <= 30 Hz
constexpr std::size_t kMaxMonitors = 4;
constexpr std::int64_t kMinWaitNs = 20'000;  // shorter waits are noise, not barrier time

/// A connection: a worker or a monitor, authenticated or still in its handshake.
struct Peer {
  std::shared_ptr<Session> session;
  PeerRole role = PeerRole::Worker;
  int rank = -1;
  bool helloSeen = false, authed = false;
  bool reported = false;  ///< its refusal is already in the telemetry
  std::vector<std::uint8_t> nonce;
  std::unique_ptr<asio::steady_timer> handshakeTimer;
  std::int64_t lastSeenNs = 0;
  /// Loopback peers share our steady clock; another machine's is mapped with an offset.
  bool sameHost = true;
  std::int64_t clockOffsetNs = 0;  ///< add to the peer's timestamps to get ours
};

/// What the coordinator knows of one worker rank.
struct WorkerSlot {
  enum class State { Waiting, Alive, Finished, Dead } state = State::Waiting;
  std::shared_ptr<Peer> peer;
  std::optional<std::int64_t> pullSince;  ///< a PULL is held since then
  int stepCredit = 0;                     ///< steps allowed while paused
  int pid = 0;                            ///< the process we started for it (0: started by hand)
  bool killRequested = false;             ///< a monitor asked to kill it
};

std::string hostOf(const tcp::endpoint& e) { return e.address().to_string(); }

}  // namespace

struct Coordinator::Impl {
  Impl(Spec s, CoordinatorOptions o);

  int run();
  void listen();
  void accept();
  void onMessage(const std::shared_ptr<Peer>& peer, Message&& message);
  void onHandshake(const std::shared_ptr<Peer>& peer, Message&& message);
  void admitWorker(const std::shared_ptr<Peer>& peer);
  void admitMonitor(const std::shared_ptr<Peer>& peer);
  void reject(const std::shared_ptr<Peer>& peer, LifecycleKind kind, const std::string& why);
  void onWorkerMessage(int rank, Message&& message);
  void onPush(int rank, Push&& push);
  void onControl(const Control& control);
  void onClose(const std::shared_ptr<Peer>& peer, const std::string& reason);
  void recordApplied(const std::optional<AppliedUpdate>& applied, std::int64_t startNs);
  void releasePulls();
  /// The parameters of the current version, copied once and shared by every reply.
  std::shared_ptr<const std::vector<float>> snapshot();
  void onTick();
  void sendMonitorBatch();
  void startWorker(int rank);
  void checkEnd();
  void finish(const std::string& reason, int exitCode);
  void lifecycle(int worker, LifecycleKind kind, const std::string& detail);
  std::int64_t now() const { return steadyNowNs(); }
  int aliveCount() const;

  Spec spec;
  CoordinatorOptions options;
  TrainTest data;
  std::unique_ptr<ParameterServer> ps;
  RunRecorder recorder;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  asio::steady_timer tickTimer{io};
  std::unique_ptr<Evaluator> evaluator;
  Launcher launcher;
  std::vector<WorkerSlot> workers;
  std::vector<std::shared_ptr<Peer>> peers;
  Rng nonceRng;
  std::uint16_t port = 0;
  std::int64_t startNs = 0, joinDeadlineNs = 0;
  std::uint64_t lastEvalVersion = 0;
  std::shared_ptr<const std::vector<float>> paramsSnapshot;
  std::uint64_t snapshotVersion = 0;
  bool paused = false, ending = false;
  int exitCode = 0;
};

namespace {
TrainTest loadData(const Spec& spec) {
  std::fprintf(stderr, "loading %s...\n", spec.dataset.name.c_str());
  return loadDataset(spec.dataset, spec.seed);
}
// The final global model as raw little-endian float32, for later study (and the tests).
void writeParameters(const std::string& path, std::span<const float> params) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(params.data()),
            static_cast<std::streamsize>(params.size_bytes()));
  if (!out) throw Error("cannot write " + path);
}

std::uint64_t entropy() {
  std::random_device rd;
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}
}  // namespace

Coordinator::Impl::Impl(Spec s, CoordinatorOptions o)
    : spec(std::move(s)),
      options(std::move(o)),
      data(loadData(spec)),
      recorder(options.outDir, spec, data.train.size()),
      workers(static_cast<std::size_t>(spec.cluster.workers)),
      nonceRng(Rng(entropy())) {
  if (options.token.empty()) options.token = makeRunToken(entropy(), entropy());
  Model model = buildModelFor(spec, data.train);
  const auto p = model.parameters();
  const SyncRule rule = syncRuleFor(spec.cluster);
  ps = std::make_unique<ParameterServer>(
      std::vector<float>(p.begin(), p.end()),
      rule.pushKind == PushKind::Gradient ? makeOptimizer(spec.training) : nullptr, rule,
      spec.cluster.workers);
  evaluator = std::make_unique<Evaluator>(spec, data.train, data.test, [this](EvaluationResult r) {
    asio::post(io, [this, r = std::move(r)] {
      if (!ending) recorder.recordEvaluation(r, startNs, aliveCount());
    });
  });
}

int Coordinator::Impl::aliveCount() const {
  int n = 0;
  for (const auto& w : workers) n += w.state == WorkerSlot::State::Alive;
  return n;
}

void Coordinator::Impl::lifecycle(int worker, LifecycleKind kind, const std::string& detail) {
  recorder.record(Lifecycle{now(), worker, kind, detail});
  if (kind != LifecycleKind::Joined && kind != LifecycleKind::Finished) {
    std::fprintf(stderr, "%s%s: %s\n", worker >= 0 ? "worker " : "server",
                 worker >= 0 ? std::to_string(worker).c_str() : "", detail.c_str());
  }
}

void Coordinator::Impl::listen() {
  const auto address = asio::ip::make_address(spec.cluster.bind);
  const tcp::endpoint endpoint(address, static_cast<std::uint16_t>(spec.cluster.port));
  boost::system::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw Error("cannot listen on " + spec.cluster.bind + ":" + std::to_string(spec.cluster.port) +
                ": " + ec.message());
  }
  port = acceptor.local_endpoint().port();
  std::printf("listening %s:%u\n", spec.cluster.bind.c_str(), port);
  std::fflush(stdout);
}

void Coordinator::Impl::accept() {
  acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (ec || ending) return;
    std::size_t pending = 0;
    for (const auto& p : peers) pending += !p->authed;
    if (pending >= workers.size() + kMaxMonitors) {
      boost::system::error_code ignored;
      socket.close(ignored);  // more strangers than could possibly belong to this run
      return accept();
    }
    const bool loopback = socket.remote_endpoint(ec).address().is_loopback();
    const std::string from = ec ? std::string("?") : hostOf(socket.remote_endpoint(ec));
    auto peer = std::make_shared<Peer>();
    peer->sameHost = loopback;
    peer->lastSeenNs = now();
    const auto modelSize = static_cast<std::uint32_t>(ps->parameters().size());
    DecodeLimits limits;
    limits.modelSize = modelSize;
    limits.maxPayload = std::max<std::uint32_t>(64u << 20, modelSize * 4 + 1024);
    peer->session = std::make_shared<Session>(std::move(socket), limits);
    peer->handshakeTimer = std::make_unique<asio::steady_timer>(io);
    peer->handshakeTimer->expires_after(std::chrono::milliseconds(spec.cluster.handshakeTimeoutMs));
    std::weak_ptr<Peer> weak = peer;
    peer->handshakeTimer->async_wait([this, weak, from](boost::system::error_code e) {
      auto p = weak.lock();
      if (e || !p || p->authed) return;
      p->reported = true;
      lifecycle(p->rank, LifecycleKind::AuthFailed,
                "no authentication from " + from + " within " +
                    std::to_string(spec.cluster.handshakeTimeoutMs) + " ms");
      p->session->close("handshake timed out");
    });
    peer->session->observeFrames([this, weak](MessageType type, std::size_t bytes, bool sent) {
      auto p = weak.lock();
      // After the run's end nothing more is recorded: the monitors have had their last batch.
      if (ending || !p || p->role != PeerRole::Worker || p->rank < 0 || !p->authed) return;
      recorder.record(TrafficRecord{now(), p->rank,
                                    sent ? Direction::ToWorker : Direction::ToServer, type, bytes});
    });
    peers.push_back(peer);
    peer->session->start(
        [this, weak](Message&& m) {
          if (auto p = weak.lock()) onMessage(p, std::move(m));
        },
        [this, weak](const std::string& reason) {
          if (auto p = weak.lock()) onClose(p, reason);
        });
    accept();
  });
}

void Coordinator::Impl::onMessage(const std::shared_ptr<Peer>& peer, Message&& message) {
  peer->lastSeenNs = now();
  if (!peer->authed) return onHandshake(peer, std::move(message));
  if (peer->role == PeerRole::Worker) return onWorkerMessage(peer->rank, std::move(message));
  if (const auto* control = std::get_if<Control>(&message)) return onControl(*control);
  if (!std::holds_alternative<Heartbeat>(message)) {
    peer->session->close("a monitor may send only CONTROL and HEARTBEAT");
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
  if (!auth || !peer->helloSeen) {
    return reject(peer, LifecycleKind::AuthFailed, "protocol violation during the handshake");
  }
  const auto rank = static_cast<std::uint32_t>(std::max(peer->rank, 0));
  if (!verifyAnswer(options.token, peer->nonce, rank, kProtocolVersion, auth->mac)) {
    return reject(peer, LifecycleKind::AuthFailed, "wrong token: authentication failed");
  }
  peer->handshakeTimer->cancel();
  if (peer->role == PeerRole::Monitor) return admitMonitor(peer);
  admitWorker(peer);
}

void Coordinator::Impl::reject(const std::shared_ptr<Peer>& peer, LifecycleKind kind,
                               const std::string& why) {
  peer->reported = true;
  lifecycle(peer->role == PeerRole::Worker ? peer->rank : kServerLane, kind,
            "connection refused: " + why);
  peer->session->send(Shutdown{why});
  // Let the SHUTDOWN go out before the socket closes.
  auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(100));
  timer->async_wait([peer, timer](boost::system::error_code) { peer->session->close(); });
}

void Coordinator::Impl::admitWorker(const std::shared_ptr<Peer>& peer) {
  const int rank = peer->rank;
  if (rank < 0 || rank >= static_cast<int>(workers.size())) {
    return reject(peer, LifecycleKind::Rejected,
                  "rank " + std::to_string(rank) + " is out of range; allowed: 0 to " +
                      std::to_string(workers.size() - 1));
  }
  auto& slot = workers[static_cast<std::size_t>(rank)];
  if (slot.state == WorkerSlot::State::Alive || slot.state == WorkerSlot::State::Finished) {
    return reject(peer, LifecycleKind::Rejected,
                  "rank " + std::to_string(rank) +
                      (slot.state == WorkerSlot::State::Alive ? " is already connected"
                                                              : " has already finished"));
  }
  const bool rejoin = slot.state == WorkerSlot::State::Dead;
  const std::uint64_t startClock = rejoin ? ps->rejoin(rank) : 0;
  peer->authed = true;
  slot.state = WorkerSlot::State::Alive;
  slot.peer = peer;
  slot.pullSince.reset();
  slot.stepCredit = 0;
  const auto pid = launcher.pidOfRank(rank);
  slot.pid = pid.value_or(0);
  peer->session->send(
      Welcome{static_cast<std::uint32_t>(ps->parameters().size()), startClock, specToString(spec)});
  lifecycle(
      rank, rejoin ? LifecycleKind::Rejoined : LifecycleKind::Joined,
      (rejoin ? "rejoined at clock " + std::to_string(startClock) : std::string("joined")) +
          (slot.pid ? ", pid " + std::to_string(slot.pid) : std::string(", started by hand")));
}

void Coordinator::Impl::admitMonitor(const std::shared_ptr<Peer>& peer) {
  std::size_t monitors = 0;
  for (const auto& p : peers) monitors += p->authed && p->role == PeerRole::Monitor;
  if (monitors >= kMaxMonitors) {
    return reject(peer, LifecycleKind::Rejected,
                  "at most " + std::to_string(kMaxMonitors) + " monitors may watch a run");
  }
  // The monitors already watching get what is pending, so the newcomer's history (which holds
  // it) and the next batch do not overlap.
  sendMonitorBatch();
  peer->authed = true;
  peer->session->send(
      Welcome{static_cast<std::uint32_t>(ps->parameters().size()), 0, specToString(spec)});
  // A monitor that connects late still sees the whole run.
  const std::string& history = recorder.history();
  if (!history.empty()) {
    peer->session->send(Telemetry{std::vector<std::uint8_t>(history.begin(), history.end())});
  }
}

void Coordinator::Impl::onWorkerMessage(int rank, Message&& message) {
  auto& slot = workers[static_cast<std::size_t>(rank)];
  if (slot.state != WorkerSlot::State::Alive) return;
  if (std::holds_alternative<Pull>(message)) {
    slot.pullSince = now();
    return releasePulls();
  }
  if (auto* push = std::get_if<Push>(&message)) return onPush(rank, std::move(*push));
  if (auto* telemetry = std::get_if<Telemetry>(&message)) {
    std::vector<Event> events;
    std::string error;
    const std::string_view text(reinterpret_cast<const char*>(telemetry->events.data()),
                                telemetry->events.size());
    if (!decodeBatch(text, events, &error)) {
      slot.peer->session->close("bad telemetry: " + error);
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
    lifecycle(rank, LifecycleKind::Finished, "finished all its steps");
    const auto start = now();
    recordApplied(ps->leave(rank), start);
    releasePulls();
    return checkEnd();
  }
  if (!std::holds_alternative<Heartbeat>(message)) {
    slot.peer->session->close("unexpected message from a worker");
  }
}

void Coordinator::Impl::onPush(int rank, Push&& push) {
  const auto start = now();
  std::optional<AppliedUpdate> applied;
  try {
    applied = ps->push(rank, push.kind, push.baseVersion, push.samples, push.values);
  } catch (const Error& e) {
    workers[static_cast<std::size_t>(rank)].peer->session->close(e.what());
    return;
  }
  recordApplied(applied, start);
  workers[static_cast<std::size_t>(rank)].peer->session->recycle(std::move(push.values));
  releasePulls();
}

void Coordinator::Impl::recordApplied(const std::optional<AppliedUpdate>& applied,
                                      std::int64_t start) {
  if (!applied) return;
  const auto end = now();
  recorder.record(Span{kServerLane, SpanKind::Aggregate, start, end, applied->version, 0});
  for (const auto& c : applied->contributions) {
    recorder.record(StalenessRecord{end, c.worker, applied->version, c.staleness, c.clockGap});
    recorder.addSamples(c.samples);
  }
  const auto every = static_cast<std::uint64_t>(spec.cluster.evalEvery);
  if (applied->version / every != lastEvalVersion / every) {
    lastEvalVersion = applied->version;
    evaluator->submit(applied->version, ps->parameters());
  }
}

void Coordinator::Impl::releasePulls() {
  for (std::size_t k = 0; k < workers.size(); ++k) {
    auto& slot = workers[k];
    const int rank = static_cast<int>(k);
    if (slot.state != WorkerSlot::State::Alive || !slot.pullSince) continue;
    if (paused && slot.stepCredit == 0) continue;
    if (!ps->mayStart(rank)) continue;
    if (paused) --slot.stepCredit;
    ps->noteStart(rank);
    const auto t = now();
    if (t - *slot.pullSince >= kMinWaitNs) {
      recorder.record(Span{rank, SpanKind::Wait, *slot.pullSince, t, ps->clocks().clock(rank), 0});
    }
    slot.pullSince.reset();
    slot.peer->session->sendShared(Params{ps->version(), {}}, snapshot());
  }
}

std::shared_ptr<const std::vector<float>> Coordinator::Impl::snapshot() {
  if (!paramsSnapshot || snapshotVersion != ps->version()) {
    const auto p = ps->parameters();
    paramsSnapshot = std::make_shared<const std::vector<float>>(p.begin(), p.end());
    snapshotVersion = ps->version();
  }
  return paramsSnapshot;
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
      lifecycle(target,
                command == ControlCommand::Slow ? LifecycleKind::Slowed : LifecycleKind::Restored,
                command == ControlCommand::Slow ? "slowed down " + std::to_string(c.value) + "x"
                                                : std::string("back to full speed"));
      return;
    case ControlCommand::Pause:
      paused = true;
      lifecycle(kServerLane, LifecycleKind::Paused, "paused");
      return;
    case ControlCommand::Resume:
      paused = false;
      lifecycle(kServerLane, LifecycleKind::Resumed, "resumed");
      return releasePulls();
    case ControlCommand::Step:
      if (!paused) return;
      for (auto& w : workers) w.stepCredit = w.state == WorkerSlot::State::Alive ? 1 : 0;
      lifecycle(kServerLane, LifecycleKind::Stepped, "one step");
      return releasePulls();
    case ControlCommand::Stop:
      return finish("stopped by a monitor", 0);
    case ControlCommand::Restart:
      if (!slot || slot->state != WorkerSlot::State::Dead || !spec.cluster.launchWorkers) return;
      return startWorker(target);
  }
}

void Coordinator::Impl::onClose(const std::shared_ptr<Peer>& peer, const std::string& reason) {
  std::erase(peers, peer);
  if (!peer->authed && !peer->reported && !reason.empty() && !ending) {
    // e.g. a port scanner or a client of another protocol: bad frames end it before any payload
    lifecycle(kServerLane, LifecycleKind::Rejected,
              "dropped a connection before authentication: " + reason);
  }
  if (!peer->authed || peer->role != PeerRole::Worker || ending) return;
  auto& slot = workers[static_cast<std::size_t>(peer->rank)];
  if (slot.peer != peer) return;
  slot.peer.reset();
  if (slot.state != WorkerSlot::State::Alive) return;
  slot.state = WorkerSlot::State::Dead;
  slot.pullSince.reset();
  lifecycle(peer->rank, LifecycleKind::Died,
            slot.killRequested ? "killed from the monitor"
                               : (reason.empty() ? "connection closed" : reason));
  slot.killRequested = false;
  const auto start = now();
  recordApplied(ps->leave(peer->rank), start);
  releasePulls();
  checkEnd();
}

void Coordinator::Impl::startWorker(int rank) {
  const std::string address =
      (spec.cluster.bind == "0.0.0.0" ? std::string("127.0.0.1") : spec.cluster.bind) + ":" +
      std::to_string(port);
  launcher.spawn(
      {options.engineExe, "worker", "--connect", address, "--rank", std::to_string(rank)},
      {{kTokenEnvironmentVariable, options.token}}, rank);
}

void Coordinator::Impl::onTick() {
  const auto t = now();
  const auto timeoutNs = static_cast<std::int64_t>(spec.cluster.peerTimeoutMs) * 1'000'000;
  for (auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive && t - w.peer->lastSeenNs > timeoutNs) {
      w.peer->session->close("no heartbeat for " + std::to_string(spec.cluster.peerTimeoutMs) +
                             " ms");
    }
  }
  for (const auto& child : launcher.reap()) {
    const auto& slot = workers.at(static_cast<std::size_t>(child.rank));
    if (slot.state == WorkerSlot::State::Waiting) {
      return finish("worker " + std::to_string(child.rank) + " " + child.describe() +
                        " before joining the run",
                    1);
    }
  }
  bool waiting = false;
  for (const auto& w : workers) waiting |= w.state == WorkerSlot::State::Waiting;
  if (waiting && t > joinDeadlineNs) {
    return finish(
        "not every worker joined within " + std::to_string(spec.cluster.joinTimeoutS) + " s", 1);
  }
  sendMonitorBatch();
  recorder.flush();
  tickTimer.expires_after(kTick);
  tickTimer.async_wait([this](boost::system::error_code ec) {
    if (!ec && !ending) onTick();
  });
}

void Coordinator::Impl::sendMonitorBatch() {
  const std::string batch = recorder.takeMonitorBatch();
  if (batch.empty()) return;
  for (const auto& p : peers) {
    if (p->authed && p->role == PeerRole::Monitor) {
      p->session->send(Telemetry{std::vector<std::uint8_t>(batch.begin(), batch.end())});
    }
  }
}

void Coordinator::Impl::checkEnd() {
  int finished = 0;
  for (const auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive || w.state == WorkerSlot::State::Waiting) return;
    finished += w.state == WorkerSlot::State::Finished;
  }
  if (finished == 0) return finish("every worker died", 1);
  finish("every worker finished", 0);
}

void Coordinator::Impl::finish(const std::string& reason, int code) {
  if (ending) return;
  const auto result = evaluator->evaluateNow(ps->version(), ps->parameters());
  recorder.recordEvaluation(result, startNs, aliveCount());
  ending = true;
  exitCode = code;
  lifecycle(kServerLane, LifecycleKind::RunFinished, reason);
  sendMonitorBatch();
  for (const auto& p : peers) p->session->send(Shutdown{reason});
  recorder.flush();
  if (code != 0) std::fprintf(stderr, "error: %s\n", reason.c_str());
  acceptor.close();
  signals.cancel();
  tickTimer.cancel();
  // Give the SHUTDOWN frames a moment to leave, then stop the loop.
  auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(200));
  timer->async_wait([this, timer](boost::system::error_code) { io.stop(); });
}

int Coordinator::Impl::run() {
  listen();
  startNs = now();
  joinDeadlineNs = startNs + static_cast<std::int64_t>(spec.cluster.joinTimeoutS) * 1'000'000'000;
  const auto& c = spec.cluster;
  lifecycle(kServerLane, LifecycleKind::RunStarted,
            std::to_string(c.workers) + " workers, " + c.sync + ", " + c.partition + ", " +
                std::to_string(ps->parameters().size()) + " parameters, port " +
                std::to_string(port));
  // Partition statistics of every split the run will use (a new one every reshuffle period).
  const auto labels = partitionLabels(data.train);
  const bool splitsAgain = c.partition == "shuffle-split" || c.partition == "with-replacement";
  for (int epoch = 0; epoch < spec.training.epochs;
       epoch += splitsAgain ? c.reshuffleEvery : spec.training.epochs) {
    const auto stats =
        partitionStats(partitionForEpoch(spec, data.train, epoch), labels, data.train.numClasses);
    for (std::size_t k = 0; k < stats.size(); ++k) {
      recorder.record(PartitionRecord{now(), static_cast<int>(k), epoch, stats[k]});
    }
  }
  signals.async_wait([this](boost::system::error_code ec, int sig) {
    if (ec) return;
    finish(std::string("interrupted by ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
               "; every worker was stopped",
           128 + sig);
  });
  accept();
  if (c.launchWorkers) {
    for (int k = 0; k < c.workers; ++k) startWorker(k);
  } else {
    std::fprintf(stderr,
                 "waiting for %d workers: distlab-engine worker --connect HOST:%u --rank K "
                 "(token in %s)\n",
                 c.workers, port, kTokenEnvironmentVariable);
  }
  onTick();
  io.run();
  launcher.terminateAll(std::chrono::milliseconds(1000));
  recorder.flush();
  writeParameters(options.outDir + "/params.f32", ps->parameters());
  if (exitCode == 0) {
    std::printf(
        "done: test accuracy %.4f after %llu updates, %llu bytes to the server, %llu to "
        "the workers\n",
        recorder.lastAccuracy(), static_cast<unsigned long long>(ps->version()),
        static_cast<unsigned long long>(recorder.bytesToServer()),
        static_cast<unsigned long long>(recorder.bytesToWorkers()));
  }
  return exitCode;
}

Coordinator::Coordinator(Spec spec, CoordinatorOptions options)
    : m_impl(std::make_unique<Impl>(std::move(spec), std::move(options))) {}
Coordinator::~Coordinator() = default;
int Coordinator::run() { return m_impl->run(); }

}  // namespace distlab::engine
