#include "cluster/coordinator_impl.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>

#include <boost/asio/post.hpp>

#include "aggregate/models/model_aggregator.h"
#include "cluster/partition_records.h"
#include "cluster/worker_schedule.h"
#include "comm/busy_poll.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/float_file.h"
#include "core/spec_hash.h"
#include "crypto/secagg/secagg_client.h"
#include "data/load.h"
#include "data/partitioners/partitioner.h"
#include "nn/builders.h"
#include "nn/model_file.h"
#include "security/poison_attack.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {

namespace {
TrainTest loadData(const Spec& spec) {
  std::fprintf(stderr, "loading %s...\n", spec.dataset.name.c_str());
  TrainTest data = loadDataset(spec.dataset, spec.seed);
  requireRowsForEveryPart(spec, data.train.size(), spec.cluster.workers, "cluster.workers");
  return data;
}
// Workers started by hand need the token: a made-up one is shown once, to a person at the
// terminal (as Jupyter shows its URL token), and never written to a file or a log; with nobody
// to show it to the run could never be joined, so it is refused.
void announceMadeUpToken(const std::string& token) {
  if (!::isatty(STDERR_FILENO)) {
    throw Error(std::string("--external-workers (cluster.launch_workers false): set ") +
                kTokenEnvironmentVariable +
                " to the token the workers will use; a made-up one could reach nobody, since "
                "standard error is not a terminal");
  }
  std::fprintf(stderr, "run token, shown only here: %s=%s\n", kTokenEnvironmentVariable,
               token.c_str());
}

std::uint64_t entropy() {
  std::random_device rd;
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}
}  // namespace

Coordinator::Impl::Impl(Spec s, CoordinatorOptions o)
    : spec(std::move(s)),
      options(std::move(o)),
      resumed(options.resume ? std::optional(readCheckpoint(options.outDir, specHash(spec)))
                             : std::nullopt),
      data(loadData(spec)),
      ownEvents(options.events ? nullptr : std::make_unique<RunEvents>(options.outDir, nullptr)),
      recorder(options.events ? *options.events : *ownEvents, options.outDir, spec,
               data.train.size(), resumed ? std::optional(resumed->server.version) : std::nullopt),
      workers(static_cast<std::size_t>(spec.cluster.workers)),
      nonceRng(Rng(entropy())) {
  if (options.token.empty()) {
    options.token = makeRunToken(entropy(), entropy());
    if (!spec.cluster.launchWorkers) announceMadeUpToken(options.token);
  }
  recorder.record(DataLoaded{now(), spec.dataset.name, data.train.size(), data.test.size(),
                             static_cast<int>(data.train.x.cols()), data.train.numClasses});
  layout = std::make_unique<Model>(buildModelFor(spec, data.train));
  const auto p = layout->parameters();
  const SyncRule rule = syncRuleFor(spec);
  ps = std::make_unique<ParameterServer>(
      options.loadModel.empty() ? std::vector<float>(p.begin(), p.end())
                                : loadParametersFor(options.loadModel, *layout),
      rule.pushKind == PushKind::Gradient ? makeOptimizer(spec.training) : nullptr, rule,
      spec.cluster.workers);
  ps->setCrew(&crew);
  // EC-DNN: the server distils the round's ensemble into one model on the training data.
  if (rule.compressesMembers()) ps->setCompressor(rule.models->makeCompressor(spec, data.train));
  if (rule.homomorphic) {
    homomorphicSum = std::make_unique<HomomorphicSum>(p.size());
    ps->setSealedSum([this](std::uint64_t round, int summands, std::span<float> sum) {
      return openSealedSum(round, summands, sum);
    });
  }
  if (rule.secureAggregation) {
    maskRecovery = std::make_unique<MaskRecovery>(
        spec.cluster.workers, secAggThreshold(spec.privacy.secaggThreshold, spec.cluster.workers));
    ps->setUnmasker(
        [this](std::span<const int> pushers, std::span<const int> absent, std::uint64_t round,
               MaskedSum& sum) { return maskRecovery->unmask(pushers, absent, round, sum); });
  }
  evaluator = std::make_unique<Evaluator>(spec, data.train, data.test, [this](EvaluationResult r) {
    asio::post(io, [this, r = std::move(r)] {
      if (!ending) recorder.recordEvaluation(r, startNs, aliveCount());
    });
  });
  if (resumed) restoreCheckpoint(*resumed);
  if (spec.cluster.checkpointEvery > 0)
    checkpointWriter = std::make_unique<CheckpointWriter>(checkpointPath(options.outDir));
}

int Coordinator::Impl::aliveCount() const {
  int n = 0;
  for (const auto& w : workers) n += w.state == WorkerSlot::State::Alive;
  return n;
}

void Coordinator::Impl::workerState(WorkerState state) {
  state.timeNs = now();
  recorder.record(state);
  if (state.status == WorkerStatus::Died) {
    std::fprintf(stderr, "worker %d died (%s)\n", state.worker, enumName(state.reason));
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
  if (options.announce) {
    std::printf("listening %s:%u\n", spec.cluster.bind.c_str(), port);
    std::fflush(stdout);
  }
  if (options.onListening) options.onListening(port);
}

std::size_t Coordinator::Impl::strangerLimit() const {
  return workers.size() + kMaxMonitors + kMaxIdleStrangers;
}

bool Coordinator::Impl::makeRoomForStranger() {
  std::size_t pending = 0;
  std::shared_ptr<Peer> oldestIdle;  // connected, never said HELLO: the first to go
  for (const auto& p : peers) {
    if (p->authed) continue;
    ++pending;
    if (!p->helloSeen && !p->reported && !p->linked && !oldestIdle) oldestIdle = p;
  }
  if (pending < strangerLimit()) return true;
  if (!oldestIdle) return false;
  // A worker says HELLO at once; a connection that has not is idle, and must not keep a worker
  // out: the oldest one makes room.
  oldestIdle->reported = true;
  noteStrangerDropped(oldestIdle->from);
  oldestIdle->handshakeTimer->cancel();
  oldestIdle->session->close();
  return true;
}

void Coordinator::Impl::noteStrangerDropped(const std::string& from) {
  // Typed records and log lines for the first ones, a count for all: a flood must not flood the
  // run folder too.
  if (++strangersDropped <= kStrangersReported) {
    recorder.record(ConnectionRefused{now(), kServerLane, RefusalReason::TooManyStrangers, from,
                                      static_cast<std::uint32_t>(strangerLimit())});
    std::fprintf(stderr,
                 "server: connection from %s dropped: more than %zu connections waiting "
                 "to authenticate%s\n",
                 from.c_str(), strangerLimit(),
                 strangersDropped == kStrangersReported ? " (further ones are only counted)" : "");
  }
}

void Coordinator::Impl::accept() {
  acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (ec || ending) return;
    const bool loopback = socket.remote_endpoint(ec).address().is_loopback();
    const std::string from = ec ? std::string("?") : hostOf(socket.remote_endpoint(ec));
    if (!makeRoomForStranger()) {  // every waiting connection is mid-handshake: the newcomer waits
      boost::system::error_code ignored;
      socket.close(ignored);
      noteStrangerDropped(from);
      return accept();
    }
    const auto modelSize = static_cast<std::uint32_t>(ps->parameters().size());
    adopt(std::make_shared<TcpSession>(std::move(socket), limitsForModel(modelSize)), from,
          loopback);
    accept();
  });
}

void Coordinator::Impl::adopt(std::shared_ptr<Session> session, const std::string& from,
                              bool sameHost) {
  auto peer = std::make_shared<Peer>();
  peer->sameHost = sameHost;
  peer->from = from;
  peer->lastSeenNs = now();
  peer->session = std::move(session);
  peer->handshakeTimer = std::make_unique<asio::steady_timer>(io);
  peer->handshakeTimer->expires_after(std::chrono::milliseconds(spec.cluster.handshakeTimeoutMs));
  std::weak_ptr<Peer> weak = peer;
  peer->handshakeTimer->async_wait([this, weak, from](boost::system::error_code e) {
    auto p = weak.lock();
    if (e || !p || p->authed) return;
    p->reported = true;
    recorder.record(ConnectionRefused{now(), p->rank, RefusalReason::HandshakeTimeout, from,
                                      static_cast<std::uint32_t>(spec.cluster.handshakeTimeoutMs)});
    p->session->close({CloseReason::Kind::Timeout, spec.cluster.handshakeTimeoutMs});
  });
  peer->session->observeFrames([this, weak](MessageType type, std::size_t bytes, bool sent) {
    auto p = weak.lock();
    // After the run's end nothing more is recorded: the monitors have had their last batch.
    if (ending || !p || p->role != PeerRole::Worker || p->rank < 0 || !p->authed) return;
    // A PUSH stands for the model's floats, however few bytes its encoding took.
    const std::size_t raw = type == MessageType::Push ? kFrameHeaderSize + bulkPrefixSize(type) +
                                                            sizeof(float) * ps->parameters().size()
                                                      : bytes;
    recorder.record(Traffic{now(), p->rank, sent ? Direction::ToWorker : Direction::ToServer, type,
                            trafficKindOf(type), bytes, raw});
  });
  peers.push_back(peer);
  peer->session->start(
      [this, weak](Message&& m) {
        if (auto p = weak.lock()) onMessage(p, std::move(m));
      },
      [this, weak](const CloseReason& reason) {
        if (auto p = weak.lock()) onClose(p, reason);
      });
}

void Coordinator::Impl::linkPeers() {
  if (!options.linkPeers) return;
  const auto modelSize = static_cast<std::uint32_t>(ps->parameters().size());
  sessionSource = options.linkPeers(io, limitsForModel(modelSize));
  for (auto& linked : sessionSource->peers()) {
    adopt(linked.session, linked.from, linked.sameHost);
    peers.back()->linked = true;
  }
}

int Coordinator::Impl::startWorker(int rank) {
  const std::string address =
      (spec.cluster.bind == "0.0.0.0" ? std::string("127.0.0.1") : spec.cluster.bind) + ":" +
      std::to_string(port);
  const std::vector<std::string> argv = {options.engineExe, "worker", "--connect",
                                         address,           "--rank", std::to_string(rank)};
  const std::vector<std::pair<std::string, std::string>> env = {
      {kTokenEnvironmentVariable, options.token}};
  try {
    return launcher.spawn(argv, env, rank);
  } catch (const Error& e) {
    // At the start a worker that cannot start is fatal; a restart's run goes on without it.
    if (workers[static_cast<std::size_t>(rank)].state == WorkerSlot::State::Waiting) throw;
    std::fprintf(stderr, "worker %d: cannot start it again: %s\n", rank, e.what());
    return 0;
  }
}

void Coordinator::Impl::onTick() {
  const auto t = now();
  const auto timeoutNs = static_cast<std::int64_t>(spec.cluster.peerTimeoutMs) * 1'000'000;
  for (auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive && t - w.peer->lastSeenNs > timeoutNs) {
      w.peer->session->close({CloseReason::Kind::Timeout, spec.cluster.peerTimeoutMs});
    }
  }
  const auto exited = launcher.reap();
  for (const auto& child : exited) {
    const auto& slot = workers.at(static_cast<std::size_t>(child.rank));
    if (slot.state == WorkerSlot::State::Waiting && slot.restarting == WorkerReason::None) {
      std::fprintf(stderr, "worker %d %s before joining the run\n", child.rank,
                   child.describe().c_str());
      const int code =
          WIFEXITED(child.status) ? WEXITSTATUS(child.status) : -WTERMSIG(child.status);
      return finish({0, EndReason::WorkerExitedBeforeJoining, 1, child.rank, code, ""});
    }
  }
  watchRestarts(exited);
  if (ending) return;
  bool waiting = false;  // for the first join; restarted processes have deadlines of their own
  for (const auto& w : workers) {
    waiting |= w.state == WorkerSlot::State::Waiting && w.restarting == WorkerReason::None;
  }
  if (waiting && t > joinDeadlineNs) {
    return finish({0, EndReason::JoinTimeout, 1, kServerLane, spec.cluster.joinTimeoutS, ""});
  }
  sendMonitorBatch();  // events.jsonl and the live stream get it too
  tickTimer.expires_after(kTick);
  tickTimer.async_wait([this](boost::system::error_code ec) {
    if (!ec && !ending) onTick();
  });
}

void Coordinator::Impl::sendMonitorBatch() {
  std::vector<std::uint8_t> batch = recorder.takeBatch();  // the live stream has it now
  if (batch.empty()) return;
  for (const auto& p : peers) {
    if (p->authed && p->role == PeerRole::Monitor) p->session->send(telemetryOf(batch));
  }
}

void Coordinator::Impl::checkEnd() {
  if (homomorphicSum && homomorphicSum->awaiting()) return;  // the last round is being decrypted
  int finished = 0;
  for (const auto& w : workers) {
    if (w.state == WorkerSlot::State::Alive || w.state == WorkerSlot::State::Waiting) return;
    finished += w.state == WorkerSlot::State::Finished;
  }
  if (finished == 0) return finish({0, EndReason::AllWorkersDied, 1, kServerLane, 0, ""});
  finish({0, EndReason::Completed, 0, kServerLane, 0, ""});
}

void Coordinator::Impl::finish(RunEnded ended) {
  if (ending) return;
  const auto result =
      evaluator->evaluateNow(ps->version(), recorder.progress(now()), ps->evaluatedModel());
  recorder.recordEvaluation(result, startNs, aliveCount());
  if (ended.reason == EndReason::Completed) untrainedSentence = reportUntrained();
  ending = true;
  exitCode = ended.exitCode;
  ended.timeNs = now();
  if (options.recordsCompletion || ended.reason != EndReason::Completed) recorder.record(ended);
  sendMonitorBatch();
  if (strangersDropped > kStrangersReported) {
    std::fprintf(stderr, "server: %llu connections in all were dropped before authenticating\n",
                 static_cast<unsigned long long>(strangersDropped));
  }
  const std::string why = endReasonText(ended);
  for (const auto& p : peers) p->session->send(Shutdown{why});
  if (exitCode != 0) std::fprintf(stderr, "error: %s\n", why.c_str());
  acceptor.close();
  signals.cancel();
  tickTimer.cancel();
  // Give the SHUTDOWN frames a moment to leave, then stop the loop.
  auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(200));
  timer->async_wait([this, timer](boost::system::error_code) { io.stop(); });
}

int Coordinator::Impl::run() {
  listen();
  // A resumed run's clock goes on from its checkpoint's, so elapsed times continue.
  startNs = now() - (resumed ? resumed->elapsedNs : 0);
  joinDeadlineNs = startNs + static_cast<std::int64_t>(spec.cluster.joinTimeoutS) * 1'000'000'000;
  const auto& c = spec.cluster;
  const SyncRule& rule = ps->rule();
  const int bound = !rule.gathersRounds && rule.staleness ? static_cast<int>(*rule.staleness) : -1;
  const bool attacked = !poisonAttacks().at(spec.security.attack).harmless();
  recorder.record(RunStarted{startNs, spec.experiment, c.workers, port, ps->parameters().size(),
                             specHash(spec), c.sync, c.partition, bound, 0,
                             attacked ? spec.security.attackers : std::vector<int>{}});
  if (options.startPaused) {
    paused = true;
    recorder.record(RunControlled{now(), ControlCommand::Pause});
  }
  if (resumed) {
    recorder.record(Notice{now(), NoticeKind::ResumedFromCheckpoint, kServerLane,
                           resumed->server.version, checkpointPath(options.outDir)});
    std::fprintf(stderr, "resuming from the checkpoint at update %llu\n",
                 static_cast<unsigned long long>(resumed->server.version));
    // The evaluation of the checkpoint's version may have been under way when the run was
    // killed: its parameters are the checkpoint's, so it is made again.
    if (resumed->lastEvalVersion == resumed->server.version &&
        recorder.lastKeptRow() != resumed->lastEvalVersion) {
      evaluator->submit(ps->version(), recorder.progress(now()), ps->evaluatedModel());
    }
  }
  for (auto& record : partitionRecords(spec, data.train)) recorder.record(std::move(record));
  signals.async_wait([this](boost::system::error_code ec, int sig) {
    if (ec) return;
    finish({0, EndReason::Interrupted, 128 + sig, kServerLane, sig, ""});
  });
  accept();
  linkPeers();
  if (c.launchWorkers) {
    for (int k = 0; k < c.workers; ++k) startWorker(k);
  } else if (!options.linkPeers && !options.onListening) {  // else someone starts them (mpi)
    std::fprintf(stderr,
                 "waiting for %d workers: distlab-engine worker --connect HOST:%u --rank K "
                 "(token in %s)\n",
                 c.workers, port, kTokenEnvironmentVariable);
  }
  onTick();
  // One worker on two cores: the coordinator's core would sleep through every step and take a
  // wake-up per PUSH; polling keeps it awake (never while the evaluator needs the core).
  if (c.launchWorkers && busyPollFits(c.workers + 1)) {
    runPolling(io, kBusyPollNs, [this] { return !evaluator || evaluator->idle(); });
  } else {
    io.run();
  }
  sessionSource.reset();  // its last SHUTDOWN frames are out (or given up on)
  launcher.terminateAll(std::chrono::milliseconds(1000));
  sendMonitorBatch();
  writeFloatFile(options.outDir + "/params.f32", ps->evaluatedModel());  // E-DNN: K models
  reportCheckpoints();
  checkpointWriter.reset();  // the last checkpoint submitted is on the disk
  if (exitCode == 0) saveFinalModel();
  if (exitCode == 0) {
    std::printf(
        "done: test accuracy %.4f after %llu updates, %llu bytes to the server, %llu to "
        "the workers\n",
        recorder.lastAccuracy(), static_cast<unsigned long long>(ps->version()),
        static_cast<unsigned long long>(recorder.bytesToServer()),
        static_cast<unsigned long long>(recorder.bytesToWorkers()));
    // A lost worker's share is not trained by the others: said here, not left to be noticed.
    if (!untrainedSentence.empty()) std::printf("untrained: %s\n", untrainedSentence.c_str());
  }
  return exitCode;
}

Coordinator::Coordinator(Spec spec, CoordinatorOptions options)
    : m_impl(std::make_unique<Impl>(std::move(spec), std::move(options))) {}
Coordinator::~Coordinator() = default;
int Coordinator::run() { return m_impl->run(); }

}  // namespace distlab::engine
