#pragma once
// The body of adaptiveServerStep, for the adaptive server optimizers' files only.
#include <cmath>

#include "core/error.h"
#include "federated/server_optimizer.h"

namespace distlab::engine {

/// The adaptive rules' common step (Reddi et al., Algorithm 2): m = beta_1 m + (1 - beta_1)
/// delta, v = second(v, delta^2), then x += lr m / (sqrt(v) + tau); v starts at tau^2.
template <class SecondMoment>
void adaptiveServerStep(std::span<float> global, std::span<const float> delta,
                        ServerOptimizerState& state, const ServerOptimizerOptions& o,
                        SecondMoment second) {
  if (delta.size() != global.size()) throw Error("the round's update does not fit the model");
  if (state.first.size() != global.size()) {
    state.first.assign(global.size(), 0.0f);
    state.second.assign(global.size(), static_cast<float>(o.tau * o.tau));
  }
  const auto b1 = static_cast<float>(o.beta1), lr = static_cast<float>(o.lr),
             tau = static_cast<float>(o.tau);
  for (std::size_t i = 0; i < global.size(); ++i) {
    const float d = delta[i];
    state.first[i] = b1 * state.first[i] + (1.0f - b1) * d;
    state.second[i] = second(state.second[i], d * d);
    global[i] += lr * state.first[i] / (std::sqrt(state.second[i]) + tau);
  }
  ++state.rounds;
}

}  // namespace distlab::engine
