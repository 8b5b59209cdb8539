#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/spec.h"

namespace distlab::engine {

/// Updates a flat parameter span from the matching flat gradient span.
class Optimizer {
 public:
  virtual ~Optimizer() = default;
  virtual void step(std::span<float> params, std::span<const float> grads) = 0;
  /// Forgets the running state (momentum, moments), e.g. after parameters were replaced.
  virtual void reset() = 0;
  virtual std::string describe() const = 0;
};

/// SGD with heavy-ball momentum and L2 weight decay, PyTorch's formulation:
/// g = grad + wd * p;  v = mu * v + g;  p -= lr * v   (v = g when mu = 0).
class Sgd final : public Optimizer {
 public:
  Sgd(float lr, float momentum = 0.0f, float weightDecay = 0.0f)
      : m_lr(lr), m_momentum(momentum), m_weightDecay(weightDecay) {}
  void step(std::span<float> params, std::span<const float> grads) override;
  void reset() override { m_velocity.clear(); }
  std::string describe() const override;

 private:
  float m_lr, m_momentum, m_weightDecay;
  std::vector<float> m_velocity;
};

/// Adam (Kingma & Ba, 2015) with bias correction; weight decay added to the gradient (L2).
class Adam final : public Optimizer {
 public:
  Adam(float lr, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f,
       float weightDecay = 0.0f)
      : m_lr(lr), m_beta1(beta1), m_beta2(beta2), m_epsilon(epsilon), m_weightDecay(weightDecay) {}
  void step(std::span<float> params, std::span<const float> grads) override;
  void reset() override;
  std::string describe() const override;

 private:
  float m_lr, m_beta1, m_beta2, m_epsilon, m_weightDecay;
  std::vector<float> m_m, m_v;
  long long m_t = 0;
};

std::unique_ptr<Optimizer> makeOptimizer(const TrainingSpec& spec);

}  // namespace distlab::engine
