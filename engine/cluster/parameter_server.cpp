#include "cluster/parameter_server.h"

#include <algorithm>

#include "core/error.h"

namespace distlab::engine {

ParameterServer::ParameterServer(std::vector<float> initial, std::unique_ptr<Optimizer> optimizer,
                                 SyncRule rule, int workers)
    : m_params(std::move(initial)),
      m_optimizer(std::move(optimizer)),
      m_rule(std::move(rule)),
      m_clocks(workers, m_rule.staleness),
      m_gather(m_params.size()),
      m_mean(m_params.size()),
      m_startGap(static_cast<std::size_t>(workers), 0),
      m_applied(static_cast<std::size_t>(workers), 0),
      m_members(static_cast<std::size_t>(workers)),
      m_parties(workers),
      m_masked(m_rule.secureAggregation ? m_params.size() : 0) {
  if (m_rule.pushKind == PushKind::Gradient && !m_optimizer) {
    throw Error("a parameter server that applies gradients needs an optimizer");
  }
}

bool ParameterServer::mayStart(int worker) const { return m_clocks.mayStart(worker); }

void ParameterServer::noteStart(int worker) {
  const auto slowest = m_clocks.slowest().value_or(0);
  const auto mine = m_clocks.clock(worker);
  m_startGap.at(static_cast<std::size_t>(worker)) = mine > slowest ? mine - slowest : 0;
}

std::optional<AppliedUpdate> ParameterServer::push(int worker, PushKind kind,
                                                   std::uint64_t baseVersion, std::uint32_t samples,
                                                   std::span<const float> values) {
  if (values.size() != m_params.size()) {
    throw Error("worker " + std::to_string(worker) + " pushed " + std::to_string(values.size()) +
                " values; the model has " + std::to_string(m_params.size()));
  }
  if (kind != m_rule.pushKind) {
    throw Error("worker " + std::to_string(worker) + " pushed the wrong kind of update for " +
                m_rule.name);
  }
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
  const std::uint32_t weight = m_rule.weightBySamples ? samples : 1;
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
  const auto slowest = m_clocks.slowest();
  const bool gathered = m_rule.secureAggregation ? m_maskedWeight > 0 : m_gather.samples() > 0;
  if (!roundReady() || m_pending.empty() || !gathered) return std::nullopt;
  if (m_rule.secureAggregation) {
    const bool whole = static_cast<int>(m_pending.size()) == m_parties;
    if (whole) m_masked.mean(m_maskedWeight, m_mean);
    m_masked.reset();
    m_maskedWeight = 0;
    if (!whole) {  // the missing workers' masks stay in the sum: it cannot be used
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

std::optional<AppliedUpdate> ParameterServer::finishRound() {
  const auto slowest = m_clocks.slowest();
  if (m_rule.modelAggregation == "ensemble-compression") {
    if (m_compressor) m_compressor(membersBackToBack(), m_mean);
    for (auto& m : m_members) m.clear();  // every live worker pushes again next round
  }
  AppliedUpdate out;
  apply(m_mean, m_pending, out);
  m_pending.clear();
  m_round = slowest.value_or(m_round + 1);
  return out;
}

std::span<const float> ParameterServer::parametersFor(int worker) const {
  if (m_rule.modelAggregation == "ensemble") {
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
  if (m_rule.modelAggregation != "ensemble") return m_params;
  std::vector<float> all = membersBackToBack();
  return all.empty() ? m_params : all;
}

void ParameterServer::apply(std::span<const float> update, const std::vector<Contribution>& who,
                            AppliedUpdate& out) {
  if (m_rule.pushKind == PushKind::Model) {
    std::copy(update.begin(), update.end(), m_params.begin());
  } else {
    m_optimizer->step(m_params, update);
  }
  ++m_version;
  for (const auto& c : who) ++m_applied.at(static_cast<std::size_t>(c.worker));
  out.version = m_version;
  out.contributions = who;
}

}  // namespace distlab::engine
