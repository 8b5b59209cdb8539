#pragma once

namespace distlab::engine {

/// "A Little Is Enough" (Baruch et al. 2019): the largest z for which the attackers' push
/// mu - z sigma still has s = floor(n/2 + 1) - f honest workers farther from the mean than it:
/// z = Phi^-1((n - s) / n).
double alieZ(int workers, int attackers);

/// The standard normal quantile Phi^-1(p), p in (0, 1).
double normalQuantile(double p);

}  // namespace distlab::engine
