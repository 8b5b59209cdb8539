#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "nn/evaluate.h"
#include "nn/model.h"

namespace distlab::engine {

/// Where a run stood when a snapshot of its model was taken. The evaluation is placed there (its
/// epoch, elapsed time, samples and bytes), not where the run is when the scoring ends: the
/// workers go on for tens of rounds while the test set is scored.
struct RunProgress {
  std::int64_t timeNs = 0;
  std::uint64_t samples = 0;  ///< examples behind the applied updates
  std::uint64_t bytesToServer = 0, bytesToWorkers = 0;
};

/// One finished test evaluation of the global model.
struct EvaluationResult {
  std::uint64_t version = 0;
  RunProgress at;  ///< the snapshot's
  ModelScore test;
  double backdoorSuccess = -1.0;  ///< a backdoor attack's success rate (-1: no backdoor)
  std::int64_t startNs = 0, endNs = 0;
};

/// Evaluates snapshots of the global parameters on the test set in its own thread, so the
/// parameter server never stalls while the test set is scored. If snapshots arrive faster than
/// they are evaluated, only the newest waiting one is kept.
class Evaluator {
 public:
  using Callback = std::function<void(EvaluationResult)>;
  /// onResult runs on the evaluator's thread: post it to your own thread if needed.
  Evaluator(const Spec& spec, const Dataset& train, const Dataset& test, Callback onResult);
  ~Evaluator();

  void submit(std::uint64_t version, const RunProgress& at, std::span<const float> params);
  /// Evaluates now on the calling thread (the final score), after pending work is done.
  EvaluationResult evaluateNow(std::uint64_t version, const RunProgress& at,
                               std::span<const float> params);
  /// Nothing being scored or waiting to be (a busy-polling caller then leaves the core to us).
  bool idle();

 private:
  void loop();
  /// Scores params with m_model; only the holder of m_busy calls it.
  EvaluationResult score(std::uint64_t version, const RunProgress& at,
                         std::span<const float> params);

  const Dataset& m_test;
  LossKind m_loss;
  /// A backdoor attack's target class and trigger value (target -1: none planted).
  int m_backdoorTarget = -1;
  float m_triggerValue = 1.0f;
  Callback m_onResult;
  Model m_model;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  struct Snapshot {
    std::uint64_t version;
    RunProgress at;
    std::vector<float> params;
  };
  std::optional<Snapshot> m_waiting;
  bool m_busy = false, m_stop = false;
  std::thread m_thread;  ///< last: starts after every member it uses exists
};

}  // namespace distlab::engine
