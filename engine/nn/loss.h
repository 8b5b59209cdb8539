#pragma once
#include <span>
#include <string>

#include "nn/tensor.h"

namespace distlab::engine {

enum class LossKind { CrossEntropy, MeanSquaredError };
LossKind lossFromName(const std::string& name);

/// What a batch is scored against: class labels (classification) or target rows (regression,
/// targets is outputs x batch). For MSE on a classification set the labels become one-hot rows.
struct BatchTargets {
  std::span<const int> labels;
  const Matrix* targets = nullptr;
};

/// Mean over the batch of -log softmax(z)_label, computed as logsumexp(z) - z_label with the
/// column maximum subtracted first so no exp overflows. gradient (if given) = (softmax - onehot)/B.
double softmaxCrossEntropy(const Matrix& logits, std::span<const int> labels, Matrix* gradient);

/// Mean over all outputs and examples of (y - t)^2 (PyTorch's reduction="mean");
/// gradient = 2 (y - t) / (outputs * B).
double meanSquaredError(const Matrix& outputs, const Matrix& targets, Matrix* gradient);

/// Dispatches on kind; builds one-hot targets for MSE when only labels are given.
double computeLoss(LossKind kind, const Matrix& outputs, const BatchTargets& targets,
                   Matrix* gradient);

/// Second order: R{gradient}, the Hessian of the loss with respect to the outputs times
/// rOutputs. Cross-entropy: (diag(p) - p p^T) rz / B per column, p = softmax(z); MSE: 2 r / count.
void lossHessianProduct(LossKind kind, const Matrix& outputs, const Matrix& rOutputs,
                        Matrix& rGradient);

}  // namespace distlab::engine
