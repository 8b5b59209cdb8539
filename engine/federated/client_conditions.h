#pragma once
#include <cstdint>
#include <vector>

#include "core/spec.h"

namespace distlab::engine {

/// The simulated conditions of federated clients (lesson 6's heterogeneity): how slow each is,
/// whether it is online in a round, whether it drops out mid-round. Every answer follows from
/// the seed alone, so the server and the worker processes agree without asking each other, and
/// a rerun (another client rule on the same seed) meets the same clients.
class ClientConditions {
 public:
  ClientConditions(const FederatedSpec& fl, std::uint64_t seed);

  /// How many times longer than a client of slowdown 1 this client takes for a round: listed
  /// (fl.speeds, repeated) or log-normal with fl.speed_sigma; the same every round.
  double slowdown(int client) const;
  /// Slower than fl.deadline, when the round has one (fl.late is drop or next).
  bool late(int client) const;
  /// Online in this round (chance fl.availability).
  bool online(std::uint64_t round, int client) const;
  /// Goes offline during this attempt of the round (chance fl.dropout).
  bool dropsOut(std::uint64_t round, int attempt, int client) const;

 private:
  const FederatedSpec& m_fl;
  std::uint64_t m_seed;
  std::vector<double> m_slowdowns;  ///< per client
};

}  // namespace distlab::engine
