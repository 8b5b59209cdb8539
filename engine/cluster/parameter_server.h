#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "aggregate/weighted_mean.h"
#include "cluster/clock_table.h"
#include "cluster/sync_rule.h"
#include "core/error.h"
#include "core/work_crew.h"
#include "crypto/masked_push.h"
#include "nn/optimizer.h"

namespace distlab::engine {

/// One worker's share in an applied update.
struct Contribution {
  int worker = 0;
  std::uint64_t staleness = 0;  ///< server versions between its base parameters and this update
  std::uint64_t clockGap = 0;   ///< its clock minus the slowest live clock when it started the step
  std::uint32_t samples = 0;
};

/// The server's verdict on one push of a judged round (security.*, lesson 8's dashboard).
struct PushVerdict {
  int worker = 0;
  double norm = 0.0;    ///< of the update (a model push: its change to the parameters)
  double cosine = 0.0;  ///< of the update to the round's aggregate (0 when either is 0)
  double score = 0.0;   ///< the rule's own measure (RobustRound::scores)
  PushFate fate = PushFate::Kept;
};

/// What one application of updates produced: the new version and who contributed.
struct AppliedUpdate {
  std::uint64_t version = 0;
  std::vector<Contribution> contributions;
  std::vector<PushVerdict> verdicts;  ///< a judged round's, in the order the pushes came
};

/// What a checkpoint keeps of the server (cluster/checkpoint.h), taken between rounds.
struct ServerState {
  std::uint64_t version = 0, round = 0, lostRounds = 0;
  std::vector<std::uint64_t> clocks, applied;
  std::vector<bool> alive;
  std::vector<float> parameters;
  OptimizerState optimizer;
  std::vector<std::vector<float>> members;  ///< ensemble rules: each worker's latest model
  std::vector<float> robustCenter;          ///< a judging rule's memory
};

/// The parameter server's state and rules, without any I/O: the global parameters and their
/// version, the workers' clocks, and the policy (SyncRule) deciding when a worker may start and
/// when pushes are applied. The coordinator feeds it what arrives on the sockets; tests drive it
/// directly.
class ParameterServer {
 public:
  /// optimizer applies averaged gradients (unused for local SGD, where models are averaged).
  ParameterServer(std::vector<float> initial, std::unique_ptr<Optimizer> optimizer, SyncRule rule,
                  int workers);

  /// May this worker start its next step (receive parameters) now?
  bool mayStart(int worker) const;
  /// The worker received parameters and starts a step: remembers its clock gap for the record.
  void noteStart(int worker);
  /// A worker finished a step and pushed its result: ticks its clock and applies what the rule
  /// allows. Throws Error for a push of the wrong size or kind.
  std::optional<AppliedUpdate> push(int worker, PushKind kind, std::uint64_t baseVersion,
                                    std::uint32_t samples, std::span<const float> values);
  /// The same, taking the pushed vector: a plain gathered round keeps it, uncopied, until the
  /// round is applied; spent vectors come back through takeSpare().
  std::optional<AppliedUpdate> push(int worker, PushKind kind, std::uint64_t baseVersion,
                                    std::uint32_t samples, std::vector<float>&& values);
  /// The same, with floats the caller lends rather than gives: memory that stays put and
  /// unchanged until holdsLent() is false again (a local worker's shared mailbox). A gathered
  /// round keeps the view and reads it when the round is applied.
  std::optional<AppliedUpdate> pushLent(int worker, PushKind kind, std::uint64_t baseVersion,
                                        std::uint32_t samples, std::span<const float> values);
  /// Some lent floats are still kept for a round not yet applied.
  bool holdsLent() const;
  /// A spent push vector to read the next push into (an empty one when there is none).
  std::vector<float> takeSpare();
  /// Threads that apply a gathered round with the calling thread, a slice of the parameters
  /// each (nullptr: the calling thread alone). The crew must outlive the server's rounds.
  void setCrew(WorkCrew* crew) { m_crew = crew; }
  /// A worker died or finished: it leaves the barrier, which may complete a gathered round.
  std::optional<AppliedUpdate> leave(int worker);
  /// A restarted worker rejoins; returns the clock it starts at.
  std::uint64_t rejoin(int worker);

  /// Secure aggregation: whether a round some workers did not push to can be unmasked, with
  /// their masks removed from `sum` when it can (cluster/mask_recovery.h). Without one, or when
  /// it says Impossible, such a round is lost; Waiting keeps it until retryRound().
  using Unmasker =
      std::function<Unmasking(std::span<const int> pushers, std::span<const int> absent,
                              std::uint64_t round, MaskedSum& sum)>;
  void setUnmasker(Unmasker unmasker) { m_unmasker = std::move(unmasker); }
  /// A dropped-out worker's mask key was rebuilt: the round that waited for it may be applied.
  std::optional<AppliedUpdate> retryRound() { return completeRoundIfReady(); }

  /// Homomorphic aggregation: a push the server cannot read (its ciphertexts went to the
  /// caller's encrypted sum); it counts in the round like any other. Throws Error for the wrong
  /// kind.
  std::optional<AppliedUpdate> pushSealed(int worker, PushKind kind, std::uint64_t baseVersion,
                                          std::uint32_t samples);
  /// Homomorphic aggregation: a whole round of `summands` pushes is ready; true with the
  /// decrypted weighted sum written to `sum`, false while the key holder has not answered
  /// (retryRound() once it has).
  using SealedSum = std::function<bool(std::uint64_t round, int summands, std::span<float> sum)>;
  void setSealedSum(SealedSum open) { m_sealedSum = std::move(open); }

  /// Ensemble-compression: turns the round's models (back to back) into the global model;
  /// `global` holds their weighted mean on entry (a natural start for the student).
  using Compressor = std::function<void(std::span<const float> members, std::span<float> global)>;
  void setCompressor(Compressor compressor) { m_compressor = std::move(compressor); }

  /// No round is half gathered or held: a state() now holds what was applied and nothing else.
  bool betweenRounds() const { return m_pending.empty() && m_keptViews.empty() && !m_roundHeld; }
  ServerState state() const;
  /// Continues from a state() of this run's server (the same sizes and rule); throws Error
  /// naming what does not fit.
  void restore(ServerState state);

  std::span<const float> parameters() const { return m_params; }
  /// The vector behind parameters() unless they are kept in a region: it never moves, and
  /// every update changes it in place.
  const std::vector<float>& parameterVector() const {
    if (parametersInRegion()) throw Error("the parameters are kept in a shared region");
    return m_own;
  }
  /// Moves the parameters into `region` (the shared parameter region the local workers map):
  /// from then on every update writes them there, in place, so a round's step is all the
  /// writing the workers need (no second copy).
  void keepParametersIn(std::span<float> region);
  bool parametersInRegion() const { return m_inRegion; }
  /// What a worker receives on PULL: under the ensemble its own latest model (each member goes
  /// on training), otherwise the global parameters.
  std::span<const float> parametersFor(int worker) const;
  /// The model to score: under the ensemble its members back to back in rank order (the
  /// workers that pushed a model), otherwise the global parameters.
  std::vector<float> evaluatedModel() const;
  bool keepsMembers() const { return m_rule.keepsMembers(); }
  std::uint64_t version() const { return m_version; }
  const ClockTable& clocks() const { return m_clocks; }
  const SyncRule& rule() const { return m_rule; }
  /// Pushes applied so far per worker (never counts one twice, never drops one).
  const std::vector<std::uint64_t>& appliedPushes() const { return m_applied; }
  /// Secure aggregation: rounds that lacked a worker, whose masks could not be removed.
  std::uint64_t lostRounds() const { return m_lostRounds; }

 private:
  /// Plain gathered rounds (BSP, local SGD averaging, unmasked): the round's pushes are kept and
  /// applied in one fused pass when the last one arrives.
  bool fusesRounds() const;
  void checkPush(int worker, PushKind kind, std::size_t size) const;
  std::optional<AppliedUpdate> pushValues(int worker, PushKind kind, std::uint64_t baseVersion,
                                          std::uint32_t samples, std::span<const float> values);
  /// Applies the kept pushes' weighted mean, a cache-sized slice at a time, on the crew.
  std::optional<AppliedUpdate> applyKeptRound();
  /// A judged round (m_rule.robust): the rule combines the kept pushes whole; their verdicts.
  void applyJudgedRound(std::span<const float> weights, AppliedUpdate& out);
  /// A plain round: the weighted mean and the optimizer step, a cache-sized slice at a time.
  void fuseMeanAndStep(std::span<const std::span<const float>> pushes,
                       std::span<const float> weights, float total);
  /// privacy.dp central: the round's noise on (a slice of) its mean of `pushes` gradients.
  void addCentralNoise(std::span<float> mean, std::size_t pushes, std::size_t slice) const;
  void keepPush(int worker, std::uint32_t weight);
  bool roundReady() const;
  std::optional<AppliedUpdate> completeRoundIfReady();
  /// Secure aggregation: whether the round's masked sum can be read (see Unmasker).
  Unmasking unmaskRound();
  /// Applies m_mean (the round's aggregate) and starts the next round.
  std::optional<AppliedUpdate> finishRound();
  std::vector<float> membersBackToBack() const;
  void apply(std::span<const float> update, const std::vector<Contribution>& who,
             AppliedUpdate& out);
  void countApplied(const std::vector<Contribution>& who, AppliedUpdate& out);
  void keepSpare(std::vector<float>&& values);

  std::vector<float> m_own;   ///< the parameters, until keepParametersIn()
  std::span<float> m_params;  ///< m_own or the region
  bool m_inRegion = false;
  std::unique_ptr<Optimizer> m_optimizer;
  SyncRule m_rule;
  ClockTable m_clocks;
  std::uint64_t m_version = 0;
  std::uint64_t m_round = 0;  ///< gathered rounds applied (or lost): the workers' push count
  WeightedMean m_gather;
  std::vector<Contribution> m_pending;  ///< pushes gathered for the current round
  std::vector<float> m_mean;
  std::vector<std::uint64_t> m_startGap;
  std::vector<std::uint64_t> m_applied;
  std::vector<std::vector<float>> m_members;  ///< ensemble rules: each worker's latest model
  Compressor m_compressor;
  int m_parties;       ///< workers of the run (secure aggregation: a round needs them all)
  MaskedSum m_masked;  ///< secure aggregation: the round's words
  Unmasker m_unmasker;
  SealedSum m_sealedSum;
  bool m_roundHeld = false;   ///< a whole round waits for its sum to be unmasked or decrypted
  double m_maskedWeight = 0;  ///< in SyncRule::maskedWeight units
  std::uint64_t m_lostRounds = 0;
  std::vector<std::vector<float>> m_kept;  ///< fused rounds: the round's pushes, as they came
  /// The floats of each kept push: m_kept's, or (where that is empty) lent by pushLent().
  std::vector<std::span<const float>> m_keptViews;
  std::vector<std::uint32_t> m_keptWeights;
  std::vector<int> m_keptWorkers;
  RobustMemory m_robustMemory;  ///< what the judging rule keeps between rounds
  std::vector<float> m_judged;  ///< a judged round's aggregate
  std::vector<std::vector<float>>
      m_spares;  ///< spent push vectors for reuse, one per worker at most
  WorkCrew* m_crew = nullptr;
};

}  // namespace distlab::engine
