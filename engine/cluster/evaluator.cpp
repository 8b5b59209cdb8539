#include "cluster/evaluator.h"

#include "aggregate/ensemble.h"

#include <algorithm>

#include "comm/blocking_channel.h"
#include "nn/builders.h"
#include "security/backdoor_trigger.h"
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

int backdoorTargetOf(const Spec& spec) {
  const auto& sec = spec.security;
  const bool planted = poisonAttacks().at(sec.attack).plantsBackdoor() && !sec.attackers.empty();
  return planted ? sec.backdoorTarget : -1;
}

}  // namespace

Evaluator::Evaluator(const Spec& spec, const Dataset& train, const Dataset& test, Callback onResult)
    : m_test(test),
      m_loss(lossFromName(spec.training.loss)),
      m_backdoorTarget(backdoorTargetOf(spec)),
      m_triggerValue(m_backdoorTarget >= 0 ? brightestValue(train) : 1.0f),
      m_onResult(std::move(onResult)),
      m_model(buildModelLayoutFor(spec, train)),  // every score copies its parameters in
      m_thread([this] { loop(); }) {}

Evaluator::~Evaluator() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void Evaluator::submit(std::uint64_t version, const RunProgress& at,
                       std::span<const float> params) {
  {
    const std::lock_guard lock(m_mutex);
    m_waiting = Snapshot{version, at, std::vector<float>(params.begin(), params.end())};
  }
  m_wake.notify_all();
}

bool Evaluator::idle() {
  std::lock_guard lock(m_mutex);
  return !m_busy && !m_waiting;
}

EvaluationResult Evaluator::evaluateNow(std::uint64_t version, const RunProgress& at,
                                        std::span<const float> params) {
  std::unique_lock lock(m_mutex);
  m_waiting.reset();
  m_wake.wait(lock, [&] { return !m_busy; });
  m_busy = true;  // the model is ours until we are done
  lock.unlock();
  EvaluationResult result = score(version, at, params);
  lock.lock();
  m_busy = false;
  lock.unlock();
  m_wake.notify_all();
  return result;
}

EvaluationResult Evaluator::score(std::uint64_t version, const RunProgress& at,
                                  std::span<const float> params) {
  EvaluationResult result;
  result.version = version;
  result.at = at;
  result.startNs = steadyNowNs();
  if (params.size() > m_model.parameterCount()) {
    result.test = evaluateEnsemble(m_model, params, m_test);  // E-DNN: several models
  } else {
    std::copy(params.begin(), params.end(), m_model.parameters().begin());
    result.test = evaluate(m_model, m_test, m_loss);
    if (m_backdoorTarget >= 0)
      result.backdoorSuccess = backdoorSuccess(m_model, m_test, m_backdoorTarget, m_triggerValue);
  }
  result.endNs = steadyNowNs();
  return result;
}

void Evaluator::loop() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [&] { return m_stop || (m_waiting && !m_busy); });
    if (m_stop) return;
    Snapshot snapshot = std::move(*m_waiting);
    m_waiting.reset();
    m_busy = true;
    lock.unlock();
    EvaluationResult result = score(snapshot.version, snapshot.at, snapshot.params);
    if (m_onResult) m_onResult(std::move(result));
    lock.lock();
    m_busy = false;
    m_wake.notify_all();
  }
}

}  // namespace distlab::engine
