#pragma once
#include <functional>

#include <Eigen/Dense>

namespace distlab::engine {

/// f(x) and its gradient; returns f and writes the gradient into *grad.
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd* grad)>;

struct LbfgsOptions {
  int maxIterations = 300;
  int history = 100;              ///< pairs kept (PyTorch's LBFGS default)
  double gradientTolerance = 1e-10;
  double c1 = 1e-4, c2 = 0.9;     ///< strong Wolfe conditions
  int maxLineSearch = 25;
  /// Called after every iteration with (iteration, f, x); return false to stop early.
  std::function<bool(int, double, const Eigen::VectorXd&)> onIteration;
};

/// What a minimizer reports (L-BFGS here, Adam in privacy/adam.h).
struct LbfgsResult {
  double value = 0.0;
  int iterations = 0;
  int evaluations = 0;  ///< calls of the objective
  bool converged = false;
};

/// Limited-memory BFGS with a line search satisfying the strong Wolfe conditions (Nocedal &
/// Wright, Numerical Optimization, algorithms 7.4, 3.5 and 3.6). Minimizes in place.
LbfgsResult minimizeLbfgs(const Objective& f, Eigen::VectorXd& x, const LbfgsOptions& options);

}  // namespace distlab::engine
