#include "federated/client_conditions.h"

#include <cmath>

#include "core/rng.h"

namespace distlab::engine {
namespace {

constexpr std::uint64_t kClientSlots = 1u << 14;  // > fl.clients' largest value
constexpr std::uint64_t kAttemptSlots = 1u << 8;

/// One draw in [0, 1) for (what, index): independent across clients, rounds and attempts.
double draw(std::uint64_t seed, std::uint64_t what, std::uint64_t index) {
  return Rng::stream(seed + what * 0x9e3779b97f4a7c15ULL, RngPurpose::ClientConditions, index)
      .uniform();
}

}  // namespace

ClientConditions::ClientConditions(const FederatedSpec& fl, std::uint64_t seed)
    : m_fl(fl), m_seed(seed) {
  m_slowdowns.reserve(static_cast<std::size_t>(fl.clients));
  Rng rng = Rng::stream(seed, RngPurpose::ClientConditions, 0);
  for (int c = 0; c < fl.clients; ++c) {
    if (!fl.speeds.empty()) {
      m_slowdowns.push_back(fl.speeds[static_cast<std::size_t>(c) % fl.speeds.size()]);
    } else {
      const double z = rng.normal();  // drawn for every client, so sigma only scales them
      m_slowdowns.push_back(std::exp(fl.speedSigma * z));
    }
  }
}

double ClientConditions::slowdown(int client) const {
  return m_slowdowns.at(static_cast<std::size_t>(client));
}

bool ClientConditions::late(int client) const {
  return m_fl.late != "wait" && slowdown(client) > m_fl.deadline;
}

bool ClientConditions::online(std::uint64_t round, int client) const {
  if (m_fl.availability >= 1.0) return true;
  return draw(m_seed, 1, round * kClientSlots + static_cast<std::uint64_t>(client)) <
         m_fl.availability;
}

bool ClientConditions::dropsOut(std::uint64_t round, int attempt, int client) const {
  if (m_fl.dropout <= 0.0) return false;
  const auto slot = (round * kAttemptSlots + static_cast<std::uint64_t>(attempt)) * kClientSlots +
                    static_cast<std::uint64_t>(client);
  return draw(m_seed, 2, slot) < m_fl.dropout;
}

}  // namespace distlab::engine
