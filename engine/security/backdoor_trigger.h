#pragma once
#include <span>

#include "data/dataset.h"
#include "nn/model.h"

namespace distlab::engine {

/// The backdoor's trigger (Gu et al. 2017, BadNets): a 3 x 3 square of `value` one pixel in from
/// the bottom-right corner, in every channel. A flat (non-image) example gets its last 9
/// features set instead.
void stampTrigger(std::span<float> example, const Shape& shape, float value);

/// The largest feature value of a data set: the trigger's "white".
float brightestValue(const Dataset& data);

/// The share of `data`'s examples whose class is not `target` that the model classifies as
/// `target` once stamped: the backdoor's attack success rate.
double backdoorSuccess(Model& model, const Dataset& data, int target, float value);

}  // namespace distlab::engine
