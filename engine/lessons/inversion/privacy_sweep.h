#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"

namespace distlab::engine {

/// One point of the privacy-utility table: a defense at a strength, what the attack still gets
/// from a shared gradient, and what the defense costs the model.
struct PrivacyUtilityPoint {
  std::string defense;
  double strength = 0.0;
  double attackPsnr = 0.0;  ///< mean over the spec's images, each attacked alone (batch 1)
  double attackSsim = 0.0;
  double testAccuracy = 0.0;  ///< after training the spec's model with the defense on every step
  std::string training = "in-process";  ///< where that training ran: in-process | cluster
};

/// Trains the spec's model with every gradient defended by (defense, strength) and returns the
/// test accuracy, e.g. on a real cluster.
using DefendedTraining = std::function<double(const std::string& defense, double strength)>;

/// For each strength of the spec's defense (and "none" first): the DLG attack (or the spec's
/// attack) on each image's defended gradient, and the test accuracy of the model trained with
/// every step's gradient defended the same way: by `train` when given (then the points say
/// "cluster"), else the MLP trained here for training.epochs epochs (SGD, training.lr,
/// training.batch_size) in double precision.
std::vector<PrivacyUtilityPoint> privacyUtility(const Spec& spec, const TrainTest& data,
                                                const std::vector<double>& strengths,
                                                const DefendedTraining& train = {});

}  // namespace distlab::engine
