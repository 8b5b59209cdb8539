#include "attacks/adam.h"

#include <cmath>

namespace distlab::engine {

LbfgsResult minimizeAdam(const Objective& f, Eigen::VectorXd& x, const AdamOptions& o) {
  LbfgsResult result;
  result.value = INFINITY;
  Eigen::VectorXd g(x.size()), m = Eigen::VectorXd::Zero(x.size()), v = m, best = x;
  for (int it = 1; it <= o.maxIterations; ++it) {
    const double fx = f(x, &g);
    ++result.evaluations;
    if (!std::isfinite(fx)) break;
    if (fx < result.value) {
      result.value = fx;
      best = x;
    }
    result.iterations = it;
    // Reported with the point it was computed at, before the step moves it.
    if (o.onIteration && !o.onIteration(it, fx, x)) break;
    m = o.beta1 * m + (1 - o.beta1) * g;
    v = o.beta2 * v + (1 - o.beta2) * g.cwiseProduct(g);
    const double c1 = 1 - std::pow(o.beta1, it), c2 = 1 - std::pow(o.beta2, it);
    x.array() -= o.learningRate * (m.array() / c1) / ((v.array() / c2).sqrt() + o.epsilon);
  }
  x = best;
  result.converged = std::isfinite(result.value);
  return result;
}

}  // namespace distlab::engine
