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

/// One finished test evaluation of the global model.
struct EvaluationResult {
  std::uint64_t version = 0;
  ModelScore test;
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

  void submit(std::uint64_t version, std::span<const float> params);
  /// Evaluates now on the calling thread (the final score), after pending work is done.
  EvaluationResult evaluateNow(std::uint64_t version, std::span<const float> params);

 private:
  void loop();
  /// Scores params with m_model; only the holder of m_busy calls it.
  EvaluationResult score(std::uint64_t version, std::span<const float> params);

  const Dataset& m_test;
  LossKind m_loss;
  Callback m_onResult;
  Model m_model;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::optional<std::pair<std::uint64_t, std::vector<float>>> m_waiting;
  bool m_busy = false, m_stop = false;
  std::thread m_thread;  ///< last: starts after every member it uses exists
};

}  // namespace distlab::engine
