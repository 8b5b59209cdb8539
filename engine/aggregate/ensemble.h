#pragma once
#include <span>

#include "data/dataset.h"
#include "nn/evaluate.h"
#include "nn/model.h"
#include "nn/tensor.h"

namespace distlab::engine {

/// Softmax of each column of logits (one column per example), computed stably.
Matrix softmaxColumns(const Matrix& logits);

/// The ensemble's prediction (E-DNN): the mean of the members' softmax outputs,
/// p(x) = (1/K) sum_k softmax(g(w^k; x)). One column per example.
Matrix ensembleProbabilities(std::span<Model* const> members, const Matrix& x);

/// Mean cross-entropy -log p[label] of probabilities (not logits) over the batch's columns.
/// Convex in p, so by Jensen the ensemble's value is <= the mean of its members' (the lecture's
/// argument for ensembles).
double probabilityCrossEntropy(const Matrix& probabilities, std::span<const int> labels);

/// The ensemble of K models stored back to back in `members` (K x scratch's parameter count),
/// scored on a data set: loss = cross-entropy of the mean softmax, accuracy of its argmax. Each
/// member is loaded into `scratch` in turn.
ModelScore evaluateEnsemble(Model& scratch, std::span<const float> members, const Dataset& data,
                            int batchSize = 1000);

}  // namespace distlab::engine
