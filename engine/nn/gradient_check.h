#pragma once
#include <functional>
#include <span>

namespace distlab::engine {

/// Central finite differences (f(v + h) - f(v - h)) / 2h of a scalar function of the values in
/// `values`, one coordinate at a time, restoring each value afterwards. Used to check analytic
/// gradients; f should accumulate in double to keep the float rounding below the step's error.
void numericalGradient(std::span<float> values, const std::function<double()>& f, float step,
                       std::span<double> out);

/// max_i |a_i - b_i| / max(1, max_i |b_i|): the relative error of a gradient against a reference.
double relativeError(std::span<const float> analytic, std::span<const double> reference);

}  // namespace distlab::engine
