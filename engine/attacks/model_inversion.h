#pragma once
#include <span>
#include <vector>

#include "nn/model.h"
#include "attacks/inversion.h"

namespace distlab::engine {

// Gradient inversion of any engine/nn model (a cluster run's LeNet with max pooling, say), in
// float, through the R-operator (nn/second_order.h): the labels come first (iDLG, from the last
// dense layer's gradient), then the input alone is fitted to the observed gradient.

/// iDLG on an engine/nn model whose last layer is Dense: for one example and cross-entropy its
/// bias gradient is softmax - onehot, negative only at the true class. Throws Error otherwise.
int idlgLabelOf(const Model& model, std::span<const float> gradient);

/// The input whose gradient (with these labels, cross-entropy) matches `observed`; the model's
/// parameters are the ones the gradient was computed on.
DlgResult invertModelGradient(Model& model, std::span<const float> observed,
                              const std::vector<int>& labels, const DlgOptions& options);

}  // namespace distlab::engine
