#pragma once
#include <string>
#include <vector>

#include "attacks/property/property_inference.h"
#include "data/dataset.h"

namespace distlab::engine {

/// The rounds of a run whose server kept a series of the victim's pushes
/// (RUN/capture-series/step-S, privacy.capture_count): each push as the server read it, with the
/// parameters it was computed on, and whether its batch (rows of `train`) had class k.
/// Under secure aggregation a lone push reads as noise; the server then reads the round's mean
/// from its own step, (parameters before - parameters after) / lr (plain SGD), and the series'
/// last round, with no step after it, is left out. Throws Error naming the folder.
std::vector<PropertyRound> readPropertyRounds(const std::string& runFolder, const Dataset& train,
                                              int propertyClass, double lr);

}  // namespace distlab::engine
