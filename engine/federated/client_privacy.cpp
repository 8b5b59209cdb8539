#include "federated/client_privacy.h"

#include <algorithm>
#include <cmath>

#include "defenses/rdp_accountant.h"
#include "federated/client_sampler.h"

namespace distlab::engine {

PrivacyLedger::PrivacyLedger(const Spec& spec)
    : m_local(spec.privacy.dp == "local"),
      m_q(std::min(1.0, static_cast<double>(clientsPerRound(spec.fl.clients, spec.fl.fraction,
                                                            spec.fl.minClients, spec.fl.perRound)) /
                            std::max(1, spec.fl.clients))),
      m_sigma(spec.privacy.noiseMultiplier),
      m_delta(spec.privacy.dpDelta) {}

void PrivacyLedger::recordRound(std::span<const int> clients) {
  ++m_rounds;
  for (int c : clients) m_mostAnswers = std::max(m_mostAnswers, ++m_answers[c]);
}

double PrivacyLedger::epsilon() const {
  if (m_local) return m_mostAnswers ? epsilonAfter(1.0, m_sigma, m_mostAnswers, m_delta).epsilon : 0.0;
  return m_rounds ? epsilonAfter(m_q, m_sigma, m_rounds, m_delta).epsilon : 0.0;
}

}  // namespace distlab::engine
