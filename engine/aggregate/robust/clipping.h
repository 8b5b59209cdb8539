#pragma once
#include <span>
#include <vector>

namespace distlab::engine {

/// The clipping bound of a round: `bound` when > 0, else the median of the norms (a bound that
/// follows the honest majority's scale as training goes on).
double clipBound(double bound, std::vector<double> norms);

}  // namespace distlab::engine
