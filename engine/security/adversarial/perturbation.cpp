#include "security/adversarial/perturbation.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace distlab::engine {

double lossInputGradient(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
                         Matrix& gradient) {
  Matrix dOutput;
  const double value = computeLoss(loss, model.forward(x), targets, &dOutput);
  model.backward(dOutput, &gradient);
  return value;
}

void projectPerturbation(const Matrix& x, const PerturbSettings& s, Matrix& delta) {
  // A few float steps inside the ball: (x + delta) - x, rounded, then never measures more
  // than epsilon (the lesson promises the budget exactly).
  const double scale = std::max(
      {static_cast<double>(std::abs(s.low)), static_cast<double>(std::abs(s.high)), s.epsilon});
  const auto eps =
      static_cast<float>(std::max(0.0, s.epsilon - 4.0 * FLT_EPSILON * scale * (s.l2 ? 8.0 : 1.0)));
  if (s.l2) {
    for (Eigen::Index j = 0; j < delta.cols(); ++j) {
      const float norm = delta.col(j).norm();
      if (norm > eps) delta.col(j) *= eps / norm;
    }
  } else {
    delta = delta.cwiseMax(-eps).cwiseMin(eps);
  }
  // Clamping into the valid range only shortens delta: it stays in the ball.
  delta = (x + delta).cwiseMax(s.low).cwiseMin(s.high) - x;
}

void ascend(const Matrix& gradient, const PerturbSettings& s, double size, Matrix& delta) {
  const auto a = static_cast<float>(size);
  if (s.l2) {
    for (Eigen::Index j = 0; j < delta.cols(); ++j) {
      const float norm = gradient.col(j).norm();
      if (norm > 0) delta.col(j) += (a / norm) * gradient.col(j);
    }
  } else {
    delta += a * gradient.unaryExpr([](float g) { return g > 0 ? 1.0f : (g < 0 ? -1.0f : 0.0f); });
  }
}

void randomPerturbation(Eigen::Index rows, Eigen::Index cols, const PerturbSettings& s, Rng& rng,
                        Matrix& delta) {
  delta.resize(rows, cols);
  if (!s.l2) {
    for (Eigen::Index j = 0; j < cols; ++j) {
      for (Eigen::Index i = 0; i < rows; ++i) {
        delta(i, j) = static_cast<float>(rng.uniform(-s.epsilon, s.epsilon));
      }
    }
    return;
  }
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) delta(i, j) = static_cast<float>(rng.normal());
    const double radius = s.epsilon * std::pow(rng.uniform(), 1.0 / static_cast<double>(rows));
    const float norm = delta.col(j).norm();
    if (norm > 0) delta.col(j) *= static_cast<float>(radius / norm);
  }
}

}  // namespace distlab::engine
