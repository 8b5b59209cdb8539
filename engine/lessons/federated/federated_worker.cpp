#include "lessons/federated/federated_worker.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "federated/client_conditions.h"
#include "federated/client_privacy.h"
#include "federated/client_rule.h"
#include "federated/client_sampler.h"
#include "federated/client_updates.h"
#include "encoders/error_feedback.h"
#include "encoders/update_encoder.h"
#include "lessons/federated/federated_clients.h"
#include "lessons/federated/encoded_updates.h"
#include "lessons/federated/homomorphic_round.h"
#include "lessons/federated/hosted_secure_clients.h"
#include "modelpar/batch_order.h"
#include "modelpar/peer_links.h"
#include "modelpar/stage_reporter.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class FederatedWorker {
 public:
  FederatedWorker(BlockingChannel& hub, int rank, const Spec& spec)
      : m_hub(hub),
        m_rank(rank),
        m_spec(spec),
        m_data(loadDataset(spec.dataset, spec.seed)),
        m_clients(clientPartition(spec, m_data.train)),
        m_rule(clientRules().at(spec.fl.algorithm)),
        m_conditions(spec.fl, spec.seed),
        m_loss(lossFromName(spec.training.loss)),
        m_model(buildModelFor(spec, m_data.train)),
        m_reporter(hub, rank),
        // The boost of model replacement scales with the updates a round averages.
        m_poison(poisonSettings(spec, m_data.train,
                                clientsPerRound(spec.fl.clients, spec.fl.fraction,
                                                spec.fl.minClients, spec.fl.perRound))) {}

  void run() {
    const std::size_t size = m_model.parameterCount();
    if (m_spec.privacy.homomorphic && !setUpPaillier()) return;
    for (;;) {
      const auto t0 = steadyNowNs();
      Message message = m_hub.receive();
      if (std::holds_alternative<Shutdown>(message)) return;
      if (auto* m = std::get_if<Mask>(&message)) {
        m_assignment = std::move(*m);
        m_global.clear();
        m_serverControl.clear();
        continue;
      }
      auto* params = std::get_if<Params>(&message);
      if (!params || params->version != m_assignment.round || params->values.size() != size) {
        throw Error("worker " + std::to_string(m_rank) + " expected its round's model");
      }
      (m_global.empty() ? m_global : m_serverControl) = std::move(params->values);
      if (m_rule.usesControlVariates() && m_serverControl.empty()) continue;
      m_reporter.record(
          Span{m_rank, SpanKind::Pull, t0, steadyNowNs(), m_step, size * sizeof(float)});
      bool goOn = true;
      if (m_spec.privacy.secureAggregation) {
        goOn = secureRound();
      } else if (m_spec.privacy.homomorphic) {
        goOn = homomorphicRound();
      } else {
        m_pushVersion = m_assignment.round;
        trainRound();
      }
      if (!goOn) return;  // the coordinator said goodbye mid-round
    }
  }

 private:
  void trainRound() {
    const std::size_t size = m_model.parameterCount();
    const bool scaffold = m_rule.usesControlVariates();
    const auto& lists = m_assignment.neurons;
    if (lists.size() != 2 || lists[1].size() != 2) {
      throw Error("worker " + std::to_string(m_rank) + " expected its clients and the round");
    }
    const std::uint64_t round = lists[1][0];
    const int attempt = static_cast<int>(lists[1][1]);
    m_payload.clear();
    std::vector<float> update(size), change(scaffold ? size : 0);
    for (std::uint32_t client : lists[0]) {
      if (client >= m_clients.rows.size() ||
          hostOf(static_cast<int>(client), m_spec.cluster.workers) != m_rank) {
        throw Error("worker " + std::to_string(m_rank) + " does not host client " +
                    std::to_string(client));
      }
      const auto& rows = m_clients.rows[client];
      const int id = static_cast<int>(client);
      if (m_conditions.dropsOut(round, attempt, id)) {
        // It goes offline halfway: the work is done and lost, nothing is sent.
        if (!rows.empty()) {
          trainClient(client, rows, std::max(1, localSteps(client, rows.size()) / 2));
        }
        continue;
      }
      if (rows.empty()) {  // a client without data sends a zero update of weight 0
        std::fill(update.begin(), update.end(), 0.0f);
        std::fill(change.begin(), change.end(), 0.0f);
        emitUpdate(id, 0, update, change);
        continue;
      }
      const int steps = localSteps(client, rows.size());
      const double loss = trainClient(client, rows, steps);
      // The chart counts rounds: each client's last local loss, at its round.
      m_reporter.record(StepLoss{steadyNowNs(), m_rank, round, loss});
      const auto w = m_model.parameters();
      for (std::size_t i = 0; i < size; ++i) update[i] = w[i] - m_global[i];
      // A malicious client (security.attackers holds client ids here) changes its update.
      if (isAttacker(m_spec, id)) m_attack.poisonUpdate(update, {}, m_poison, m_attackRng);
      if (scaffold) {
        auto& mine = control(client);
        const ClientRound r{m_global, m_serverControl, mine, m_spec.fl.mu};
        auto next = scaffoldClientControl(r, w, steps, m_spec.training.lr);
        for (std::size_t i = 0; i < size; ++i) change[i] = next[i] - mine[i];
        mine = std::move(next);
      }
      emitUpdate(id, rows.size(), update, change);
    }
    if (m_secure || m_encrypting || m_encoder.wireId() != 0) {
      sendSlots(bytesToSlots({}), PushKind::Model, m_pushVersion);  // the step's last frame
    } else {
      sendUpdates(PushKind::Model);
    }
  }

  /// A secure round (privacy.secure_aggregation; crypto/secagg/): the hosted clients' keys, their
  /// sealed shares, their masked updates, then the shares that unmask the survivors' sum, each
  /// step a PUSH answered by the server's PARAMS of the next frame round. False on goodbye.
  bool secureRound() {
    const std::uint64_t s = m_assignment.round;
    if (m_assignment.neurons.empty()) throw Error("worker " + std::to_string(m_rank) + " expected its clients");
    HostedSecureClients hosted(m_assignment.neurons[0], s);
    sendSlots(hosted.advertise(), PushKind::Model, s);
    const auto roster = awaitParams(s + 1);
    if (!roster) return false;
    sendSlots(hosted.share(*roster, m_spec.privacy.secaggThreshold), PushKind::Model, s + 1);
    const auto shares = awaitParams(s + 2);
    if (!shares) return false;
    hosted.receive(*shares);
    m_secure = &hosted;
    m_sentInputs.clear();
    m_pushVersion = s + 2;
    trainRound();
    m_secure = nullptr;
    const auto survivors = awaitParams(s + 3);
    if (!survivors) return false;
    sendSlots(hosted.reveal(*survivors, m_sentInputs), PushKind::Model, s + 3);
    return true;
  }

  /// Homomorphic rounds: process 0 makes the Paillier key and sends its public half; every
  /// process gets it back (frame rounds 0 and 1). False on goodbye.
  bool setUpPaillier() {
    m_hub.setReceiveTimeout(roundWaitMs(m_spec));
    Bytes n;
    if (m_rank == 0) {
      m_paillierKey.emplace(generatePaillierKey(m_spec.privacy.paillierBits));
      n = m_paillierKey->publicKey().n();
    }
    sendSlots(bytesToSlots(n), PushKind::Model, 0);
    const auto key = awaitParams(1);
    if (!key) return false;
    m_paillier.emplace(slotsToBytes(*key));
    return true;
  }

  /// A homomorphic round: the clients' encrypted updates (homomorphic_round.h), then, on the key
  /// holder, the encrypted sum decrypted for the server. False on goodbye.
  bool homomorphicRound() {
    const std::uint64_t s = m_assignment.round;
    m_pushVersion = s;
    m_encrypting = true;
    trainRound();
    m_encrypting = false;
    const auto sum = awaitParams(s + 1);
    if (!sum) return false;
    std::vector<double> plain;
    if (m_rank == 0) {
      const auto [clients, ciphertexts] = readEncryptedSum(*sum);
      if (clients > 0) plain = decryptWithSignsOfLife(ciphertexts, clients);
    }
    sendSlots(writeDoubles(plain), PushKind::Model, s + 1);
    return true;
  }

  // Paillier takes milliseconds a ciphertext and thousands of them an update: the work goes in
  // chunks, each a Compute span sent at once, so the coordinator hears from this process well
  // within its timeout and the timeline shows the cost.
  static constexpr std::size_t kCiphertextsAChunk = 64;

  std::vector<BigBytes> encryptWithSignsOfLife(std::span<const float> values,
                                               std::size_t& clamped) {
    const PaillierPacking packing;
    const std::size_t chunk =
        kCiphertextsAChunk * static_cast<std::size_t>(packing.slots(m_paillier->bits()));
    std::vector<BigBytes> out;
    for (std::size_t at = 0; at < values.size(); at += chunk) {
      const auto t0 = steadyNowNs();
      std::size_t clampedHere = 0;
      auto part = encryptUpdate(*m_paillier, values.subspan(at, std::min(chunk, values.size() - at)),
                                packing, &clampedHere);
      clamped += clampedHere;
      out.insert(out.end(), std::make_move_iterator(part.begin()),
                 std::make_move_iterator(part.end()));
      m_reporter.record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), m_step, 0});
      m_reporter.sendTelemetry(true);
    }
    return out;
  }

  std::vector<double> decryptWithSignsOfLife(const std::vector<BigBytes>& sum, int clients) {
    const PaillierPacking packing;
    const auto slots = static_cast<std::size_t>(packing.slots(m_paillier->bits()));
    const std::size_t count = m_model.parameterCount();
    std::vector<double> out;
    for (std::size_t c = 0; c < sum.size(); c += kCiphertextsAChunk) {
      const auto t0 = steadyNowNs();
      const std::vector<BigBytes> part(sum.begin() + static_cast<std::ptrdiff_t>(c),
                                       sum.begin() + static_cast<std::ptrdiff_t>(
                                                         std::min(sum.size(), c + kCiphertextsAChunk)));
      const std::size_t values = std::min(count - std::min(count, c * slots), part.size() * slots);
      auto plain = decryptSum(*m_paillierKey, part, values, clients, packing);
      out.insert(out.end(), plain.begin(), plain.end());
      m_reporter.record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), m_step, 0});
      m_reporter.sendTelemetry(true);
    }
    if (out.size() != count) {
      throw Error("homomorphic aggregation: the sum holds " + std::to_string(out.size()) +
                  " values for " + std::to_string(count));
    }
    return out;
  }

  /// The floats of the PARAMS of frame round `version` (nullopt: the coordinator said goodbye).
  std::optional<std::vector<float>> awaitParams(std::uint64_t version) {
    Message message = m_hub.receive();
    if (std::holds_alternative<Shutdown>(message)) return std::nullopt;
    auto* params = std::get_if<Params>(&message);
    if (!params || params->version != version) {
      throw Error("worker " + std::to_string(m_rank) + " expected secure aggregation's step " +
                  std::to_string(version));
    }
    return std::move(params->values);
  }

  /// A PUSH of `slots`; `rawBytes`: the floats an encoded update stands for (the traffic view's
  /// compression ratio), 0 when the slots are all there is.
  void sendSlots(const std::vector<float>& slots, PushKind kind, std::uint64_t version,
                 std::size_t rawBytes = 0) {
    const std::uint64_t frame = kFrameHeaderSize + bulkPrefixSize(MessageType::Push);
    const std::uint64_t bytes = frame + slots.size() * sizeof(float);
    m_reporter.record(Traffic{steadyNowNs(), m_rank, Direction::ToServer, MessageType::Push,
                              TrafficKind::Updates, bytes, rawBytes ? frame + rawBytes : bytes});
    if (kind == PushKind::Model) m_reporter.sendTelemetry(true);
    Push push;
    push.kind = kind;
    push.baseVersion = version;
    push.samples = static_cast<std::uint32_t>(m_processed);
    m_processed = 0;
    m_hub.sendBulk(push, slots);
  }

  /// A trained client's update on its way: clipped and perhaps noised (privacy.dp), then
  /// appended to the round's PUSH, or masked and sent on its own in a secure round.
  void emitUpdate(int id, std::uint64_t samples, std::span<float> update,
                  std::span<const float> change) {
    const auto& p = m_spec.privacy;
    if (p.dp != "none") {
      clipToNorm(update, p.dpClip);
      if (p.dp == "local") addGaussianNoise(update, p.noiseMultiplier * p.dpClip, m_dpRng);
    }
    if (m_encrypting) {
      const float weight = p.dp != "none" ? 1.0f : static_cast<float>(samples);
      m_weightedFloats.resize(update.size());
      for (std::size_t i = 0; i < update.size(); ++i) m_weightedFloats[i] = weight * update[i];
      std::size_t clamped = 0;
      EncryptedUpdate encrypted{static_cast<std::uint32_t>(id), samples,
                                encryptWithSignsOfLife(m_weightedFloats, clamped)};
      if (clamped) {
        m_reporter.record(Notice{steadyNowNs(), NoticeKind::ValuesClamped, m_rank, clamped, ""});
      }
      sendSlots(writeEncryptedUpdate(encrypted), PushKind::ModelPart, m_pushVersion);
      return;
    }
    if (m_encoder.wireId() != 0 && !m_secure) {
      sendEncoded(id, samples, update);
      return;
    }
    if (!m_secure) {
      appendClientUpdate(m_payload, id, samples, update, change);
      // A frame holds at most 64 MB: many clients' updates go in parts, sent as they fill.
      if (m_payload.size() * sizeof(float) >= kPartBytes) sendUpdates(PushKind::ModelPart);
      return;
    }
    // DP averages unweighted (a client's weight would scale its sensitivity).
    const double weight = p.dp != "none" ? 1.0 : static_cast<double>(samples);
    m_weighted.resize(update.size());
    for (std::size_t i = 0; i < update.size(); ++i) m_weighted[i] = weight * update[i];
    const auto client = static_cast<std::uint32_t>(id);
    sendSlots(m_secure->mask(client, samples, m_weighted), PushKind::ModelPart, m_pushVersion);
    m_sentInputs.push_back(client);
  }

  /// cluster.encoder in federated rounds: a client's update encoded into fewer bytes (with its
  /// own error feedback when cluster.error_feedback), a PUSH part of its own:
  /// [client, samples, the encoder's payload] (lessons/federated/encoded_updates.h).
  void sendEncoded(int id, std::uint64_t samples, std::span<const float> update) {
    std::span<const float> values = update;
    auto& feedback = m_feedback[static_cast<std::uint32_t>(id)];
    if (m_spec.cluster.errorFeedback) values = feedback.correct(values);
    m_encoded.clear();
    m_encoder.encode(values, m_encoded, m_encoderSettings, m_encodingRng);
    if (m_spec.cluster.errorFeedback) feedback.keep(m_encoder, m_encoded);
    sendSlots(writeEncodedUpdate(static_cast<std::uint32_t>(id), samples, m_encoded),
              PushKind::ModelPart, m_pushVersion, update.size_bytes());
  }

  /// The client blocks so far, as a part of the round's PUSH or as its last.
  void sendUpdates(PushKind kind) {
    // Everything measured goes before the update: after the last one the coordinator may end.
    const std::uint64_t bytes =
        kFrameHeaderSize + bulkPrefixSize(MessageType::Push) + m_payload.size() * sizeof(float);
    m_reporter.record(Traffic{steadyNowNs(), m_rank, Direction::ToServer, MessageType::Push,
                              TrafficKind::Updates, bytes, bytes});
    if (kind == PushKind::Model) m_reporter.sendTelemetry(true);
    Push push;
    push.kind = kind;
    push.baseVersion = m_pushVersion;
    push.samples = static_cast<std::uint32_t>(m_processed);  // the run's samples/s
    m_processed = 0;
    m_hub.sendBulk(push, m_payload);
    m_payload.clear();
  }

  static constexpr std::size_t kPartBytes = 32u << 20;

  /// A client's steps a round: fl.local_epochs passes over its rows in its batches, else
  /// fl.local_steps.
  int localSteps(std::uint32_t client, std::size_t rows) const {
    if (m_spec.fl.localEpochs <= 0) return m_spec.fl.localSteps;
    const auto batch = static_cast<std::size_t>(clientBatchSize(m_spec, static_cast<int>(client)));
    return m_spec.fl.localEpochs * static_cast<int>((rows + batch - 1) / batch);
  }

  /// `steps` steps of the client's rule from the global model on the client's rows; returns the
  /// last step's loss.
  double trainClient(std::uint32_t client, const std::vector<std::size_t>& rows, int steps) {
    std::copy(m_global.begin(), m_global.end(), m_model.parameters().begin());
    const auto optimizer = makeOptimizer(m_spec.training);  // a client keeps no momentum
    auto found = m_orders.find(client);
    if (found == m_orders.end()) {
      TrainingSpec own = m_spec.training;
      own.batchSize = clientBatchSize(m_spec, static_cast<int>(client));
      found = m_orders.try_emplace(client, own, rows.size(), m_spec.seed + 1 + client).first;
    }
    auto& order = found->second;
    const std::vector<float> none;
    const ClientRound round{m_global, m_serverControl,
                            m_rule.usesControlVariates() ? std::span<const float>(control(client))
                                                         : std::span<const float>(none),
                            m_spec.fl.mu};
    double last = 0.0;
    for (int s = 0; s < steps; ++s, ++m_step) {
      const auto t0 = steadyNowNs();
      m_batch.clear();
      for (std::size_t p : order.next()) m_batch.push_back(rows[p]);
      m_processed += m_batch.size();
      gatherBatch(m_data.train, m_batch, m_x, m_labels, m_targets);
      if (isAttacker(m_spec, static_cast<int>(client))) {
        m_attack.poisonBatch(m_x, m_labels, m_poison, m_attackRng);
      }
      const BatchTargets t{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
      last = computeLoss(m_loss, m_model.forward(m_x), t, &m_dOut);
      m_model.backward(m_dOut);
      m_rule.adjustGradient(m_model.gradients(), m_model.parameters(), round);
      optimizer->step(m_model.parameters(), m_model.gradients());
      // A slow device: the same work takes its slowdown times as long (faster ones cannot
      // be made faster here; their lateness is decided from the slowdown alone).
      const double slowdown = m_conditions.slowdown(static_cast<int>(client));
      if (slowdown > 1.0) {
        std::this_thread::sleep_for(std::chrono::duration<double>(
            static_cast<double>(steadyNowNs() - t0) * 1e-9 * (slowdown - 1.0)));
      }
      m_reporter.record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), m_step, 0});
    }
    return last;
  }

  std::vector<float>& control(std::uint32_t client) {
    auto [it, fresh] = m_controls.try_emplace(client);
    if (fresh) it->second.assign(m_model.parameterCount(), 0.0f);
    return it->second;
  }

  BlockingChannel& m_hub;
  int m_rank;
  const Spec& m_spec;
  TrainTest m_data;
  Partition m_clients;
  const ClientRule& m_rule;
  ClientConditions m_conditions;
  LossKind m_loss;
  Model m_model;
  StageReporter m_reporter;
  Mask m_assignment;
  std::vector<float> m_global, m_serverControl;
  std::vector<float> m_payload;  ///< this round's PUSH: one block a client that answers
  std::map<std::uint32_t, BatchOrder> m_orders;            ///< each client's own batches
  std::map<std::uint32_t, std::vector<float>> m_controls;  ///< SCAFFOLD: each client's c_i
  std::vector<std::size_t> m_batch;
  Matrix m_x, m_targets, m_dOut;
  std::vector<int> m_labels;
  std::uint64_t m_step = 0;
  std::uint64_t m_processed = 0;  ///< examples trained on since the last PUSH
  const PoisonAttack& m_attack = poisonAttacks().at(m_spec.security.attack);
  PoisonSettings m_poison;
  Rng m_attackRng =
      Rng::stream(m_spec.seed, RngPurpose::Attack, static_cast<std::uint64_t>(m_rank));
  Rng m_dpRng = Rng::stream(m_spec.seed, RngPurpose::Noise, static_cast<std::uint64_t>(m_rank));
  std::uint64_t m_pushVersion = 0;             ///< the frame round this step's PUSH answers
  HostedSecureClients* m_secure = nullptr;     ///< a secure round's clients, while it trains
  std::vector<std::uint32_t> m_sentInputs;     ///< secure: the clients whose inputs went out
  std::vector<double> m_weighted;
  bool m_encrypting = false;                   ///< a homomorphic round, while it trains
  std::optional<PaillierPublicKey> m_paillier;
  std::optional<PaillierPrivateKey> m_paillierKey;  ///< process 0: the key holder
  std::vector<float> m_weightedFloats;
  const UpdateEncoder& m_encoder = updateEncoders().at(m_spec.cluster.encoder);
  const EncoderSettings m_encoderSettings{m_spec.cluster.compressRatio, m_spec.cluster.qsgdLevels};
  Rng m_encodingRng =
      Rng::stream(m_spec.seed, RngPurpose::Encoding, static_cast<std::uint64_t>(m_rank));
  std::map<std::uint32_t, ErrorFeedback> m_feedback;  ///< each client's own residual
  std::vector<std::uint8_t> m_encoded;
};

}  // namespace

void runFederatedWorker(BlockingChannel& hub, int rank, const Spec& spec,
                        const std::string& token) {
  // Workers talk to the coordinator only: no links to each other.
  const PeerLinks none(hub, rank, spec.cluster.workers, {}, token, spec);
  FederatedWorker(hub, rank, spec).run();
}

}  // namespace distlab::engine
