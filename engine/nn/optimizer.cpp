#include "nn/optimizer.h"

#include <cmath>

#include <Eigen/Core>

#include "core/error.h"

namespace distlab::engine {
namespace {

using ArrayMap = Eigen::Map<Eigen::ArrayXf>;
using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf>;

/// A slice must match its gradients and lie inside the running state beginStep() sized.
void checkSlice(std::span<float> params, std::span<const float> grads, std::size_t offset,
                std::size_t stateSize) {
  if (params.size() != grads.size() || offset + params.size() > stateSize) {
    throw Error("optimizer: a slice of " + std::to_string(params.size()) + " parameters and " +
                std::to_string(grads.size()) + " gradients at " + std::to_string(offset) +
                " does not fit a step over " + std::to_string(stateSize));
  }
}

void checkSizes(std::span<float> params, std::span<const float> grads) {
  if (params.size() != grads.size()) {
    throw Error("optimizer: " + std::to_string(params.size()) + " parameters but " +
                std::to_string(grads.size()) + " gradients");
  }
}

}  // namespace

void Optimizer::step(std::span<float> params, std::span<const float> grads) {
  checkSizes(params, grads);
  beginStep(params.size());
  stepSlice(params, grads, 0);
}

void Sgd::beginStep(std::size_t size) {
  if (m_momentum != 0.0f && m_velocity.size() != size) m_velocity.assign(size, 0.0f);
}

void Sgd::stepSlice(std::span<float> params, std::span<const float> grads, std::size_t offset) {
  checkSlice(params, grads, offset, m_momentum == 0.0f ? offset + params.size() : m_velocity.size());
  const auto n = static_cast<Eigen::Index>(params.size());
  ArrayMap p(params.data(), n);
  ConstArrayMap g(grads.data(), n);
  if (m_momentum == 0.0f) {
    if (m_weightDecay == 0.0f)
      p -= m_lr * g;
    else
      p -= m_lr * (g + m_weightDecay * p);
    return;
  }
  ArrayMap v(m_velocity.data() + offset, n);
  v = m_momentum * v + g + m_weightDecay * p;
  p -= m_lr * v;
}

void Sgd::restore(OptimizerState state) {
  if (state.buffers.size() != 1) throw Error("optimizer state: SGD keeps 1 buffer, not " +
                                             std::to_string(state.buffers.size()));
  m_velocity = std::move(state.buffers[0]);
}

std::string Sgd::describe() const {
  return "SGD(lr " + std::to_string(m_lr) + ", momentum " + std::to_string(m_momentum) +
         ", weight decay " + std::to_string(m_weightDecay) + ")";
}

void Adam::beginStep(std::size_t size) {
  if (m_m.size() != size) {
    m_m.assign(size, 0.0f);
    m_v.assign(size, 0.0f);
    m_t = 0;
  }
  ++m_t;
  m_c1 = 1.0f - static_cast<float>(std::pow(m_beta1, m_t));
  m_c2 = 1.0f - static_cast<float>(std::pow(m_beta2, m_t));
}

void Adam::stepSlice(std::span<float> params, std::span<const float> grads, std::size_t offset) {
  checkSlice(params, grads, offset, m_m.size());
  // A plain loop, not Eigen: Eigen's fast-math square root of a packet is not the correctly
  // rounded one of its scalar tail, so the result would hang on where the buffers lie (and a
  // resumed run would part from an uninterrupted one). The compiler vectorises this loop with
  // exact square roots and divisions.
  float* __restrict p = params.data();
  float* __restrict m = m_m.data() + offset;
  float* __restrict v = m_v.data() + offset;
  const float* __restrict g = grads.data();
  for (std::size_t i = 0; i < params.size(); ++i) {
    const float gd = g[i] + m_weightDecay * p[i];
    m[i] = m_beta1 * m[i] + (1.0f - m_beta1) * gd;
    v[i] = m_beta2 * v[i] + (1.0f - m_beta2) * (gd * gd);
    p[i] -= m_lr * (m[i] / m_c1) / (std::sqrt(v[i] / m_c2) + m_epsilon);
  }
}

void Adam::reset() {
  m_m.clear();
  m_v.clear();
  m_t = 0;
}

void Adam::restore(OptimizerState state) {
  if (state.buffers.size() != 2 || state.buffers[0].size() != state.buffers[1].size() ||
      state.steps < 0) {
    throw Error("optimizer state: not Adam's (two moments of one size and a step count)");
  }
  m_m = std::move(state.buffers[0]);
  m_v = std::move(state.buffers[1]);
  m_t = state.steps;  // beginStep() counts on from here and recomputes the bias corrections
}

std::string Adam::describe() const {
  return "Adam(lr " + std::to_string(m_lr) + ", betas " + std::to_string(m_beta1) + "/" +
         std::to_string(m_beta2) + ")";
}

std::unique_ptr<Optimizer> makeOptimizer(const TrainingSpec& t) {
  if (t.optimizer == "sgd") {
    return std::make_unique<Sgd>(static_cast<float>(t.lr), static_cast<float>(t.momentum),
                                 static_cast<float>(t.weightDecay));
  }
  if (t.optimizer == "adam") {
    return std::make_unique<Adam>(static_cast<float>(t.lr), static_cast<float>(t.beta1),
                                  static_cast<float>(t.beta2), static_cast<float>(t.epsilon),
                                  static_cast<float>(t.weightDecay));
  }
  throw Error("unknown optimizer \"" + t.optimizer + "\"; allowed: sgd, adam");
}

}  // namespace distlab::engine
