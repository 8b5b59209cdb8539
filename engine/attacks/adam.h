#pragma once
#include "attacks/lbfgs.h"

namespace distlab::engine {

struct AdamOptions {
  int maxIterations = 300;
  double learningRate = 0.1;
  double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
  /// Called every step with (iteration, f(x), x) before x moves; return false to stop.
  std::function<bool(int, double, const Eigen::VectorXd&)> onIteration;
};

/// Adam (Kingma & Ba, 2015): one gradient per step, no line search. It needs many more steps
/// than L-BFGS on the smooth gradient-matching objective, which is why DLG uses L-BFGS; it is
/// here to show that difference. Minimizes in place; reports the lowest f seen.
LbfgsResult minimizeAdam(const Objective& f, Eigen::VectorXd& x, const AdamOptions& options);

}  // namespace distlab::engine
