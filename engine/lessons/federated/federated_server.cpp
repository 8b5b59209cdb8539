#include "lessons/federated/federated_server.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>

#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "federated/client_conditions.h"
#include "federated/client_drift.h"
#include "federated/client_privacy.h"
#include "federated/client_rule.h"
#include "federated/client_sampler.h"
#include "federated/client_updates.h"
#include "federated/server_optimizer.h"
#include "lessons/federated/federated_clients.h"
#include "lessons/federated/encoded_updates.h"
#include "lessons/federated/homomorphic_round.h"
#include "lessons/federated/secure_round_server.h"
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

/// A late client's update kept for the next round (fl.late = next).
struct CarriedUpdate {
  int client = 0;
  std::uint64_t samples = 0;
  std::vector<float> update, control;
};

class FederatedServer {
 public:
  FederatedServer(RoundHost& host, const Spec& spec, Model& whole)
      : m_host(host),
        m_spec(spec),
        m_fl(spec.fl),
        m_whole(whole),
        m_size(whole.parameterCount()),
        m_scaffold(clientRules().at(spec.fl.algorithm).usesControlVariates()),
        m_optimizer(serverOptimizers().at(spec.fl.serverOptimizer)),
        m_options{spec.fl.serverLr, spec.fl.beta1, spec.fl.beta2, spec.fl.tau},
        m_conditions(spec.fl, spec.seed),
        m_control(m_scaffold ? m_size : 0, 0.0f),
        m_delta(m_size),
        m_ledger(spec) {
    const auto& sec = spec.security;
    const RobustAggregator& rule = robustAggregators().at(sec.aggregator);
    if (!poisonAttacks().at(sec.attack).harmless() || !rule.trustsEveryPush()) {
      m_judge = &rule;
      m_judgeSettings = {sec.f(), sec.trimFraction, sec.krumSelect, sec.clipNorm};
    }
  }

  void run() {
    if (m_spec.privacy.homomorphic) {
      m_paillier.emplace(serveHomomorphicKeys(m_host));  // frame rounds 0 and 1
      m_sequence = 2;
    }
    const auto rounds = static_cast<std::uint64_t>(m_fl.rounds);
    const int attempts = m_fl.tooFew == "retry" ? 1 + m_fl.retries : 1;
    for (std::uint64_t round = 0; round < rounds; ++round) {
      for (int attempt = 0; attempt < attempts; ++attempt) {
        if (tryRound(round, attempt, attempt + 1 == attempts)) break;
      }
      const bool last = round + 1 == rounds;
      if ((round + 1) % static_cast<std::uint64_t>(m_fl.evalEvery) == 0 || last) {
        m_host.evaluate(round + 1, m_whole.parameters(), last);
      }
    }
  }

 private:
  /// One attempt at a round; false when it had too few results and another attempt may follow.
  bool tryRound(std::uint64_t round, int attempt, bool lastAttempt) {
    FederatedRound record;
    record.round = round;
    record.attempt = attempt;
    const int workers = m_host.processes();
    std::vector<int> online;
    for (int c = 0; c < m_fl.clients; ++c) {
      if (!m_host.alive(hostOf(c, workers))) continue;  // its process died: offline for good
      if (m_conditions.online(round, c)) {
        online.push_back(c);
      } else {
        record.offline.push_back(c);
      }
    }
    record.available = static_cast<int>(online.size());
    const int count =
        clientsPerRound(record.available, m_fl.fraction, m_fl.minClients, m_fl.perRound);
    // Attempt 0 samples as a run without retries would; later attempts draw afresh.
    record.sampled = sampleClients(online, count, m_spec.seed,
                                   round | (static_cast<std::uint64_t>(attempt) << 40));
    std::vector<std::vector<std::uint32_t>> hosted(static_cast<std::size_t>(workers));
    for (int c : record.sampled) {
      record.hosts.push_back(hostOf(c, workers));
      hosted[static_cast<std::size_t>(record.hosts.back())].push_back(
          static_cast<std::uint32_t>(c));
    }
    // A secure round takes four frame rounds: keys, shares, masked inputs, revealed shares.
    const std::uint64_t sequence = m_sequence;
    m_sequence += m_secure ? 4 : m_paillier ? 2 : 1;
    for (int k = 0; k < workers; ++k) {
      if (!m_host.alive(k)) continue;
      m_host.send(k,
                  Mask{sequence,
                       {hosted[static_cast<std::size_t>(k)],
                        {static_cast<std::uint32_t>(round), static_cast<std::uint32_t>(attempt)}}});
      m_host.send(k, Params{sequence, {}}, m_whole.parameters());
      if (m_scaffold) m_host.send(k, Params{sequence, {}}, m_control);
    }
    if (m_secure) return secureRound(sequence, record, lastAttempt);
    if (m_paillier) return homomorphicRound(sequence, record, lastAttempt);
    const auto pushes = m_host.collect(sequence);
    const auto t0 = steadyNowNs();

    std::vector<std::vector<ClientUpdate>> answers(pushes.size());
    std::deque<std::vector<float>> decoded;  // cluster.encoder: the updates' values, kept here
    for (std::size_t k = 0; k < pushes.size(); ++k) {
      if (pushes[k].lost) continue;
      if (m_encoder.wireId() != 0) {
        answers[k] = readEncodedUpdates(pushes[k], m_encoder, m_size, m_fl.clients, decoded);
        continue;
      }
      answers[k] = readClientUpdates(pushes[k].values, m_size, m_scaffold, m_fl.clients);
      for (const auto& part : pushes[k].moreValues) {
        auto more = readClientUpdates(part, m_size, m_scaffold, m_fl.clients);
        answers[k].insert(answers[k].end(), more.begin(), more.end());
      }
    }
    // Sort each sampled client's answer: on time, late, dropped out, lost.
    std::vector<const ClientUpdate*> fresh(record.sampled.size(), nullptr);
    std::vector<CarriedUpdate> lateForNext;
    for (std::size_t i = 0; i < record.sampled.size(); ++i) {
      const int c = record.sampled[i];
      const auto k = static_cast<std::size_t>(record.hosts[i]);
      if (pushes[k].lost) {
        record.outcomes.push_back(ClientOutcome::Lost);
        continue;
      }
      const auto it = std::find_if(answers[k].begin(), answers[k].end(),
                                   [c](const ClientUpdate& u) { return u.client == c; });
      if (m_conditions.dropsOut(round, attempt, c)) {
        if (it != answers[k].end()) throw Error("a dropped-out client answered");
        record.outcomes.push_back(ClientOutcome::DroppedOut);
        continue;
      }
      if (it == answers[k].end()) {
        throw Error("worker " + std::to_string(k) + " did not answer for client " +
                    std::to_string(c));
      }
      if (!m_conditions.late(c)) {
        record.outcomes.push_back(ClientOutcome::Trained);
        fresh[i] = &*it;
      } else if (m_fl.late == "next") {
        record.outcomes.push_back(ClientOutcome::LateCarried);
        lateForNext.push_back({c,
                               it->samples,
                               {it->update.begin(), it->update.end()},
                               {it->control.begin(), it->control.end()}});
      } else {
        record.outcomes.push_back(ClientOutcome::LateDropped);
      }
    }
    measureDrift(fresh, record);

    int results = static_cast<int>(m_carried.size());
    for (const auto* u : fresh) results += u != nullptr;
    record.applied = results >= m_fl.minResults;
    if (record.applied) {
      apply(fresh, record);
    }
    for (auto& late : lateForNext) m_carried.push_back(std::move(late));
    return finishRecord(record, t0, lastAttempt);
  }

  bool finishRecord(FederatedRound& record, std::int64_t t0, bool lastAttempt) {
    m_host.record(Span{kServerLane, SpanKind::Aggregate, t0, steadyNowNs(), record.round, 0});
    if (m_dp) {
      record.epsilon = m_ledger.epsilon();
      record.delta = m_spec.privacy.dpDelta;
    }
    record.timeNs = steadyNowNs();
    m_host.record(record);
    return record.applied || lastAttempt;
  }

  /// The rest of an attempt under secure aggregation: the server sees masked inputs only, so it
  /// knows who answered and the survivors' exact sum, and nothing of any one update (no drift).
  bool secureRound(std::uint64_t s, FederatedRound& record, bool lastAttempt) {
    const auto result = serveSecureRound(
        m_host, s, record.round, m_fl.clients, m_spec.privacy.secaggThreshold, m_size,
        [this](std::uint32_t c) { return !m_conditions.late(static_cast<int>(c)); });
    const auto t0 = steadyNowNs();
    record.secure = result.outcome;
    record.secureThreshold = result.threshold;
    record.recovered = result.recovered;
    const auto used = outcomesOfHidden(record, result.inputs);
    record.applied = result.outcome == SecureRound::Unmasked &&
                     static_cast<int>(used.size()) >= m_fl.minResults;
    if (record.applied) applyHiddenSum(record, used, result.survivors, result.inputs, result.sum);
    return finishRecord(record, t0, lastAttempt);
  }

  /// The rest of an attempt under homomorphic encryption: the server adds ciphertexts and the
  /// key holder decrypts their sum; like secure aggregation, no one update is seen.
  bool homomorphicRound(std::uint64_t s, FederatedRound& record, bool lastAttempt) {
    const auto result = serveHomomorphicRound(
        m_host, *m_paillier, s, record.round, m_fl.clients, m_size,
        [this](std::uint32_t c) { return !m_conditions.late(static_cast<int>(c)); });
    const auto t0 = steadyNowNs();
    record.secure = SecureRound::Decrypted;
    const auto used = outcomesOfHidden(record, result.inputs);
    record.applied = !used.empty() && static_cast<int>(used.size()) >= m_fl.minResults;
    if (record.applied) applyHiddenSum(record, used, result.summed, result.inputs, result.sum);
    return finishRecord(record, t0, lastAttempt);
  }

  /// Each sampled client's outcome when the server knows only whose protected update came
  /// (`inputs`); returns those that count (on time).
  std::vector<int> outcomesOfHidden(FederatedRound& record,
                                    const std::map<std::uint32_t, std::uint64_t>& inputs) {
    std::vector<int> used;
    for (std::size_t i = 0; i < record.sampled.size(); ++i) {
      const int c = record.sampled[i];
      if (inputs.count(static_cast<std::uint32_t>(c))) {
        const bool late = m_conditions.late(c);
        record.outcomes.push_back(late ? ClientOutcome::LateDropped : ClientOutcome::Trained);
        if (!late) used.push_back(c);
      } else if (m_conditions.dropsOut(record.round, record.attempt, c)) {
        record.outcomes.push_back(ClientOutcome::DroppedOut);
      } else if (!m_host.alive(record.hosts[i])) {
        record.outcomes.push_back(ClientOutcome::Lost);
      } else {
        throw Error("worker " + std::to_string(record.hosts[i]) +
                    " did not answer for client " + std::to_string(c));
      }
    }
    record.cosines.assign(record.sampled.size(), 0.0);
    return used;
  }

  /// The step by a sum the server got without seeing its terms.
  void applyHiddenSum(FederatedRound& record, std::span<const int> used,
                      std::span<const std::uint32_t> summed,
                      const std::map<std::uint32_t, std::uint64_t>& inputs,
                      std::span<const double> sum) {
    for (auto c : summed) record.samples += inputs.at(c);
    for (std::size_t i = 0; i < m_size; ++i) m_delta[i] = static_cast<float>(sum[i]);
    if (record.samples > 0) step(used, record.samples);
  }

  /// The server's step by the round's summed updates in m_delta: their sample-weighted mean, or
  /// under privacy.dp their unweighted mean over the clients a round, central noise added.
  void step(std::span<const int> clients, std::uint64_t samples) {
    if (!m_dp) {
      for (float& d : m_delta) d /= static_cast<float>(samples);
    } else {
      const auto& p = m_spec.privacy;
      if (p.dp == "central") addGaussianNoise(m_delta, p.noiseMultiplier * p.dpClip, m_dpRng);
      const auto perRound = static_cast<float>(
          clientsPerRound(m_fl.clients, m_fl.fraction, m_fl.minClients, m_fl.perRound));
      for (float& d : m_delta) d /= perRound;
      m_ledger.recordRound(clients);
    }
    m_optimizer.step(m_whole.parameters(), m_delta, m_state, m_options);
  }

  /// The server's step by the sample-weighted mean of the fresh and the carried updates, or by
  /// security.aggregator's combination of them when the server judges the round.
  void apply(const std::vector<const ClientUpdate*>& fresh, FederatedRound& record) {
    std::fill(m_delta.begin(), m_delta.end(), 0.0f);
    std::uint64_t samples = 0;
    std::vector<std::span<const float>> judged;
    std::vector<float> weights;
    std::vector<int> clients;
    const auto add = [&](int client, std::uint64_t n, std::span<const float> update,
                         std::span<const float> control) {
      samples += n;
      // Under DP every client weighs the same: a weight by data would scale its sensitivity.
      const auto w = m_dp ? (n > 0 ? 1.0f : 0.0f) : static_cast<float>(n);
      if (m_judge && n > 0) {
        judged.push_back(update);
        weights.push_back(w);
        clients.push_back(client);
      }
      for (std::size_t i = 0; m_judge == nullptr && i < m_size; ++i) m_delta[i] += w * update[i];
      for (std::size_t i = 0; i < m_control.size(); ++i) {
        m_control[i] += control[i] / static_cast<float>(m_fl.clients);
      }
    };
    std::vector<int> used;
    for (const auto* u : fresh) {
      if (u) add(u->client, u->samples, u->update, u->control);
      if (u) used.push_back(u->client);
    }
    // Taken out first and kept until the step: a judged round reads the carried updates then.
    const std::vector<CarriedUpdate> carried = std::move(m_carried);
    m_carried.clear();
    for (const auto& late : carried) {
      add(late.client, late.samples, late.update, late.control);
      record.carried.push_back(late.client);
      used.push_back(late.client);
    }
    record.samples = samples;
    if (samples == 0) return;  // clients without data leave the model as it was
    if (!m_judge) return step(used, samples);
    judge(record.round, judged, weights, clients);
    m_optimizer.step(m_whole.parameters(), m_delta, m_state, m_options);
  }

  /// The rule's combination of the round's updates into m_delta, and its verdict on each
  /// client's (lesson 8 in federated rounds: security.attackers are client ids).
  void judge(std::uint64_t round, const std::vector<std::span<const float>>& updates,
             const std::vector<float>& weights, const std::vector<int>& clients) {
    RobustRound verdict;
    m_judge->combine(updates, weights, m_judgeSettings, m_judgeMemory, m_delta, verdict);
    PushVerdicts v{steadyNowNs(), round + 1, clients, verdict.fates, {}, {}, verdict.scores};
    measureAgainst(updates, m_delta, v.norms, v.cosines);
    m_host.record(std::move(v));
  }

  /// How far the round's fresh updates spread (the lesson's client-drift view).
  void measureDrift(const std::vector<const ClientUpdate*>& fresh, FederatedRound& record) const {
    std::vector<std::span<const float>> updates;
    std::vector<double> samples;
    for (const auto* u : fresh) {
      if (u && u->samples > 0) {
        updates.push_back(u->update);
        samples.push_back(static_cast<double>(u->samples));
      }
    }
    record.cosines.assign(fresh.size(), 0.0);
    if (updates.empty()) return;
    const ClientDrift drift = clientDrift(updates, samples);
    record.meanNorm = drift.meanNorm;
    record.normSpread = drift.normSpread;
    record.meanCosine = drift.meanCosine;
    std::size_t next = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      if (fresh[i] && fresh[i]->samples > 0) record.cosines[i] = drift.cosines[next++];
    }
  }

  RoundHost& m_host;
  const Spec& m_spec;
  const FederatedSpec& m_fl;
  Model& m_whole;
  std::size_t m_size;
  bool m_scaffold;
  const ServerOptimizer& m_optimizer;
  ServerOptimizerOptions m_options;
  ServerOptimizerState m_state;
  ClientConditions m_conditions;
  std::vector<float> m_control, m_delta;
  std::vector<CarriedUpdate> m_carried;
  std::uint64_t m_sequence = 0;  ///< the frames' round: one an attempt, four when secure
  bool m_secure = m_spec.privacy.secureAggregation;
  bool m_dp = m_spec.privacy.dp != "none";
  PrivacyLedger m_ledger;
  std::optional<PaillierPublicKey> m_paillier;  ///< homomorphic rounds: the key holder's key
  const UpdateEncoder& m_encoder = updateEncoders().at(m_spec.cluster.encoder);
  Rng m_dpRng = Rng::stream(m_spec.seed, RngPurpose::Noise, 1u << 20);
  const RobustAggregator* m_judge = nullptr;  ///< security.aggregator when rounds are judged
  RobustSettings m_judgeSettings;
  RobustMemory m_judgeMemory;
};

}  // namespace

void serveFederatedRounds(RoundHost& host, const Spec& spec, Model& whole) {
  FederatedServer(host, spec, whole).run();
}

}  // namespace distlab::engine
