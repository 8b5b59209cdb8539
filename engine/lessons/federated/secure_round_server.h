#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "modelpar/partition_mode.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// What the server got from one secure federated round (privacy.secure_aggregation).
struct SecureRoundResult {
  SecureRound outcome = SecureRound::TooFewSurvivors;
  int threshold = 0;
  int recovered = 0;  ///< clients that shared and then sent no input, whose masks were removed
  std::map<std::uint32_t, std::uint64_t> inputs;  ///< clients whose masked input came: weight
  std::vector<std::uint32_t> survivors;            ///< of those, the ones summed
  std::vector<double> sum;                         ///< their weighted updates' exact sum
};

/// The server's side of secure aggregation with dropouts for one attempt whose assignment and
/// model went out in frame round `s`: collects the hosted clients' keys (round s), sends the
/// roster and collects the sealed shares (s + 1), routes the shares and collects the masked
/// inputs (s + 2), sends the survivors and collects their revealed shares (s + 3), and unmasks.
/// `counts(client)` says whether a client's input is summed (false: late, it counts as dropped).
/// A process that dies midway takes its clients out at that step.
/// The server's work between the answers is recorded as Aggregate spans of `round`.
SecureRoundResult serveSecureRound(RoundHost& host, std::uint64_t s, std::uint64_t round, int clients,
                                   double thresholdShare, std::size_t length,
                                   const std::function<bool(std::uint32_t)>& counts);

}  // namespace distlab::engine
