#include "cluster/parameter_server.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "aggregate/models/model_aggregator.h"
#include "aggregate/robust/robust_math.h"
#include "core/error.h"
#include "defenses/update_privacy.h"

namespace distlab::engine {

ParameterServer::ParameterServer(std::vector<float> initial, std::unique_ptr<Optimizer> optimizer,
                                 SyncRule rule, int workers)
    : m_own(std::move(initial)),
      m_params(m_own),
      m_optimizer(std::move(optimizer)),
      m_rule(std::move(rule)),
      m_clocks(workers, m_rule.staleness),
      // A running sum and a mean only where rounds are not kept and fused (m_rule comes first).
      m_gather(fusesRounds() ? 0 : m_params.size()),
      m_mean(fusesRounds() ? 0 : m_params.size()),
      m_startGap(static_cast<std::size_t>(workers), 0),
      m_applied(static_cast<std::size_t>(workers), 0),
      m_members(static_cast<std::size_t>(workers)),
      m_parties(workers),
      m_masked(m_rule.secureAggregation ? m_params.size() : 0) {
  if (m_rule.pushKind == PushKind::Gradient && !m_optimizer) {
    throw Error("a parameter server that applies gradients needs an optimizer");
  }
}

bool ParameterServer::mayStart(int worker) const {
  // A whole round waiting for its sum (a mask key being rebuilt, the key holder decrypting) is
  // not applied yet: starting the next step now would be on the old parameters.
  return !m_roundHeld && m_clocks.mayStart(worker);
}

void ParameterServer::noteStart(int worker) {
  const auto slowest = m_clocks.slowest().value_or(0);
  const auto mine = m_clocks.clock(worker);
  m_startGap.at(static_cast<std::size_t>(worker)) = mine > slowest ? mine - slowest : 0;
}

void ParameterServer::checkPush(int worker, PushKind kind, std::size_t size) const {
  if (size != m_params.size()) {
    throw Error("worker " + std::to_string(worker) + " pushed " + std::to_string(size) +
                " values; the model has " + std::to_string(m_params.size()));
  }
  if (kind != m_rule.pushKind) {
    throw Error("worker " + std::to_string(worker) + " pushed the wrong kind of update for " +
                m_rule.name);
  }
}

bool ParameterServer::fusesRounds() const {
  return m_rule.gathersRounds && !m_rule.sealsPushes() && !keepsMembers();
}

std::vector<float> ParameterServer::takeSpare() {
  if (m_spares.empty()) return {};
  std::vector<float> spare = std::move(m_spares.back());
  m_spares.pop_back();
  return spare;
}

std::optional<AppliedUpdate> ParameterServer::push(int worker, PushKind kind,
                                                   std::uint64_t baseVersion, std::uint32_t samples,
                                                   std::span<const float> values) {
  if (!fusesRounds()) return pushValues(worker, kind, baseVersion, samples, values);
  std::vector<float> copy = takeSpare();
  copy.assign(values.begin(), values.end());
  return push(worker, kind, baseVersion, samples, std::move(copy));
}

std::optional<AppliedUpdate> ParameterServer::push(int worker, PushKind kind,
                                                   std::uint64_t baseVersion, std::uint32_t samples,
                                                   std::vector<float>&& values) {
  if (!fusesRounds()) {
    auto out = pushValues(worker, kind, baseVersion, samples, values);
    keepSpare(std::move(values));
    return out;
  }
  checkPush(worker, kind, values.size());
  m_clocks.tick(worker);
  m_pending.push_back({worker, m_version - std::min(baseVersion, m_version),
                       m_startGap.at(static_cast<std::size_t>(worker)), samples});
  const std::uint32_t weight = m_rule.weightOf(samples);
  if (weight > 0) {
    m_kept.push_back(std::move(values));
    m_keptViews.push_back(m_kept.back());  // a moved vector keeps its buffer: the view holds
    keepPush(worker, weight);
  } else {
    // It counts as pushed but adds nothing to the mean (not even a NaN in it), and is not kept:
    // a run of pushes without examples must not pile up vectors.
    keepSpare(std::move(values));
  }
  return completeRoundIfReady();
}

std::optional<AppliedUpdate> ParameterServer::pushLent(int worker, PushKind kind,
                                                       std::uint64_t baseVersion,
                                                       std::uint32_t samples,
                                                       std::span<const float> values) {
  if (!fusesRounds()) return pushValues(worker, kind, baseVersion, samples, values);
  checkPush(worker, kind, values.size());
  m_clocks.tick(worker);
  m_pending.push_back({worker, m_version - std::min(baseVersion, m_version),
                       m_startGap.at(static_cast<std::size_t>(worker)), samples});
  if (const std::uint32_t weight = m_rule.weightOf(samples); weight > 0) {
    m_kept.emplace_back();  // nothing owned: the view is the lender's memory
    m_keptViews.push_back(values);
    keepPush(worker, weight);
  }
  return completeRoundIfReady();
}

void ParameterServer::keepPush(int worker, std::uint32_t weight) {
  m_keptWeights.push_back(weight);
  m_keptWorkers.push_back(worker);
}

bool ParameterServer::holdsLent() const {
  for (std::size_t i = 0; i < m_kept.size(); ++i) {
    if (m_kept[i].empty() && !m_keptViews[i].empty()) return true;
  }
  return false;
}

void ParameterServer::keepSpare(std::vector<float>&& values) {
  // One per worker is all the coordinator ever asks back before the next round ends.
  if (static_cast<int>(m_spares.size()) < m_parties) m_spares.push_back(std::move(values));
}

std::optional<AppliedUpdate> ParameterServer::pushValues(int worker, PushKind kind,
                                                         std::uint64_t baseVersion,
                                                         std::uint32_t samples,
                                                         std::span<const float> values) {
  checkPush(worker, kind, values.size());
  m_clocks.tick(worker);
  const Contribution who{worker, m_version - std::min(baseVersion, m_version),
                         m_startGap.at(static_cast<std::size_t>(worker)), samples};
  if (!m_rule.gathersRounds) {
    AppliedUpdate out;
    apply(values, {who}, out);
    return out;
  }
  if (keepsMembers()) {
    m_members.at(static_cast<std::size_t>(worker)).assign(values.begin(), values.end());
  }
  const std::uint32_t weight = m_rule.weightOf(samples);
  m_pending.push_back(who);
  if (m_rule.secureAggregation) {
    m_masked.add(values);
    m_maskedWeight += m_rule.maskedWeight(samples);
    return completeRoundIfReady();
  }
  if (roundReady() && m_gather.samples() + weight > 0) {
    m_gather.addAndTake(values, weight, m_mean);  // the last push of a round: one pass
    return finishRound();
  }
  m_gather.add(values, weight);
  return completeRoundIfReady();
}

std::optional<AppliedUpdate> ParameterServer::pushSealed(int worker, PushKind kind,
                                                         std::uint64_t baseVersion,
                                                         std::uint32_t samples) {
  checkPush(worker, kind, m_params.size());
  if (!m_rule.homomorphic) throw Error("a sealed push outside homomorphic aggregation");
  m_clocks.tick(worker);
  m_pending.push_back({worker, m_version - std::min(baseVersion, m_version),
                       m_startGap.at(static_cast<std::size_t>(worker)), samples});
  m_maskedWeight += m_rule.maskedWeight(samples);
  return completeRoundIfReady();
}

bool ParameterServer::roundReady() const {
  // The round is complete when every live worker has pushed for it (or, with nobody left, when
  // something is waiting: the last pushes of workers that finished are not lost).
  const auto slowest = m_clocks.slowest();
  return slowest ? *slowest > m_round : !m_pending.empty();
}

std::optional<AppliedUpdate> ParameterServer::leave(int worker) {
  if (!m_clocks.alive(worker)) return std::nullopt;
  m_clocks.markDead(worker);
  return m_rule.gathersRounds ? completeRoundIfReady() : std::nullopt;
}

std::uint64_t ParameterServer::rejoin(int worker) {
  m_clocks.markAlive(worker);
  return m_clocks.clock(worker);
}

std::optional<AppliedUpdate> ParameterServer::completeRoundIfReady() {
  if (fusesRounds()) {
    if (!roundReady() || m_pending.empty()) return std::nullopt;
    return applyKeptRound();
  }
  const auto slowest = m_clocks.slowest();
  const bool gathered = m_rule.sealsPushes() ? m_maskedWeight > 0 : m_gather.samples() > 0;
  if (!roundReady() || m_pending.empty() || !gathered) return std::nullopt;
  if (m_rule.homomorphic) {
    m_roundHeld = !m_sealedSum || !m_sealedSum(m_round, static_cast<int>(m_pending.size()), m_mean);
    if (m_roundHeld) return std::nullopt;  // the key holder is decrypting the round's sum
    for (auto& v : m_mean) v = static_cast<float>(v / m_maskedWeight);
    m_maskedWeight = 0;
  } else if (m_rule.secureAggregation) {
    const Unmasking unmasked = unmaskRound();
    m_roundHeld = unmasked == Unmasking::Waiting;
    if (m_roundHeld) return std::nullopt;  // a key is being rebuilt
    if (unmasked == Unmasking::Done) m_masked.mean(m_maskedWeight, m_mean);
    m_masked.reset();
    m_maskedWeight = 0;
    if (unmasked == Unmasking::Impossible) {  // the missing workers' masks stay in the sum
      ++m_lostRounds;
      m_pending.clear();
      m_round = slowest.value_or(m_round + 1);
      return std::nullopt;
    }
  } else {
    m_gather.result(m_mean);
    m_gather.reset();
  }
  return finishRound();
}

Unmasking ParameterServer::unmaskRound() {
  if (static_cast<int>(m_pending.size()) == m_parties) return Unmasking::Done;  // masks cancel
  if (!m_unmasker) return Unmasking::Impossible;
  std::vector<int> pushers, absent;
  std::vector<bool> pushed(static_cast<std::size_t>(m_parties), false);
  for (const auto& c : m_pending) {
    pushers.push_back(c.worker);
    pushed[static_cast<std::size_t>(c.worker)] = true;
  }
  for (int w = 0; w < m_parties; ++w) {
    if (!pushed[static_cast<std::size_t>(w)]) absent.push_back(w);
  }
  return m_unmasker(pushers, absent, m_round, m_masked);
}

std::optional<AppliedUpdate> ParameterServer::finishRound() {
  const auto slowest = m_clocks.slowest();
  if (m_rule.compressesMembers()) {
    if (m_compressor) m_compressor(membersBackToBack(), m_mean);
    for (auto& m : m_members) m.clear();  // every live worker pushes again next round
  }
  AppliedUpdate out;
  if (m_rule.pushKind == PushKind::Gradient) addCentralNoise(m_mean, m_pending.size(), 0);
  apply(m_mean, m_pending, out);
  m_pending.clear();
  m_round = slowest.value_or(m_round + 1);
  return out;
}

void ParameterServer::addCentralNoise(std::span<float> mean, std::size_t pushes,
                                      std::size_t slice) const {
  if (m_rule.centralNoise <= 0.0 || pushes == 0) return;
  // N(0, (sigma C)^2) on the round's sum is N(0, (sigma C / n)^2) on its mean; a stream per
  // version and slice, so the crew's threads draw the same noise in any order.
  Rng rng =
      Rng::stream(m_rule.noiseSeed, RngPurpose::Noise, (1ull << 62) | (m_version << 20) | slice);
  addGaussianNoise(mean, m_rule.centralNoise / static_cast<double>(pushes), rng);
}

std::optional<AppliedUpdate> ParameterServer::applyKeptRound() {
  // Each push is scaled by its weight over the total (not WeightedMean's sum then division: the
  // bits may differ in the last place).
  std::uint64_t total = 0;
  for (const std::uint32_t w : m_keptWeights) total += w;
  if (total == 0) return std::nullopt;  // nothing to average yet (every push had no examples)
  const std::vector<float> weights(m_keptWeights.begin(), m_keptWeights.end());
  AppliedUpdate out;
  if (m_rule.robust) {
    applyJudgedRound(weights, out);
  } else {
    // Summed in rank order, not in the order the pushes came: the rounding, and so the whole
    // run, repeats bit for bit (a resumed run ends on the parameters of an uninterrupted one).
    std::vector<std::size_t> order(m_keptViews.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [this](std::size_t a, std::size_t b) { return m_keptWorkers[a] < m_keptWorkers[b]; });
    std::vector<std::span<const float>> views;
    std::vector<float> ranked;
    for (const auto i : order) views.push_back(m_keptViews[i]), ranked.push_back(weights[i]);
    fuseMeanAndStep(views, ranked, static_cast<float>(total));
  }
  for (auto& v : m_kept) {
    if (!v.empty()) keepSpare(std::move(v));
  }
  m_kept.clear();
  m_keptViews.clear();
  m_keptWeights.clear();
  m_keptWorkers.clear();
  countApplied(m_pending, out);
  m_pending.clear();
  m_round = m_clocks.slowest().value_or(m_round + 1);
  return out;
}

void ParameterServer::fuseMeanAndStep(std::span<const std::span<const float>> pushes,
                                      std::span<const float> weights, float total) {
  const std::size_t n = m_params.size();
  constexpr std::size_t kSlice = 4096;  // 16 KB of mean: it stays in the first-level cache
  const bool gradients = m_rule.pushKind == PushKind::Gradient;
  if (gradients) m_optimizer->beginStep(n);
  const std::function<void(std::size_t)> slice = [&](std::size_t s) {
    const std::size_t begin = s * kSlice, size = std::min(kSlice, n - begin);
    std::array<float, kSlice> mean;
    const std::span<float> m(mean.data(), size);
    weightedMeanSlice(pushes, weights, total, begin, m);
    addCentralNoise(m, weights.size(), s);
    const auto params = std::span<float>(m_params).subspan(begin, size);
    if (gradients) {
      m_optimizer->stepSlice(params, m, begin);
    } else {
      std::copy(m.begin(), m.end(), params.begin());
    }
  };
  const std::size_t slices = (n + kSlice - 1) / kSlice;
  if (m_crew) {
    m_crew->run(slices, slice);
  } else {
    for (std::size_t s = 0; s < slices; ++s) slice(s);
  }
}

void ParameterServer::keepParametersIn(std::span<float> region) {
  if (region.size() != m_params.size()) throw Error("a parameter region of another size");
  std::copy(m_params.begin(), m_params.end(), region.begin());
  m_params = region;
  // m_own keeps its storage: PARAMS queued to remote workers before now may still point into
  // it (snapshot() sends it without a copy under gathered rounds).
  m_inRegion = true;
}

void ParameterServer::applyJudgedRound(std::span<const float> weights, AppliedUpdate& out) {
  const std::size_t n = m_params.size();
  // A model push is judged, and combined, as the change it makes to the parameters: a norm
  // bound then clips a boost, not the model's own size, and every rule sees updates as it
  // does under BSP.
  const bool models = m_rule.pushKind == PushKind::Model;
  std::vector<std::vector<float>> changes;
  std::vector<std::span<const float>> updates = m_keptViews;
  if (models) {
    changes.resize(m_keptViews.size(), std::vector<float>(n));
    for (std::size_t i = 0; i < m_keptViews.size(); ++i) {
      for (std::size_t k = 0; k < n; ++k) changes[i][k] = m_keptViews[i][k] - m_params[k];
      updates[i] = changes[i];
    }
  }
  m_judged.resize(n);
  RobustRound round;
  m_rule.robust->combine(updates, weights, m_rule.robustSettings, m_robustMemory, m_judged, round);
  std::vector<double> norms, cosines;
  measureAgainst(updates, m_judged, norms, cosines);
  for (std::size_t i = 0; i < updates.size(); ++i) {
    out.verdicts.push_back(
        {m_keptWorkers[i], norms[i], cosines[i], round.scores.at(i), round.fates.at(i)});
  }
  if (models) {
    for (std::size_t k = 0; k < n; ++k) m_params[k] += m_judged[k];
  } else {
    m_optimizer->step(m_params, m_judged);
  }
}

std::span<const float> ParameterServer::parametersFor(int worker) const {
  if (m_rule.workersKeepOwnModels()) {
    const auto& own = m_members.at(static_cast<std::size_t>(worker));
    if (!own.empty()) return own;
  }
  return m_params;
}

std::vector<float> ParameterServer::membersBackToBack() const {
  std::vector<float> all;
  for (const auto& m : m_members) all.insert(all.end(), m.begin(), m.end());
  return all;
}

std::vector<float> ParameterServer::evaluatedModel() const {
  const std::vector<float> global(m_params.begin(), m_params.end());
  if (!m_rule.models || !m_rule.models->globalModelIsEnsemble()) return global;
  std::vector<float> all = membersBackToBack();
  return all.empty() ? global : all;
}

void ParameterServer::apply(std::span<const float> update, const std::vector<Contribution>& who,
                            AppliedUpdate& out) {
  if (m_rule.pushKind == PushKind::Model) {
    std::copy(update.begin(), update.end(), m_params.begin());
  } else {
    m_optimizer->step(m_params, update);
  }
  countApplied(who, out);
}

void ParameterServer::countApplied(const std::vector<Contribution>& who, AppliedUpdate& out) {
  ++m_version;
  for (const auto& c : who) ++m_applied.at(static_cast<std::size_t>(c.worker));
  out.version = m_version;
  out.contributions = who;
}

ServerState ParameterServer::state() const {
  ServerState state{m_version,
                    m_round,
                    m_lostRounds,
                    m_clocks.all(),
                    m_applied,
                    m_clocks.liveness(),
                    {m_params.begin(), m_params.end()},
                    {},
                    m_members,
                    m_robustMemory.center};
  if (m_optimizer) state.optimizer = m_optimizer->state();
  return state;
}

void ParameterServer::restore(ServerState state) {
  const auto fail = [](const std::string& what) { throw Error("checkpoint: " + what); };
  if (state.parameters.size() != m_params.size()) {
    fail(std::to_string(state.parameters.size()) + " parameters; the model has " +
         std::to_string(m_params.size()));
  }
  if (state.applied.size() != m_applied.size() || state.members.size() != m_members.size())
    fail("counts of another number of workers");
  for (const auto& m : state.members) {
    if (!m.empty() && m.size() != m_params.size()) fail("an ensemble member of another size");
  }
  m_clocks.restore(std::move(state.clocks), std::move(state.alive));
  if (m_optimizer) m_optimizer->restore(std::move(state.optimizer));
  std::copy(state.parameters.begin(), state.parameters.end(), m_params.begin());  // stays put
  m_version = state.version;
  m_round = state.round;
  m_lostRounds = state.lostRounds;
  m_applied = std::move(state.applied);
  m_members = std::move(state.members);
  m_robustMemory.center = std::move(state.robustCenter);
}

}  // namespace distlab::engine
