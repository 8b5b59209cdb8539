#pragma once
#include "core/rng.h"
#include "nn/loss.h"
#include "nn/model.h"

namespace distlab::engine {

/// How far and how an adversary may move an input (adversarial.*, resolved for a run).
struct PerturbSettings {
  bool l2 = false;                ///< the ball: L2 per example, else L-infinity
  double epsilon = 0.1;           ///< its radius, in the data's units
  double step = 0.025;            ///< PGD's step size
  int steps = 10;                 ///< PGD's steps
  bool randomStart = true;        ///< PGD starts at a random point of the ball (Madry et al. 2018)
  float low = 0.0f, high = 1.0f;  ///< the valid range of a feature (the data's min and max)
};

/// The loss of the batch x (one example a column) and its gradient with respect to x, written
/// to `gradient`. The model's parameter gradients are overwritten on the way.
double lossInputGradient(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
                         Matrix& gradient);

/// Moves every column of `delta` back into the ball (L-infinity: clamp each value; L2: scale a
/// column longer than epsilon down to it), then so that x + delta stays in [low, high].
void projectPerturbation(const Matrix& x, const PerturbSettings& s, Matrix& delta);

/// One ascent step on delta along the loss gradient: epsilon-free direction sign(g) (L-inf) or
/// g / ||g|| per column (L2), times `size`.
void ascend(const Matrix& gradient, const PerturbSettings& s, double size, Matrix& delta);

/// A random point of the ball for each column: uniform per value (L-inf), or a uniform
/// direction at radius epsilon u^(1/d) (L2, uniform in the ball).
void randomPerturbation(Eigen::Index rows, Eigen::Index cols, const PerturbSettings& s, Rng& rng,
                        Matrix& delta);

}  // namespace distlab::engine
