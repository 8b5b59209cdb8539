#pragma once
#include <span>

namespace distlab::engine {

// The privacy a DP-SGD run has spent (Rényi differential privacy of the sampled Gaussian
// mechanism; Mironov, Talwar and Zhang, 2019): every step, each example is in the batch with
// probability q and the clipped sum gets Gaussian noise of std sigma x the clip norm.

/// One step's RDP at integer order alpha >= 2:
/// log( sum_k C(alpha, k) (1 - q)^(alpha - k) q^k exp((k^2 - k) / (2 sigma^2)) ) / (alpha - 1),
/// summed in log space. q = 1 gives the Gaussian mechanism's alpha / (2 sigma^2).
double sampledGaussianRdp(double q, double sigma, int alpha);

/// The orders the accountant tries: 2 to 64, then 80, 96, 128, 256, 512.
std::span<const int> defaultRdpOrders();

struct PrivacySpent {
  double epsilon = 0.0;
  int order = 0;  ///< the order that gave it
};

/// (epsilon, delta)-DP after `steps` steps: the smallest over the orders of
/// steps x RDP(alpha) + log(1 / delta) / (alpha - 1) (Mironov 2017, proposition 3).
PrivacySpent epsilonAfter(double q, double sigma, long long steps, double delta,
                          std::span<const int> orders = defaultRdpOrders());

}  // namespace distlab::engine
