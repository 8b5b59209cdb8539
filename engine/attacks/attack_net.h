#pragma once
#include <string>
#include <vector>

#include "attacks/attack_mlp.h"

namespace distlab::engine {

// The attack model generalised to convolutions (the DLG paper's LeNet): every layer is linear in
// its input, z = A(W) a + b, so the double backward of attack_mlp.cpp carries over with three
// operators per layer: A(W) a, A(W)^T d, and the weight gradient of d and a. Activations are
// stored channel-major (c, y, x) per column, one column per example.

/// One linear layer: dense (W: outputs x inputs), 2-D convolution (W: outC x inC*k*k), or
/// average pooling (kernel x kernel windows at `stride`, no parameters, no activation after it).
struct AttackLayer {
  bool conv = false;
  bool pool = false;  ///< average pooling: inC = outC channels, weights and biases empty
  int inC = 0, inH = 0, inW = 0, outC = 0, kernel = 0, stride = 1, pad = 0;
  MatD weights;
  VecD biases;  ///< per output (dense) or per output channel (conv)
  int inputs() const;
  int outputs() const;
  int outH() const { return (inH + 2 * pad - kernel) / stride + 1; }
  int outW() const { return (inW + 2 * pad - kernel) / stride + 1; }
};

struct AttackNet {
  std::string activation = "sigmoid";
  std::vector<AttackLayer> layers;  ///< an activation after every layer but the last

  /// torch_dlg.py's LeNet for 1x28x28 inputs: conv5x5 1->12 stride 2 pad 2, conv5x5 12->12
  /// stride 2 pad 2, conv5x5 12->12 stride 1 pad 2 (sigmoid after each), fc 588->classes; every
  /// parameter from U(-range, range).
  static AttackNet lenet(int classes, double range, Rng& rng);
  int inputs() const { return layers.front().inputs(); }
  int classes() const { return layers.back().outputs(); }
};

/// The gradient of a batch: per layer, weights and biases (what a PUSH carries).
using NetGradient = MlpGradient;

MlpGradient netGradient(const AttackNet& net, const MatD& x, const MatD& y);
MatD netLogits(const AttackNet& net, const MatD& x);
/// ||grad(x, softmax(yLogits)) - target||^2 and its gradients with respect to x and yLogits.
DlgValue netDlgObjective(const AttackNet& net, const MatD& x, const MatD& labelLogits,
                         const MlpGradient& target, MatchDistance kind = MatchDistance::L2);

}  // namespace distlab::engine
