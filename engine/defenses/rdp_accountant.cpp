#include "defenses/rdp_accountant.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace distlab::engine {

double sampledGaussianRdp(double q, double sigma, int alpha) {
  if (q <= 0.0) return 0.0;
  const double variance2 = 2.0 * sigma * sigma;
  if (q >= 1.0) return alpha / variance2;
  // log of each term, then log-sum-exp: the terms overflow a double long before their sum's log.
  std::vector<double> terms;
  terms.reserve(static_cast<std::size_t>(alpha) + 1);
  const double logQ = std::log(q), log1mQ = std::log1p(-q);
  for (int k = 0; k <= alpha; ++k) {
    const double logBinomial =
        std::lgamma(alpha + 1.0) - std::lgamma(k + 1.0) - std::lgamma(alpha - k + 1.0);
    terms.push_back(logBinomial + (alpha - k) * log1mQ + k * logQ +
                    (static_cast<double>(k) * k - k) / variance2);
  }
  const double top = *std::max_element(terms.begin(), terms.end());
  double sum = 0.0;
  for (const double t : terms) sum += std::exp(t - top);
  return (top + std::log(sum)) / (alpha - 1);
}

std::span<const int> defaultRdpOrders() {
  static const std::vector<int> orders = [] {
    std::vector<int> o;
    for (int a = 2; a <= 64; ++a) o.push_back(a);
    for (const int a : {80, 96, 128, 256, 512}) o.push_back(a);
    return o;
  }();
  return orders;
}

PrivacySpent epsilonAfter(double q, double sigma, long long steps, double delta,
                          std::span<const int> orders) {
  PrivacySpent best{std::numeric_limits<double>::infinity(), 0};
  for (const int alpha : orders) {
    const double epsilon = static_cast<double>(steps) * sampledGaussianRdp(q, sigma, alpha) +
                           std::log(1.0 / delta) / (alpha - 1);
    if (epsilon < best.epsilon) best = {epsilon, alpha};
  }
  return best;
}

}  // namespace distlab::engine
