#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/spec.h"

namespace distlab::engine {

/// An optimizer's running state, for a checkpoint: its step count and its buffers (momentum,
/// moments), each as long as the parameters or empty before the first step.
struct OptimizerState {
  std::int64_t steps = 0;
  std::vector<std::vector<float>> buffers;
};

/// Updates a flat parameter span from the matching flat gradient span.
class Optimizer {
 public:
  virtual ~Optimizer() = default;
  /// One step over the whole buffer: beginStep(), then stepSlice() over all of it. Throws Error
  /// when the sizes differ.
  void step(std::span<float> params, std::span<const float> grads);
  /// A step taken in slices, for a gradient that is produced a cache-sized piece at a time (the
  /// parameter server's fused aggregation) or on several threads: beginStep() once, then
  /// stepSlice() over disjoint slices that cover the buffer; slices may run concurrently.
  virtual void beginStep(std::size_t size) = 0;
  /// params and grads are the slice at `offset` of the whole buffer (the running state's index).
  virtual void stepSlice(std::span<float> params, std::span<const float> grads,
                         std::size_t offset) = 0;
  /// Forgets the running state (momentum, moments), e.g. after parameters were replaced.
  virtual void reset() = 0;
  virtual std::string describe() const = 0;
  virtual OptimizerState state() const = 0;
  /// Continues from a state() of the same kind of optimizer; throws Error when it is not one
  /// (another number of buffers, or buffers of unequal sizes).
  virtual void restore(OptimizerState state) = 0;
};

/// SGD with heavy-ball momentum and L2 weight decay, PyTorch's formulation:
/// g = grad + wd * p;  v = mu * v + g;  p -= lr * v   (v = g when mu = 0).
class Sgd final : public Optimizer {
 public:
  Sgd(float lr, float momentum = 0.0f, float weightDecay = 0.0f)
      : m_lr(lr), m_momentum(momentum), m_weightDecay(weightDecay) {}
  void beginStep(std::size_t size) override;
  void stepSlice(std::span<float> params, std::span<const float> grads,
                 std::size_t offset) override;
  void reset() override { m_velocity.clear(); }
  std::string describe() const override;
  OptimizerState state() const override { return {0, {m_velocity}}; }
  void restore(OptimizerState state) override;

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
  void beginStep(std::size_t size) override;
  void stepSlice(std::span<float> params, std::span<const float> grads,
                 std::size_t offset) override;
  void reset() override;
  std::string describe() const override;
  OptimizerState state() const override { return {m_t, {m_m, m_v}}; }
  void restore(OptimizerState state) override;

 private:
  float m_lr, m_beta1, m_beta2, m_epsilon, m_weightDecay;
  std::vector<float> m_m, m_v;
  long long m_t = 0;
  float m_c1 = 1, m_c2 = 1;  ///< this step's bias corrections
};

std::unique_ptr<Optimizer> makeOptimizer(const TrainingSpec& spec);

}  // namespace distlab::engine
