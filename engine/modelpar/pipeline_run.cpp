#include "modelpar/pipeline_run.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include <sys/wait.h>

#include "cluster/evaluator.h"
#include "cluster/launcher.h"
#include "cluster/run_recorder.h"
#include "comm/blocking_channel.h"
#include "comm/blocking_handshake.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "modelpar/batch_order.h"
#include "modelpar/partition_mode.h"
#include "modelpar/peer_links.h"
#include "modelpar/pipeline_stage.h"
#include "modelpar/stage_inbox.h"
#include "modelpar/stage_span_stats.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {
namespace {

constexpr std::int64_t kFlushPeriodNs = 50'000'000;

class PipelineCoordinator final : public RoundHost {
 public:
  explicit PipelineCoordinator(const PipelineRunOptions& o)
      : m_o(o),
        m_stages(o.mode.processes(o.spec)),
        m_listener(o.bind),
        m_channels(static_cast<std::size_t>(m_stages)),
        m_pids(static_cast<std::size_t>(m_stages), 0),
        m_finished(static_cast<std::size_t>(m_stages), false),
        m_lost(static_cast<std::size_t>(m_stages), false),
        m_stats(m_stages) {}

  ~PipelineCoordinator() {
    // The stages go first: their connections then end, and every reader thread with them.
    m_launcher.terminateAll(std::chrono::milliseconds(500));
    for (auto& t : m_readers) t.join();
  }

  PipelineRunResult run(std::uint64_t steps) {
    m_steps = steps;
    m_firstMeasured = steps > 1 ? std::min(m_o.warmUpSteps, steps - 1) : 0;
    start();
    join();
    route();
    for (int k = 0; k < m_stages; ++k) {
      m_readers.emplace_back([this, k] { readFrom(k); });
    }
    if (m_o.mode.drivesRounds()) {
      Model whole = buildModelFor(m_o.spec, *m_o.test);
      m_o.mode.runRounds(*this, m_o.spec, m_o.trainExamples, whole);
      const auto params = whole.parameters();
      m_last.assign(params.begin(), params.end());
      std::fill(m_finished.begin(), m_finished.end(), true);
    } else {
      while (std::count(m_finished.begin(), m_finished.end(), true) < m_stages) waitAWhile();
    }
    for (int k = 0; k < m_stages; ++k) {
      if (m_lost[static_cast<std::size_t>(k)]) continue;
      m_channels[static_cast<std::size_t>(k)]->send(Shutdown{"the pipeline has finished"});
      record(WorkerState{steadyNowNs(), k, WorkerStatus::Finished, WorkerReason::None,
                         m_pids[static_cast<std::size_t>(k)]});
    }
    if (m_o.recorder) m_o.recorder->takeBatch();
    return summary();
  }

 private:
  void start() {
    const std::string host = m_o.bind == "0.0.0.0" || m_o.bind == "::" ? "127.0.0.1" : m_o.bind;
    const std::string address = host + ":" + std::to_string(m_listener.port());
    if (m_o.onListening) m_o.onListening(m_listener.port());
    if (m_o.externalProcesses) {
      std::printf("listening %s:%u\n", m_o.bind.c_str(), m_listener.port());
      std::fflush(stdout);
      if (m_o.onListening) return;  // someone hands out the address and starts them (mpi)
      std::fprintf(stderr,
                   "waiting for %d processes: distlab-engine stage --connect HOST:%u --rank K "
                   "(token in %s)\n",
                   m_stages, m_listener.port(), kTokenEnvironmentVariable);
      return;
    }
    for (int k = 0; k < m_stages; ++k) {
      m_pids[static_cast<std::size_t>(k)] = m_launcher.spawn(
          {m_o.engineExe, "stage", "--connect", address, "--rank", std::to_string(k)},
          {{kTokenEnvironmentVariable, m_o.token}}, k);
    }
  }

  void join() {
    const auto& c = m_o.spec.cluster;
    const std::int64_t deadline = steadyNowNs() + std::int64_t{c.joinTimeoutS} * 1'000'000'000;
    Rng rng = Rng::stream(static_cast<std::uint64_t>(steadyNowNs()), RngPurpose::Data);
    int joined = 0;
    while (joined < m_stages) {
      checkExits();
      if (steadyNowNs() > deadline) {
        throw Error("not every stage joined within " + std::to_string(c.joinTimeoutS) + " s");
      }
      auto channel = std::make_unique<BlockingChannel>();
      try {
        m_listener.accept(*channel, 200);
      } catch (const Error&) {
        continue;  // nobody yet: look at the children again
      }
      channel->setReceiveTimeout(c.handshakeTimeoutMs);
      try {
        const Hello who = admitPeer(*channel, m_o.token, rng);
        const auto k = static_cast<std::size_t>(who.rank);
        if (who.rank >= static_cast<std::uint32_t>(m_stages) || m_channels[k]) {
          channel->send(Shutdown{"no such stage, or it has joined already"});
          continue;
        }
        channel->send(Welcome{0, 0, specToString(m_o.spec)});
        channel->setPeerName(m_o.mode.processName(static_cast<int>(who.rank)));
        m_channels[k] = std::move(channel);
        ++joined;
        record(WorkerState{steadyNowNs(), static_cast<int>(k), WorkerStatus::Joined,
                           WorkerReason::Launched, m_pids[k]});
      } catch (const Error&) {
        continue;  // a stranger, or a stage that broke the handshake: not one of ours
      }
    }
  }

  /// Each process says the port it listens on (0: none) and learns everyone's, with the address
  /// it is reached at (the one it connected from), in rank order.
  void route() {
    // A process says where it listens once it has loaded its data and built its part, which on
    // a loaded machine may take a while; from here on every wait has the links' deadline.
    for (auto& ch : m_channels) ch->setReceiveTimeout(roundWaitMs(m_o.spec));
    std::vector<std::uint16_t> ports(static_cast<std::size_t>(m_stages), 0);
    for (int k = 0; k < m_stages; ++k) {
      Message m = m_channels[static_cast<std::size_t>(k)]->receive();
      const auto* r = std::get_if<Route>(&m);
      if (!r) throw Error(m_o.mode.processName(k) + " did not say where it listens");
      ports[static_cast<std::size_t>(k)] = r->port;
    }
    for (auto& channel : m_channels) {
      for (int k = 0; k < m_stages; ++k) {
        // A process on this machine (it came on loopback) is reached where the recipient
        // reached the coordinator.
        std::string host = m_channels[static_cast<std::size_t>(k)]->remoteAddress();
        if (isLoopbackAddress(host)) host = channel->localAddress();
        channel->send(Route{ports[static_cast<std::size_t>(k)], host});
      }
    }
  }

  /// Handles what arrived in the next 20 ms, looks at the children, flushes the recorder.
  /// One delivery at a time: handling one may record the last evaluation, which first handles
  /// everything still waiting (an earlier evaluation among it), so nothing may be held aside.
  void waitAWhile() {
    // Up to 20 ms for the first; then what is already there, for at most 20 ms in all.
    const auto until = steadyNowNs() + 20'000'000;
    auto wait = std::chrono::milliseconds(20);
    while (auto d = m_inbox.takeOne(wait)) {
      handle(*d);
      if (steadyNowNs() >= until) break;
      wait = std::chrono::milliseconds(0);
    }
    checkExits();
    if (m_o.recorder && steadyNowNs() - m_lastFlush > kFlushPeriodNs) {
      m_o.recorder->takeBatch();
      m_lastFlush = steadyNowNs();
    }
  }

  // RoundHost: what a mode that drives its rounds (the skeleton) does through the coordinator.
  int processes() const override { return m_stages; }
  bool alive(int process) const override { return !m_lost.at(static_cast<std::size_t>(process)); }

  void send(int process, const Message& message, std::span<const float> values) override {
    if (!alive(process)) return;  // it died: nothing to say to it
    auto& channel = *m_channels.at(static_cast<std::size_t>(process));
    const auto before = channel.bytesSent();
    try {
      if (values.empty()) {
        channel.send(message);
      } else {
        channel.sendBulk(message, values);
      }
    } catch (const Error& e) {  // it died before its exit was seen
      return drop(process, 0, m_o.mode.processName(process) + ": " + e.what());
    }
    const auto bytes = channel.bytesSent() - before;
    m_bytesToWorkers += bytes;
    const MessageType type = typeOf(message);
    record(Traffic{steadyNowNs(), process, Direction::ToWorker, type, trafficKindOf(type), bytes,
                   bytes});
  }

  std::vector<RoundPush> collect(std::uint64_t round) override {
    m_roundModels.assign(static_cast<std::size_t>(m_stages), {});
    m_roundIn.assign(static_cast<std::size_t>(m_stages), false);
    m_round = round;
    m_roundArrived = 0;
    for (int k = 0; k < m_stages; ++k) {
      if (!alive(k)) markLost(k);
    }
    while (m_roundArrived < m_stages) waitAWhile();
    return std::move(m_roundModels);
  }

  void record(const Event& e) override {
    // A federated run's privacy spent and its server's aggregation time, kept for comparisons.
    if (const auto* f = std::get_if<FederatedRound>(&e)) m_epsilon = f->epsilon;
    if (const auto* s = std::get_if<Span>(&e);
        s && s->lane == kServerLane && s->kind == SpanKind::Aggregate) {
      m_serverNs += s->endNs - s->startNs;
    }
    if (m_o.recorder) m_o.recorder->record(e);
  }

  void keepSubNetworks(std::vector<std::vector<std::uint32_t>> skeleton,
                       std::vector<std::vector<std::vector<std::uint32_t>>> each) override {
    m_skeleton = std::move(skeleton);
    m_subNetworks = std::move(each);
  }

  void evaluate(std::uint64_t version, std::span<const float> parameters, bool last) override {
    if (m_o.keepCheckpoints) {
      m_checkpoints.emplace_back(version, std::vector<float>(parameters.begin(), parameters.end()));
    }
    if (!m_o.recorder || !m_o.test) return;
    m_steps = last ? version : std::numeric_limits<std::uint64_t>::max();
    evaluateModel(version, std::vector<float>(parameters.begin(), parameters.end()));
  }

  void readFrom(int k) {
    auto& channel = *m_channels[static_cast<std::size_t>(k)];
    try {
      for (;;) m_inbox.put({k, channel.receive(), {}});
    } catch (const std::exception& e) {
      m_inbox.put({k, std::nullopt, e.what()});
    }
  }

  void handle(StageDelivery& d) {
    if (d.evaluation) return m_o.recorder->recordEvaluation(*d.evaluation, m_o.startNs, m_stages);
    const auto k = static_cast<std::size_t>(d.stage);
    if (!d.message) {
      if (m_finished[k]) return;
      // Give the process a moment to be reaped, so the reason names its exit.
      for (int i = 0; i < 50 && !m_exitSeen; ++i) {
        checkExits();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      if (m_lost[k]) return;  // already left out, its exit seen
      return drop(d.stage, 0, m_o.mode.processName(d.stage) + ": " + d.why);
    }
    // A process already left out (its exit was reaped first) may still have frames queued: its
    // answer to a round it is no longer counted in is not "out of turn", only moot.
    if (m_lost[k] && std::holds_alternative<Push>(*d.message)) return;
    if (auto* t = std::get_if<Telemetry>(&*d.message)) {
      std::vector<Event> events;
      const auto result = decodeTelemetry(*t, events);
      if (!result.ok) lose(d.stage, 0, m_o.mode.processName(d.stage) + " sent bad telemetry");
      for (const Event& e : events) {
        if (const auto* s = std::get_if<Span>(&e)) m_stats.add(*s, m_firstMeasured);
        if (const auto* tr = std::get_if<Traffic>(&e);
            tr && tr->kind == TrafficKind::IntermediateResults) {
          m_intermediateBytes += tr->wireBytes;
        }
        record(e);
      }
    } else if (auto* p = std::get_if<Push>(&*d.message); p && m_o.mode.drivesRounds()) {
      if (p->baseVersion != m_round || m_roundIn[k]) {
        lose(d.stage, 0, "process " + std::to_string(d.stage) + " sent a model out of turn");
      }
      if (m_o.recorder) m_o.recorder->addSamples(p->samples);
      m_bytesFromWorkers +=
          kFrameHeaderSize + bulkPrefixSize(MessageType::Push) + p->values.size() * sizeof(float);
      auto& model = m_roundModels[k];
      const std::size_t floats = p->values.size();
      if (model.values.empty() && model.moreValues.empty()) {
        model.values = std::move(p->values);
      } else {
        model.moreValues.push_back(std::move(p->values));
      }
      if (p->kind == PushKind::ModelPart) return;  // more of it follows
      m_roundIn[k] = true;
      m_workerParameters = std::max(m_workerParameters, floats);
      ++m_roundArrived;
    } else if (auto* part = std::get_if<Push>(&*d.message)) {
      // A stage without parameters (say, an activation alone) sends an empty list.
      auto& parts = m_parameters[part->baseVersion];
      parts.resize(static_cast<std::size_t>(m_stages));
      parts[k] = std::move(part->values);
      if (part->baseVersion == m_steps) m_finished[k] = true;
      if (++m_partsReceived[part->baseVersion] == m_stages) assemble(part->baseVersion);
    }
  }

  /// Every stage's parameters of one version: the whole network, evaluated when recorded.
  void assemble(std::uint64_t version) {
    // The network's shape comes from the test set's examples; a mode may need it to put the
    // stages' parts together (a layer cut between two stages).
    if (!m_o.test) throw Error("a pipeline run needs its test set to assemble the network");
    if (!m_layout) m_layout = std::make_unique<Model>(buildModelLayoutFor(m_o.spec, *m_o.test));
    std::vector<float> whole = m_o.mode.assemble(m_o.spec, *m_layout, m_parameters[version]);
    m_parameters.erase(version);
    m_partsReceived.erase(version);
    if (m_o.recorder && m_o.test) evaluateModel(version, whole);
    m_last = std::move(whole);
  }

  /// Scores the assembled model on the evaluator's thread, so the stages' telemetry keeps
  /// flowing meanwhile; the last version is scored at once, before the run ends.
  void evaluateModel(std::uint64_t version, const std::vector<float>& whole) {
    if (!m_evaluator) {
      m_evaluator =
          std::make_unique<Evaluator>(m_o.spec, *m_o.test, *m_o.test, [this](EvaluationResult r) {
            m_inbox.put({-1, std::nullopt, {}, std::move(r)});
          });
    }
    if (!m_o.mode.drivesRounds()) {  // in rounds, the processes say their examples
      const auto samples = version * m_o.mode.examplesPerStep(m_o.spec);
      m_o.recorder->addSamples(samples - m_samples);
      m_samples = samples;
    }
    const RunProgress at = m_o.recorder->progress(steadyNowNs());
    if (version < m_steps) return m_evaluator->submit(version, at, whole);
    const EvaluationResult last = m_evaluator->evaluateNow(version, at, whole);
    for (StageDelivery& d : m_inbox.take(std::chrono::milliseconds(0))) handle(d);  // earlier ones
    m_o.recorder->recordEvaluation(last, m_o.startNs, m_stages);
  }

  /// A stage's death makes its neighbours fail too (they exit with kStageLostNeighbour): after
  /// the first exit, the others of the next moments are gathered, and the cause is the one
  /// killed by a signal, else one that failed on its own, else the first.
  void checkExits() {
    std::vector<ExitedChild> exits;
    for (const ExitedChild& child : m_launcher.reap()) {
      m_exitSeen = true;
      if (m_finished[static_cast<std::size_t>(child.rank)] && child.status == 0) continue;
      exits.push_back(child);
    }
    if (exits.empty()) return;
    if (m_o.mode.survivesLostProcesses()) {
      for (const ExitedChild& child : exits) {
        const int code =
            WIFEXITED(child.status) ? WEXITSTATUS(child.status) : -WTERMSIG(child.status);
        drop(child.rank, code, m_o.mode.processName(child.rank) + " " + child.describe());
      }
      return;
    }
    const auto settle = steadyNowNs() + 300'000'000;
    while (steadyNowNs() < settle) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      for (const ExitedChild& child : m_launcher.reap()) exits.push_back(child);
    }
    const auto rank = [](const ExitedChild& c) {
      if (WIFSIGNALED(c.status)) return 0;
      if (WIFEXITED(c.status) && WEXITSTATUS(c.status) != kStageLostNeighbour) return 1;
      return 2;
    };
    const auto cause =
        std::min_element(exits.begin(), exits.end(),
                         [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    const int code =
        WIFEXITED(cause->status) ? WEXITSTATUS(cause->status) : -WTERMSIG(cause->status);
    lose(cause->rank, code, m_o.mode.processName(cause->rank) + " " + cause->describe());
  }

  /// A process is gone: the run stops (lose), or, for a mode that survives it, goes on without
  /// it: its answer to the round in progress counts as lost, and it is sent nothing more.
  void drop(int stage, int code, const std::string& why) {
    if (!m_o.mode.survivesLostProcesses()) lose(stage, code, why);
    const auto k = static_cast<std::size_t>(stage);
    if (m_lost[k]) return;
    m_lost[k] = true;
    m_finished[k] = true;
    record(WorkerState{steadyNowNs(), stage, WorkerStatus::Died, WorkerReason::ConnectionClosed,
                       m_pids[k]});
    if (std::count(m_lost.begin(), m_lost.end(), true) == m_stages) lose(stage, code, why);
    markLost(stage);
  }

  /// In a round: the process's answer is lost (once).
  void markLost(int stage) {
    const auto k = static_cast<std::size_t>(stage);
    if (k >= m_roundIn.size() || m_roundIn[k]) return;
    m_roundIn[k] = true;
    m_roundModels[k] = RoundPush{};
    m_roundModels[k].lost = true;
    ++m_roundArrived;
  }

  [[noreturn]] void lose(int stage, int code, const std::string& why) {
    const int pid = m_pids[static_cast<std::size_t>(stage)];
    record(
        WorkerState{steadyNowNs(), stage, WorkerStatus::Died, WorkerReason::ConnectionClosed, pid});
    m_launcher.terminateAll(std::chrono::milliseconds(500));
    if (m_o.recorder) m_o.recorder->takeBatch();
    throw StageLost(stage, pid, code, why + "; the other processes were stopped");
  }

  PipelineRunResult summary() const {
    PipelineRunResult r;
    r.parameters = m_last;
    r.stages = m_stats.stages();
    r.steps = m_steps;
    r.measuredSteps = m_steps - m_firstMeasured;
    r.intermediateBytes = m_intermediateBytes;
    r.bytesToWorkers = m_bytesToWorkers;
    r.epsilon = m_epsilon;
    r.serverNs = m_serverNs;
    r.bytesFromWorkers = m_bytesFromWorkers;
    r.workerParameters = m_workerParameters;
    r.skeleton = m_skeleton;
    r.subNetworks = m_subNetworks;
    r.checkpoints = m_checkpoints;
    r.seconds = static_cast<double>(m_stats.wallNs()) * 1e-9;
    r.bubble = m_stats.bubble();
    r.bubbleOfTheseStages = m_stats.bubbleOfTheseStages(m_o.spec.modelParallel.microBatches);
    r.samplesPerSecond = static_cast<double>(r.measuredSteps) *
                         static_cast<double>(m_o.mode.examplesPerStep(m_o.spec)) / r.seconds;
    return r;
  }

  const PipelineRunOptions& m_o;
  int m_stages;
  Launcher m_launcher;
  BlockingListener m_listener;
  std::vector<std::unique_ptr<BlockingChannel>> m_channels;
  std::vector<int> m_pids;
  std::vector<bool> m_finished;
  std::vector<bool> m_lost;  ///< died and left out (survivesLostProcesses modes)
  std::vector<std::thread> m_readers;
  StageInbox m_inbox;
  StageSpanStats m_stats;
  std::map<std::uint64_t, std::vector<std::vector<float>>> m_parameters;
  std::map<std::uint64_t, int> m_partsReceived;
  std::vector<float> m_last;
  std::vector<std::pair<std::uint64_t, std::vector<float>>> m_checkpoints;
  std::unique_ptr<Evaluator> m_evaluator;  ///< after the inbox it posts to
  std::int64_t m_lastFlush = 0;
  // Skeleton: the round under way and the sub-networks that came back.
  std::uint64_t m_round = 0;
  std::size_t m_workerParameters = 0;  ///< the largest model a process sent back
  std::vector<std::vector<std::uint32_t>> m_skeleton;
  std::vector<std::vector<std::vector<std::uint32_t>>> m_subNetworks;
  int m_roundArrived = 0;
  std::vector<RoundPush> m_roundModels;
  std::vector<bool> m_roundIn;  ///< which processes answered this round
  std::uint64_t m_bytesToWorkers = 0, m_bytesFromWorkers = 0;
  double m_epsilon = 0.0;
  std::int64_t m_serverNs = 0;
  std::unique_ptr<Model> m_layout;  ///< the network whose parameters the processes hold
  std::uint64_t m_steps = 0, m_firstMeasured = 0, m_samples = 0, m_intermediateBytes = 0;
  bool m_exitSeen = false;
};

}  // namespace

PipelineRunResult runPipeline(const PipelineRunOptions& options) {
  PipelineCoordinator coordinator(options);
  if (options.mode.drivesRounds()) return coordinator.run(0);
  return coordinator.run(options.steps ? options.steps
                                       : pipelineSteps(options.spec, options.trainExamples));
}

}  // namespace distlab::engine
