#pragma once
#include <cstdint>

#include "core/spec.h"
#include "data/dataset.h"
#include "nn/model.h"

namespace distlab::engine {

/// Builds and initialises the network a spec names for inputs of the given shape and `outputs`
/// outputs (classes, or regression targets). Initial weights come from
/// Rng::stream(seed, RngPurpose::Init), so every replica built from one spec starts identical.
///  - mlp:    [Dense(h) act]* Dense(outputs)
///  - lenet5: Conv(6,5,pad 2) MaxPool(2) act Conv(16,5) MaxPool(2) act Flatten
///            Dense(120) act Dense(84) act Dense(outputs)   (LeCun et al., 1998; pool and act
///            swapped, which changes no value since the activations are non-decreasing)
///  - linear: Dense(outputs)
Model buildModel(const ModelSpec& spec, Shape input, int outputs, std::uint64_t seed);

/// buildModel's layers with every parameter 0: for a model whose parameters are copied in or
/// shared before use (a scorer, a replica), where drawing initial values would be wasted (for
/// lesson 3's 2.9 M parameters, ~0.2 s a model).
Model buildModelLayout(const ModelSpec& spec, Shape input, int outputs);

/// How many layers buildModel makes for this spec (activations and pooling count as layers).
int layerCount(const ModelSpec& spec);

/// The model a spec names for this training set (outputs = classes, or regression targets).
Model buildModelFor(const Spec& spec, const Dataset& train);
/// buildModelLayout for this training set.
Model buildModelLayoutFor(const Spec& spec, const Dataset& train);

}  // namespace distlab::engine
