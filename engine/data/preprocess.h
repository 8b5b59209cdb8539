#pragma once
#include "core/rng.h"
#include "data/dataset.h"

namespace distlab::engine {

/// Shuffles with rng, then holds out round(testFraction * n) examples as the test set.
TrainTest splitTrainTest(const Dataset& all, double testFraction, Rng& rng);
/// Standardises every feature to zero mean and unit variance using the training set's statistics
/// (features with zero variance are only centred); the same transform is applied to the test set.
void standardize(TrainTest& data);

}  // namespace distlab::engine
