#pragma once
#include <span>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

/// What a run under attack came to, from its events (lesson 8's table): the final test
/// accuracy and backdoor success, and how well the server's verdicts found the attackers.
struct SecurityOutcome {
  double testAccuracy = 0.0;
  double backdoorSuccess = -1.0;  ///< -1: no backdoor was planted
  std::uint64_t judgedPushes = 0;
  std::uint64_t flagged = 0;           ///< pushes excluded or clipped
  std::uint64_t flaggedAttackers = 0;  ///< of those, the attackers'
  std::uint64_t attackerPushes = 0;
  /// flaggedAttackers / flagged and / attackerPushes; -1 where the share has no pushes to count.
  double precision = -1.0, recall = -1.0;
  /// The rule's mean score (RobustRound::scores) of the attackers' and the honest pushes.
  double attackerScore = 0.0, honestScore = 0.0;
};

/// Reads the outcome from a run's events: its RunStarted's attackers, its PushVerdicts, its
/// last Evaluation.
SecurityOutcome securityOutcome(std::span<const Event> events);

/// Per worker over the run: pushes judged, kept, clipped and excluded, mean norm and cosine
/// (the lesson's "detection" table); attacker is 1 for the ranks of RunStarted's attackers.
ResultTable detectionTable(std::span<const Event> events, int workers);

}  // namespace distlab::engine
