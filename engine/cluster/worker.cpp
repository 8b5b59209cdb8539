#include "cluster/worker.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <thread>

#include "cluster/paillier_party.h"
#include "cluster/secure_push_keys.h"
#include "cluster/sync_rule.h"
#include "cluster/worker_schedule.h"
#include "comm/blocking_channel.h"
#include "comm/busy_poll.h"
#include "comm/heartbeat_thread.h"
#include "comm/shared_params.h"
#include "comm/blocking_handshake.h"
#include "comm/handshake.h"
#include "comm/token_bucket.h"
#include "core/error.h"
#include "crypto/masked_push.h"
#include "crypto/secagg/secagg_client.h"
#include "data/load.h"
#include "defenses/defense.h"
#include "defenses/update_privacy.h"
#include "encoders/error_feedback.h"
#include "encoders/update_encoder.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "security/adversarial/adversarial_settings.h"
#include "security/backdoor_trigger.h"
#include "security/poison_attack.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {
namespace {

void sleepSeconds(double seconds) {
  if (seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

/// The worker once it has joined: its data, model, schedule and link.
class WorkerLoop {
 public:
  WorkerLoop(BlockingChannel& channel, int rank, Spec spec, std::uint64_t startClock)
      : m_channel(channel),
        m_rank(rank),
        m_spec(std::move(spec)),
        m_rule(syncRuleFor(m_spec)),
        m_data(loadDataset(m_spec.dataset, m_spec.seed)),
        m_model(buildModelFor(m_spec, m_data.train)),
        m_schedule(m_spec, m_data.train, rank),
        m_optimizer(makeOptimizer(m_spec.training)),
        m_loss(lossFromName(m_spec.training.loss)),
        // A burst of 20 ms of traffic: short enough that the cap shows on every frame.
        m_link(linkRate(m_spec.cluster, rank), 0.02 * linkRate(m_spec.cluster, rank)),
        m_step(startClock * static_cast<std::uint64_t>(m_rule.localSteps)),
        m_defenseRng(Rng::stream(m_spec.seed, RngPurpose::Noise,
                                 static_cast<std::uint64_t>(rank) + 1000 * startClock)),
        m_encodingRng(Rng::stream(m_spec.seed, RngPurpose::Encoding,
                                  static_cast<std::uint64_t>(rank) + 1000 * startClock)) {
    const auto& slow = m_spec.cluster.slowdown;
    if (!slow.empty()) m_slowdown = slow.at(static_cast<std::size_t>(rank));
    preparePoisoning();
    if (!m_training.plain())
      m_robust = trainingSettings(m_spec.adversarial, featureRange(m_data.train));
    m_channel.setLimits(limitsForModel(static_cast<std::uint32_t>(m_model.parameterCount())));
    // A pipe (MPI) carries its frames' floats itself.
    if (m_spec.cluster.transport == "shared-memory" && !m_channel.usesPipe()) offerSharedFloats();
  }
  ~WorkerLoop() {  // the channel outlives our regions
    m_channel.useSharedFloats(nullptr);
    m_channel.useSharedParams({});
  }
  WorkerLoop(const WorkerLoop&) = delete;
  WorkerLoop& operator=(const WorkerLoop&) = delete;

  /// Returns false when the coordinator ended the run first.
  bool run() {
    if (m_rule.secureAggregation && !exchangeKeys()) return false;
    if (m_rule.homomorphic && !setUpPaillier()) return false;
    const std::uint64_t total = m_schedule.totalSteps();
    bool asked = false;  // the last PUSH already asked for the next parameters
    while (m_step < total) {
      if (!pull(!asked)) return false;
      std::uint32_t samples = 0;
      for (int i = 0; i < m_rule.localSteps && m_step < total; ++i) samples += computeStep();
      asked = m_step < total;
      push(samples, asked);
    }
    sendTelemetry(true);
    m_channel.send(Shutdown{"finished"});
    return true;
  }

  /// After our last push: answers the coordinator (the key holder's last decryption) until it
  /// says goodbye.
  void serveUntilGoodbye() {
    for (;;) {
      if (!handleOther(m_channel.receive())) return;
    }
  }

 private:
  static double linkRate(const ClusterSpec& c, int rank) {
    if (c.bandwidthMbps.empty()) return 0.0;
    return c.bandwidthMbps.at(static_cast<std::size_t>(rank)) * 1e6 / 8.0;  // bytes/s
  }

  double nowSeconds() const { return static_cast<double>(steadyNowNs()) * 1e-9; }

  // Memory for the floats of our PUSH and PARAMS; the coordinator uses it if it is on this
  // machine, and the frames go on over TCP meanwhile either way.
  void offerSharedFloats() {
    try {
      m_sharedFloats = SharedFloats::create(static_cast<std::uint32_t>(m_model.parameterCount()));
    } catch (const Error& e) {
      std::fprintf(stderr, "worker %d: no shared memory (%s); floats go over TCP\n", m_rank,
                   e.what());
      return;
    }
    m_channel.useSharedFloats(m_sharedFloats.get());
    // The model's own buffers become the mailboxes: gradients are computed where the coordinator
    // reads them, and the parameters arrive where the layers read them.
    using Side = SharedFloats::Side;
    m_model.moveBuffers(m_sharedFloats->floatsOf(Side::Coordinator),
                        m_sharedFloats->floatsOf(Side::Worker));
    m_channel.send(Shared{m_sharedFloats->name(), m_sharedFloats->nonce()});
  }

  // A malicious worker (security.attackers) learns its attack's settings once.
  void preparePoisoning() {
    m_malicious = isAttacker(m_spec, m_rank);
    if (m_malicious) m_poison = poisonSettings(m_spec, m_data.train, m_spec.cluster.workers);
  }

  // The attack's change to the update about to be pushed: a gradient, or under local SGD the
  // change of the model since the parameters were pulled.
  void poisonUpdate() {
    const bool model = m_rule.pushKind == PushKind::Model;
    const std::span<float> update = model ? m_model.parameters() : m_model.gradients();
    if (model) {
      for (std::size_t k = 0; k < update.size(); ++k) update[k] -= m_pulled[k];
    } else if (m_attack.honestBatches() > 0) {
      estimateHonest(update);
    }
    if (m_attack.honestBatches() > 0 && m_honest.mean.size() != update.size()) {
      throw Error(std::string(m_attack.name()) + " needs gradient pushes");  // validated before
    }
    m_attack.poisonUpdate(update, m_honest, m_poison, m_attackRng);
    if (model) {
      for (std::size_t k = 0; k < update.size(); ++k) update[k] += m_pulled[k];
    }
  }

  // The honest gradient's mean and deviation per coordinate, from this step's gradient and more
  // mini-batches of our own data (the colluders' estimate in ALIE and IPM).
  void estimateHonest(std::span<const float> current) {
    const std::size_t d = current.size();
    const int batches = m_attack.honestBatches();
    std::vector<double> sum(current.begin(), current.end()), sumSq(d);
    for (std::size_t k = 0; k < d; ++k) sumSq[k] = sum[k] * sum[k];
    const std::uint64_t total = m_schedule.totalSteps();
    for (int b = 1; b < batches; ++b) {
      gatherBatch(m_data.train, m_schedule.batch((m_step + static_cast<std::uint64_t>(b)) % total),
                  m_x, m_labels, m_targets);
      const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
      computeLoss(m_loss, m_model.forward(m_x), targets, &m_dOut);
      m_model.backward(m_dOut);
      const auto g = m_model.gradients();
      for (std::size_t k = 0; k < d; ++k) {
        sum[k] += g[k];
        sumSq[k] += static_cast<double>(g[k]) * g[k];
      }
    }
    m_honest.mean.resize(d);
    m_honest.deviation.resize(d);
    for (std::size_t k = 0; k < d; ++k) {
      const double mean = sum[k] / batches;
      m_honest.mean[k] = static_cast<float>(mean);
      m_honest.deviation[k] =
          static_cast<float>(std::sqrt(std::max(0.0, sumSq[k] / batches - mean * mean)));
    }
  }

  // Secure aggregation: our two public keys to the server, everyone's back (a mask secret with
  // each peer), then shares of our mask key sealed for each peer, and theirs for us.
  bool exchangeKeys() {
    m_keys.emplace(m_rank, m_spec.cluster.workers);
    m_channel.send(m_keys->advertised());
    for (;;) {
      Message message = m_channel.receive();
      if (const auto* keys = std::get_if<Keys>(&message)) {
        const int threshold = secAggThreshold(m_spec.privacy.secaggThreshold, m_spec.cluster.workers);
        m_channel.send(m_keys->learnKeys(*keys, threshold));
        continue;
      }
      if (const auto* shares = std::get_if<KeyShares>(&message)) {
        m_keys->holdShares(*shares);
        m_masked.resize(m_model.parameterCount());
        return true;
      }
      if (!handleOther(message)) return false;
    }
  }

  // Homomorphic aggregation: the key holder's public key out through the server, and back to all.
  bool setUpPaillier() {
    const auto t0 = steadyNowNs();
    m_paillier.emplace(m_rank, m_spec.privacy.paillierBits);
    if (const auto mine = m_paillier->advertised()) {
      m_events.push_back(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), m_step, 0});
      m_channel.send(*mine);
    }
    for (;;) {
      Message message = m_channel.receive();
      if (const auto* key = std::get_if<PaillierKey>(&message)) {
        m_paillier->learnKey(*key);
        return true;
      }
      if (!handleOther(message)) return false;
    }
  }

  // Paillier's work, a chunk at a time: a Compute span each, sent at once, so the timeline shows
  // the cost and the coordinator hears from us.
  void paillierChunkDone(std::int64_t t0) {
    m_events.push_back(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), m_step, 0});
    sendTelemetry(true);
  }

  /// Waits for PARAMS; sends a PULL first unless the last PUSH asked already.
  bool pull(bool ask) {
    sendTelemetry();
    if (ask) {
      m_channel.send(Pull{m_version});
      m_askedNs = steadyNowNs();
    }
    for (;;) {
      // The parameters land straight in the model's buffer.
      Message message = m_channel.receive(m_model.parameters());
      if (auto* params = std::get_if<Params>(&message)) {
        // The wait as this worker lives it: from its request (a PULL, or the PUSH that asked)
        // to the first byte of the answer, including the time before the server got to it.
        if (m_askedNs && m_channel.lastHeaderNs() - m_askedNs >= kMinWaitNs) {
          m_events.push_back(
              Span{m_rank, SpanKind::Wait, m_askedNs, m_channel.lastHeaderNs(), m_step, 0});
        }
        m_askedNs = 0;
        const auto bytes = kFrameHeaderSize + bulkPrefixSize(MessageType::Params) +
                           m_model.parameters().size_bytes();
        sleepSeconds(m_link.reserve(bytes, nowSeconds()));  // the capped link delivers slowly
        m_events.push_back(
            Span{m_rank, SpanKind::Pull, m_channel.lastHeaderNs(), steadyNowNs(), m_step, bytes});
        m_version = params->version;
        if (m_malicious && m_rule.pushKind == PushKind::Model) {
          m_pulled.assign(m_model.parameters().begin(), m_model.parameters().end());
        }
        return true;
      }
      if (!handleOther(message)) return false;
    }
  }

  // A message that is not the PARAMS we wait for: control, or the end of the run.
  bool handleOther(const Message& message) {
    if (const auto* control = std::get_if<Control>(&message)) {
      switch (static_cast<ControlCommand>(control->command)) {
        case ControlCommand::Kill:
          std::raise(SIGKILL);  // as if it crashed: no goodbye
          break;
        case ControlCommand::Slow:
          m_slowdown = std::max(1.0, control->value);
          break;
        case ControlCommand::Restore:
          m_slowdown = 1.0;
          break;
        default:
          break;
      }
      return true;
    }
    if (const auto* sum = std::get_if<Encrypted>(&message)) {
      // The key holder decrypts a round's sum for the server (never a single push).
      if (m_paillier && m_paillier->holdsKey()) {
        m_channel.send(m_paillier->decrypt(*sum, [this](std::int64_t t0) { paillierChunkDone(t0); }));
      }
      return true;
    }
    if (const auto* reveal = std::get_if<Reveal>(&message)) {
      // A worker dropped out: our share of its mask key lets the server remove its masks.
      if (m_keys) {
        if (auto mine = m_keys->reveal(reveal->owner)) m_channel.send(std::move(*mine));
      }
      return true;
    }
    if (const auto* region = std::get_if<Shared>(&message)) {
      mapParamsRegion(*region);
      return true;
    }
    if (std::holds_alternative<Shutdown>(message)) return false;
    return true;  // heartbeats and anything harmless
  }

  // The coordinator's parameters, read in place from now on: its PARAMS name the region.
  void mapParamsRegion(const Shared& region) {
    const auto count = static_cast<std::uint32_t>(m_model.parameterCount());
    m_paramsRegion = SharedParams::attach(region.name, region.nonce, count);
    if (!m_paramsRegion) throw Error("cannot map the coordinator's parameter region " + region.name);
    m_model.viewParameters(m_paramsRegion->floats());
    m_channel.useSharedParams(m_paramsRegion->floats());
  }

  std::uint32_t computeStep() {
    const auto t0 = steadyNowNs();
    const auto rows = m_schedule.batch(m_step);
    gatherBatch(m_data.train, rows, m_x, m_labels, m_targets);
    if (m_malicious) m_attack.poisonBatch(m_x, m_labels, m_poison, m_attackRng);
    const auto batchSize = static_cast<std::uint32_t>(rows.size());
    // The next batch's rows start coming into cache while this one computes (as in Trainer).
    if (m_step + 1 < m_schedule.totalSteps())
      prefetchRows(m_data.train, m_schedule.batch(m_step + 1));
    const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
    double loss = 0.0;
    if (m_training.plain()) {
      loss = computeLoss(m_loss, m_model.forward(m_x), targets, &m_dOut);
      m_model.backward(m_dOut);
    } else {  // adversarial.training: a defense against adversarial examples
      loss = m_training.lossAndGradient(m_model, m_loss, m_x, targets, m_robust, m_attackRng);
    }
    if (m_rule.pushKind == PushKind::Model)
      m_optimizer->step(m_model.parameters(), m_model.gradients());
    const auto computed = steadyNowNs();
    // A straggler: the same work takes `slowdown` times as long.
    sleepSeconds(static_cast<double>(computed - t0) * 1e-9 * (m_slowdown - 1.0));
    m_events.push_back(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), m_step, 0});
    m_events.push_back(StepLoss{steadyNowNs(), m_rank, m_step, loss});
    ++m_step;
    return batchSize;
  }

  void push(std::uint32_t samples, bool pullNext) {
    const bool model = m_rule.pushKind == PushKind::Model;
    if (m_malicious) poisonUpdate();
    // A defended worker (the privacy lesson) changes its gradient before anyone sees it.
    if (!model && defenses().at(m_spec.privacy.defense).changesGradient()) {
      applyDefenseToBuffer(m_model.gradients(), m_spec.privacy.defense,
                           m_spec.privacy.defenseStrength, m_defenseRng);
    }
    // privacy.dp: this worker's gradient (its batch's) changes the model by at most the clip
    // norm; local DP hides it here, central DP on the server (parameter_server.cpp).
    if (!model && m_spec.privacy.dp != "none") {
      clipToNorm(m_model.gradients(), m_spec.privacy.dpClip);
      if (m_spec.privacy.dp == "local") {
        addGaussianNoise(m_model.gradients(), m_spec.privacy.noiseMultiplier * m_spec.privacy.dpClip,
                         m_defenseRng);
      }
    }
    std::span<const float> values = model ? m_model.parameters() : m_model.gradients();
    if (m_rule.secureAggregation) {
      const double weight = m_rule.maskedWeight(samples);
      if (const auto clamped =
              maskPush(values, weight, m_rank, m_keys->maskSecrets(), m_pushes, m_masked)) {
        std::fprintf(stderr, "worker %d: %zu values clamped to the fixed-point range\n", m_rank,
                     clamped);
        m_events.push_back(Notice{steadyNowNs(), NoticeKind::ValuesClamped, m_rank, clamped, ""});
      }
      values = m_masked;
    }
    ++m_pushes;
    Push push{m_rule.pushKind, m_version, samples, {}, pullNext};
    if (m_rule.homomorphic) {  // ciphertexts the server can add up but not read
      std::size_t clamped = 0;
      push.encoded = m_paillier->encrypt(values, m_rule.maskedWeight(samples), clamped,
                                         [this](std::int64_t t0) { paillierChunkDone(t0); });
      push.encoding = kPaillierEncoding;
      push.floats = static_cast<std::uint32_t>(values.size());
      if (clamped) {
        m_events.push_back(Notice{steadyNowNs(), NoticeKind::ValuesClamped, m_rank, clamped, ""});
      }
    } else if (m_encoder.wireId() != 0) {  // cluster.encoder: fewer bytes for a less exact update
      push.encoding = m_encoder.wireId();
      push.floats = static_cast<std::uint32_t>(values.size());
      if (m_spec.cluster.errorFeedback) values = m_feedback.correct(values);
      m_encoder.encode(values, push.encoded, m_encoderSettings, m_encodingRng);
      if (m_spec.cluster.errorFeedback) m_feedback.keep(m_encoder, push.encoded);
    }
    const auto bytes = kFrameHeaderSize + bulkPrefixSize(MessageType::Push) +
                       (push.encoding ? push.encoded.size() : values.size_bytes());
    sendTelemetry();
    const auto t0 = steadyNowNs();
    sleepSeconds(m_link.reserve(bytes, nowSeconds()));
    if (push.encoding) {
      m_channel.send(std::move(push));
    } else {
      m_channel.sendBulk(std::move(push), values);  // uncopied
    }
    const auto sent = steadyNowNs();
    m_events.push_back(Span{m_rank, SpanKind::Push, t0, sent, m_step, bytes});
    if (pullNext) m_askedNs = sent;
  }

  // Batched every 50 ms: a frame per step would wake the coordinator twice as often, and it is
  // the coordinator's time that bounds how fast a BSP round goes.
  void sendTelemetry(bool force = false) {
    if (m_events.empty()) return;
    const auto now = steadyNowNs();
    if (!force && now - m_lastTelemetryNs < kTelemetryPeriodNs && m_events.size() < 1024) return;
    m_lastTelemetryNs = now;
    auto records = encodeRecords(m_events);
    m_events.clear();
    m_channel.send(telemetryOf(std::move(records)));
  }

  BlockingChannel& m_channel;
  std::unique_ptr<SharedFloats> m_sharedFloats;  ///< see offerSharedFloats()
  std::unique_ptr<SharedParams> m_paramsRegion;  ///< see mapParamsRegion()
  int m_rank;
  Spec m_spec;
  SyncRule m_rule;
  TrainTest m_data;
  Model m_model;
  WorkerSchedule m_schedule;
  std::unique_ptr<Optimizer> m_optimizer;  ///< local SGD only: the worker's own steps
  LossKind m_loss;
  TokenBucket m_link;
  std::uint64_t m_step = 0, m_version = 0;
  std::uint64_t m_pushes = 0;        ///< secure aggregation: the round of the next push
  std::optional<SecurePushKeys> m_keys;  ///< secure aggregation: mask secrets, held shares
  std::optional<PaillierParty> m_paillier;  ///< homomorphic aggregation
  std::vector<float> m_masked;       ///< secure aggregation: the masked words sent
  Rng m_defenseRng;                  ///< privacy.defense noise, a stream of its own per worker
  Rng m_encodingRng;                 ///< a stochastic encoder's choices
  ErrorFeedback m_feedback;          ///< cluster.error_feedback
  const PoisonAttack& m_attack = poisonAttacks().at(m_spec.security.attack);
  bool m_malicious = false;  ///< one of security.attackers
  PoisonSettings m_poison;
  HonestEstimate m_honest;
  std::vector<float> m_pulled;  ///< local SGD attacker: the parameters of its last pull
  Rng m_attackRng =
      Rng::stream(m_spec.seed, RngPurpose::Attack, static_cast<std::uint64_t>(m_rank));
  const RobustTraining& m_training = robustTrainings().at(m_spec.adversarial.training);
  RobustTrainingSettings m_robust;
  const UpdateEncoder& m_encoder = updateEncoders().at(m_spec.cluster.encoder);
  const EncoderSettings m_encoderSettings{m_spec.cluster.compressRatio, m_spec.cluster.qsgdLevels};
  double m_slowdown = 1.0;
  std::vector<Event> m_events;
  std::int64_t m_lastTelemetryNs = 0;
  std::int64_t m_askedNs = 0;  ///< when the next parameters were asked for; 0: not yet
  static constexpr std::int64_t kTelemetryPeriodNs = 50'000'000;
  static constexpr std::int64_t kMinWaitNs = 20'000;  // shorter waits are noise, not barrier time
  Matrix m_x, m_targets, m_dOut;
  std::vector<int> m_labels;
};

}  // namespace

int runWorker(const WorkerOptions& o) {
  if (o.token.empty()) {
    throw Error(std::string("no run token: set ") + kTokenEnvironmentVariable +
                " to the coordinator's token");
  }
  BlockingChannel channel;
  if (o.pipe) {
    channel.usePipe(o.pipe());
  } else {
    channel.connect(o.host, o.port, o.connectTimeoutMs);
  }
  const Welcome welcome =
      joinPeer(channel, PeerRole::Worker, static_cast<std::uint32_t>(o.rank), o.token);
  const Spec spec = loadSpecText(welcome.spec);
  // Every process of the run on this machine has a core: poll for the answers (comm/busy_poll.h).
  if (!o.pipe && isLoopbackAddress(o.host) && busyPollFits(spec.cluster.workers + 1)) {
    channel.setBusyPoll(kBusyPollNs);
  }
  HeartbeatThread heartbeat(channel, spec.cluster.heartbeatMs);
  WorkerLoop loop(channel, o.rank, spec, welcome.startClock);
  const bool completed = loop.run();
  if (completed) {
    // Wait for the coordinator's goodbye (or its closing the connection) before leaving.
    try {
      loop.serveUntilGoodbye();
    } catch (const Error&) {
    }
  }
  return 0;
}

}  // namespace distlab::engine
