#pragma once
#include "core/spec.h"
#include "data/dataset.h"
#include "security/adversarial/robust_training.h"

namespace distlab::engine {

/// The smallest and largest feature value of a data set: the range an adversarial input must
/// stay in.
std::pair<float, float> featureRange(const Dataset& data);

/// The evasion attack's ball and steps from adversarial.* at radius `epsilon`.
PerturbSettings attackSettings(const AdversarialSpec& a, double epsilon,
                               std::pair<float, float> range);
/// The workers' robust training from adversarial.* (adversarial training's inner PGD takes
/// train_steps steps of 2.5 epsilon / train_steps).
RobustTrainingSettings trainingSettings(const AdversarialSpec& a, std::pair<float, float> range);

}  // namespace distlab::engine
