#pragma once
#include <string>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"

namespace distlab::engine {

// The lecture's convexity argument, measured. K models (cluster.workers) train on their own
// shares of the data for training.epochs rounds of cluster.local_steps steps each; after every
// round, on the test set: the loss of the parameter average, the mean of the members' losses, and
// the ensemble's loss (the mean of their softmax outputs). Convex in the parameters (logistic
// regression): averaged <= mean. Convex in the output only (an MLP): the ensemble stays <= mean,
// but averaging models from different random starts is far worse; from a common start, averaged
// every round, it is fine.

struct ConvexityPoint {
  int round = 0;
  double averagedModelLoss = 0.0;  ///< f(mean of the members' parameters)
  double meanMemberLoss = 0.0;     ///< mean of f(member)
  double ensembleLoss = 0.0;       ///< f(mean of the members' softmax outputs)
};

/// commonStart: every member starts from the same initialization and the members are replaced by
/// their average after each round (model averaging); otherwise each starts from its own seed and
/// they never communicate.
std::vector<ConvexityPoint> convexityStudy(const Spec& spec, const TrainTest& data,
                                           bool commonStart);

}  // namespace distlab::engine
