#pragma once
#include <vector>

#include "core/spec.h"
#include "attacks/attack_mlp.h"
#include "attacks/attack_net.h"
#include "attacks/lbfgs.h"

namespace distlab::engine {

/// iDLG (Zhao et al., 2020): for one example and cross-entropy, the last layer's bias gradient
/// is p - y and its weight gradient (p - y) a^T with a > 0 after a sigmoid, so the true class is
/// the one row whose weight gradient is negative. Returns the row with the most negative sum.
int idlgLabel(const MlpGradient& gradient);

/// Analytic inversion of a first dense layer with bias (Phong et al., 2017): dL/dW_1 = delta x^T
/// and dL/db_1 = delta, so row i of dL/dW_1 over dL/db_1[i] is x, exactly for one example. For a
/// batch the rows mix the examples: this returns the same quotient, a blend of the batch.
VecD analyticFirstLayer(const MlpGradient& gradient);

enum class DlgOptimizer { Lbfgs, Adam };

struct DlgOptions {
  int iterations = 300;      ///< per restart
  bool knownLabels = false;  ///< iDLG: labels fixed (from idlgLabel), only the input is learnt
  std::uint64_t seed = 1;
  MatchDistance distance = MatchDistance::L2;
  DlgOptimizer optimizer = DlgOptimizer::Lbfgs;
  double learningRate = 0.1;  ///< Adam's step size
  /// Weight of a total-variation prior on the images (0: none): the mean over neighbouring
  /// pixel pairs of sqrt(d^2 + 1e-6), which favours piecewise-smooth pictures.
  double tvWeight = 0.0;
  int imageWidth = 0;  ///< for the prior: pixels per row (0: square images)
  /// Independent starts (seeds seed, seed + 1, ...); the one with the lowest objective wins.
  int restarts = 1;
  /// Every iteration: (iteration, gradient distance, current images); false stops the attack.
  std::function<bool(int, double, const MatD&)> onIteration;
};

struct DlgResult {
  MatD images;       ///< one reconstruction per column
  MatD labelLogits;  ///< the dummy labels' logits (DLG) or one-hot (iDLG)
  double distance = 0.0;  ///< the gradient distance (without the prior) of the winner
  int iterations = 0, evaluations = 0;  ///< over all restarts
  int restart = 0;                      ///< which start won
};

/// The attack settings of a spec's privacy section (iterations, distance, optimizer, prior,
/// restarts), seeded from the spec; the prior sees images `imageWidth` pixels wide (channels
/// stacked below each other).
DlgOptions dlgOptionsFor(const Spec& spec, int imageWidth);

/// DLG (Zhu et al., 2019): a dummy input and dummy soft label are optimized (L-BFGS or Adam) so
/// that their gradient matches `target` (L2 or cosine distance, optionally plus a total-variation
/// prior). `labels` (iDLG) fixes the labels.
DlgResult invertGradient(const AttackMlp& model, const MlpGradient& target, int batch,
                         const DlgOptions& options, const std::vector<int>& labels = {});

/// The same on a convolutional attack network (the DLG paper's LeNet).
DlgResult invertNetGradient(const AttackNet& net, const MlpGradient& target, int batch,
                            const DlgOptions& options, const std::vector<int>& labels = {});
/// The attack on any model: dlg(x, yLogits) gives the objective and its gradients (with the
/// options' distance); n inputs and k classes per example.
DlgResult invertWith(const std::function<DlgValue(const MatD&, const MatD&)>& dlg, int n, int k,
                     int batch, const DlgOptions& options, const std::vector<int>& labels = {});

/// The total-variation prior of DlgOptions::tvWeight on images of `width` pixels a row (one
/// image per column), adding its gradient to *grad.
double totalVariation(const MatD& images, int width, MatD* grad);

/// Image quality of a reconstruction against the original (pixels in [0, 1]).
double meanSquaredErrorOf(const VecD& a, const VecD& b);
/// 10 log10(1 / MSE), in dB (capped at 100 for identical images).
double psnr(const VecD& reconstruction, const VecD& original);
/// SSIM (Wang et al., 2004) with an 11x11 Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03,
/// data range 1, for a width x height image stored row by row.
double ssim(const VecD& reconstruction, const VecD& original, int width, int height);

}  // namespace distlab::engine
