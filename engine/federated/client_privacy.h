#pragma once
#include <map>
#include <span>

#include "core/spec.h"
#include "defenses/update_privacy.h"

namespace distlab::engine {

// Client-level differential privacy in federated rounds (DP-FedAvg; McMahan et al., 2018):
// every client's update is clipped to the L2 norm C (privacy.dp_clip), so one client changes the
// round's sum by at most C; Gaussian noise of std sigma x C (sigma: privacy.noise_multiplier)
// then hides any one client. Central: the server adds it once to the sum. Local: each client
// adds it to its own update, so even the server cannot tell, at the price of noise in every
// update. The server averages with a fixed denominator (the clients a round), since weighting
// by data would let one client's weight, and so the sensitivity, grow.

/// The privacy spent so far, at privacy.dp_delta, by the RDP accountant
/// (defenses/rdp_accountant.h). Central: a round samples clients with probability q =
/// clients a round / clients, and every round the sum is one subsampled Gaussian mechanism.
/// Local: the server knows who took part, so there is no amplification (q = 1); a client spends
/// a round's epsilon each time it answers, and the worst client's total is reported.
class PrivacyLedger {
 public:
  explicit PrivacyLedger(const Spec& spec);
  /// A round whose clipped updates from `clients` moved the global model.
  void recordRound(std::span<const int> clients);
  double epsilon() const;
  int rounds() const { return m_rounds; }

 private:
  bool m_local;
  double m_q, m_sigma, m_delta;
  int m_rounds = 0;
  std::map<int, int> m_answers;  ///< local: rounds each client's noisy update was used in
  int m_mostAnswers = 0;
};

}  // namespace distlab::engine
