#pragma once
#include "data/dataset.h"
#include "nn/tensor.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// Three rows of the examples (one a column of x): the originals, the adversarial inputs, and
/// the perturbation magnified so that +-epsilon spans black to white around mid grey; every
/// pixel `scale` x `scale`, `gap` white pixels between pictures. Values are mapped from
/// [low, high] to 0..255; colour images keep their three channels.
Image adversarialGrid(const Matrix& originals, const Matrix& adversarial, const Shape& shape,
                      float low, float high, double epsilon, int scale, int gap);

}  // namespace distlab::engine
