#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "nn/model.h"

namespace distlab::engine {

// Property inference from gradients (the lecture's privacy attack 1; Melis et al., "Exploiting
// Unintended Feature Leakage in Collaborative Learning", 2019): the honest-but-curious server
// learns something about a worker's batch that the task does not ask for. Here: "the batch
// contains an example of class k". It computes shadow gradients on its own data, with and
// without the property, at the very parameters of each round, trains a meta-classifier on them
// and scores each of the victim's rounds.

/// One round the server observed: the parameters it sent, what it read back (the victim's push,
/// or under secure aggregation the round's mean over every worker) and, for scoring the attack
/// only, whether the victim's batch had the property.
struct PropertyRound {
  std::vector<float> parameters;
  std::vector<float> observed;
  bool hasProperty = false;
};

struct PropertyAttackOptions {
  int propertyClass = 0;
  int shadowBatches = 16;  ///< per round, half with the property and half without
  int batchSize = 8;       ///< the victim's batch size (the server knows the protocol)
  /// 1: the server reads the victim's own push; more: the round's mean over this many workers,
  /// the victim's batch among them (secure aggregation).
  int workers = 1;
  std::string defense = "none";  ///< applied to every shadow gradient as the workers apply it
  double defenseStrength = 0.0;
  std::uint64_t seed = 0;
};

struct PropertyAttackResult {
  std::vector<double> scores;  ///< per round: the meta-classifier's P(property)
  std::vector<int> truth;      ///< per round: 1 when the victim's batch had it
  double auc = 0.0;            ///< of the scores against the truth (NaN: one class only)
  double accuracy = 0.0;       ///< share of rounds called right at P = 0.5
  int shadowExamples = 0;      ///< what the meta-classifier was trained on
  int features = 0;            ///< its input: the gradient of the network's last layer
};

/// True when any of the rows is of class k.
bool batchHasClass(const Dataset& data, const std::vector<std::size_t>& rows, int k);

/// The attack on the victim's rounds, with `auxiliary` (data the server holds, e.g. the test
/// set) for its shadow gradients on `model` (the network of the run; its parameters are
/// overwritten). The meta-classifier never sees the victim's rounds. Throws Error naming
/// privacy.property_class when the auxiliary data has no example of it.
PropertyAttackResult inferProperty(Model& model, const Dataset& auxiliary,
                                   const std::vector<PropertyRound>& rounds,
                                   const PropertyAttackOptions& options);

}  // namespace distlab::engine
