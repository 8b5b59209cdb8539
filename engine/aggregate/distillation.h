#pragma once
#include <span>

#include "core/rng.h"
#include "data/dataset.h"
#include "nn/model.h"
#include "nn/tensor.h"

namespace distlab::engine {

struct DistillOptions {
  int steps = 100;
  int batchSize = 64;
  double lr = 0.1;
  double temperature = 3.0;  ///< T: the soft targets are the ensemble's mean softmax(z / T)
  double lambda = 0.3;       ///< weight of the true-label cross-entropy
};

/// The distillation loss of logits z (one column per example) against soft targets p_T and
/// labels, mean over the batch: lambda CE(softmax(z), y) + (1 - lambda) T^2 KL(p_T ||
/// softmax(z / T)); its gradient with respect to z into *gradient when given.
double distillationLoss(const Matrix& z, const Matrix& softTargets, std::span<const int> labels,
                        double temperature, double lambda, Matrix* gradient);

/// Ensemble-compression (EC-DNN, the lecture's "集成-压缩"): trains `student` (starting from its
/// current parameters) to match the ensemble of the K models stored back to back in `members`,
/// by SGD on random batches of `data` with the knowledge-distillation loss of Hinton et al.
/// (2015): lambda * CE(softmax(z), y) + (1 - lambda) * T^2 * KL(p_T || softmax(z / T)), where p_T
/// is the members' mean softmax at temperature T. Its logit gradient is
/// lambda (softmax(z) - y) + (1 - lambda) T (softmax(z / T) - p_T), per example. `teacher` is a
/// scratch model of the same architecture. Returns the last batch's distillation loss.
double distillEnsemble(Model& teacher, Model& student, std::span<const float> members,
                       const Dataset& data, const DistillOptions& options, Rng& rng);

}  // namespace distlab::engine
