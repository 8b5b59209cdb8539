// The DP accountant: closed forms at its edges, and three settings against an independent
// computation (tests/dp/rdp_reference.py: exact binomials in Python) to 1e-3 relative.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "defenses/rdp_accountant.h"

namespace distlab::engine {
namespace {

TEST(RdpAccountantTest, EdgesFollowTheirClosedForms) {
  // q = 1 is the Gaussian mechanism: alpha / (2 sigma^2), through the sum as well.
  for (const int alpha : {2, 7, 40}) {
    EXPECT_DOUBLE_EQ(sampledGaussianRdp(1.0, 1.3, alpha), alpha / (2 * 1.3 * 1.3));
    EXPECT_NEAR(sampledGaussianRdp(1.0 - 1e-12, 1.3, alpha), alpha / (2 * 1.3 * 1.3), 1e-6);
  }
  EXPECT_EQ(sampledGaussianRdp(0.0, 1.0, 5), 0.0);
  // Order 2 in closed form: log(1 + q^2 (e^(1/sigma^2) - 1)).
  const double q = 0.01, sigma = 1.1;
  EXPECT_NEAR(sampledGaussianRdp(q, sigma, 2), std::log1p(q * q * std::expm1(1 / (sigma * sigma))),
              1e-15);
  // More steps spend more; more noise spends less.
  const double few = epsilonAfter(q, sigma, 100, 1e-5).epsilon;
  EXPECT_LT(few, epsilonAfter(q, sigma, 1000, 1e-5).epsilon);
  EXPECT_LT(epsilonAfter(q, 2 * sigma, 100, 1e-5).epsilon, few);
}

// Runs the reference script; returns {epsilon, order}.
std::pair<double, int> reference(double q, double sigma, long long steps, double delta) {
  const std::string command = "python3 " + std::string(DISTLAB_SOURCE_DIR) +
                              "/tests/dp/rdp_reference.py " + std::to_string(q) + " " +
                              std::to_string(sigma) + " " + std::to_string(steps) + " " +
                              std::to_string(delta);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {NAN, 0};
  double epsilon = NAN;
  int order = 0;
  const int read = std::fscanf(pipe, "%lf %d", &epsilon, &order);
  pclose(pipe);
  if (read != 2) return {NAN, 0};
  return {epsilon, order};
}

TEST(RdpAccountantTest, MatchesAnIndependentComputationInThreeSettings) {
  struct Setting {
    double q, sigma;
    long long steps;
    double delta;
  };
  // DP-SGD on MNIST (Abadi et al.'s q = 0.01, sigma = 1.1, 10 epochs), a noisier short run, and
  // a federated one (10 of 100 clients a round, 200 rounds).
  for (const Setting s : {Setting{0.01, 1.1, 10000, 1e-5}, Setting{0.004, 4.0, 2500, 1e-5},
                          Setting{0.1, 1.0, 200, 1e-6}}) {
    const auto [expected, order] = reference(s.q, s.sigma, s.steps, s.delta);
    ASSERT_TRUE(std::isfinite(expected)) << "python3 and tests/dp/rdp_reference.py must run";
    const PrivacySpent spent = epsilonAfter(s.q, s.sigma, s.steps, s.delta);
    EXPECT_NEAR(spent.epsilon, expected, 1e-3 * expected) << s.q << " " << s.sigma;
    EXPECT_EQ(spent.order, order);
  }
}

}  // namespace
}  // namespace distlab::engine
