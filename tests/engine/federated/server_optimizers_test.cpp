// The server optimizers of federated learning against the update rules of Reddi et al. (2021)
// computed by hand in double precision, two rounds each.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.h"
#include "federated/server_optimizer.h"

namespace distlab::engine {
namespace {

constexpr double kX0[] = {0.5, -1.0, 2.0};
constexpr double kD1[] = {0.1, -0.2, 0.0};
constexpr double kD2[] = {-0.05, -0.3, 0.4};

/// Two rounds of `name` from kX0 with the updates kD1 then kD2.
std::vector<float> twoRounds(const char* name, const ServerOptimizerOptions& o) {
  std::vector<float> x(std::begin(kX0), std::end(kX0));
  ServerOptimizerState state;
  const auto& rule = serverOptimizers().at(name);
  for (const double* d : {kD1, kD2}) {
    const std::vector<float> delta(d, d + 3);
    rule.step(x, delta, state, o);
  }
  EXPECT_EQ(state.rounds, 2u);
  return x;
}

/// The adaptive rule by hand: m and v per coordinate, v from tau^2, with `second`.
template <class Second>
std::vector<double> adaptiveByHand(const ServerOptimizerOptions& o, Second second) {
  std::vector<double> x(std::begin(kX0), std::end(kX0));
  for (int i = 0; i < 3; ++i) {
    double m = 0.0, v = o.tau * o.tau;
    for (const double* d : {kD1, kD2}) {
      m = o.beta1 * m + (1 - o.beta1) * d[i];
      v = second(v, d[i] * d[i]);
      x[static_cast<std::size_t>(i)] += o.lr * m / (std::sqrt(v) + o.tau);
    }
  }
  return x;
}

void expectNear(const std::vector<float>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], 1e-6 * (1 + std::abs(want[i]))) << i;
  }
}

ServerOptimizerOptions options() {
  ServerOptimizerOptions o;
  o.lr = 0.1;
  o.beta1 = 0.9;
  o.beta2 = 0.99;
  o.tau = 0.01;
  return o;
}

TEST(ServerOptimizers, FedAvgMovesByTheMeanUpdateTimesTheServerStep) {
  ServerOptimizerOptions o;
  o.lr = 1.0;
  std::vector<double> want(std::begin(kX0), std::end(kX0));
  for (int i = 0; i < 3; ++i) want[static_cast<std::size_t>(i)] += kD1[i] + kD2[i];
  expectNear(twoRounds("fedavg", o), want);
  o.lr = 0.5;
  for (int i = 0; i < 3; ++i) want[static_cast<std::size_t>(i)] = kX0[i] + 0.5 * (kD1[i] + kD2[i]);
  expectNear(twoRounds("fedavg", o), want);
}

TEST(ServerOptimizers, FedAvgMAddsServerMomentum) {
  const auto o = options();
  std::vector<double> want(3);
  for (int i = 0; i < 3; ++i) {
    const double v1 = kD1[i], v2 = 0.9 * v1 + kD2[i];
    want[static_cast<std::size_t>(i)] = kX0[i] + 0.1 * v1 + 0.1 * v2;
  }
  expectNear(twoRounds("fedavgm", o), want);
}

TEST(ServerOptimizers, AdaptiveRulesFollowTheirSecondMoments) {
  const auto o = options();
  expectNear(twoRounds("fedadagrad", o), adaptiveByHand(o, [](double v, double d2) { return v + d2; }));
  expectNear(twoRounds("fedadam", o), adaptiveByHand(o, [&](double v, double d2) {
               return o.beta2 * v + (1 - o.beta2) * d2;
             }));
  expectNear(twoRounds("fedyogi", o), adaptiveByHand(o, [&](double v, double d2) {
               return v - (1 - o.beta2) * d2 * (v > d2 ? 1.0 : v < d2 ? -1.0 : 0.0);
             }));
  // The first coordinate's first Adam step by hand: m = 0.01, v = 0.99 * 1e-4 + 0.01 * 0.01.
  std::vector<float> x = {0.5f};
  ServerOptimizerState state;
  serverOptimizers().at("fedadam").step(x, std::vector<float>{0.1f}, state, o);
  EXPECT_NEAR(x[0], 0.5 + 0.1 * 0.01 / (std::sqrt(0.99e-4 + 1e-4) + 0.01), 1e-7);
}

TEST(ServerOptimizers, TheRegistryNamesItsFieldAndEveryRule) {
  EXPECT_EQ(serverOptimizers().names(),
            (std::vector<std::string>{"fedavg", "fedavgm", "fedadagrad", "fedadam", "fedyogi"}));
  try {
    serverOptimizers().at("sgd");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("fl.server_optimizer"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("fedyogi"), std::string::npos);
  }
  std::vector<float> x(3);
  ServerOptimizerState state;
  EXPECT_THROW(serverOptimizers().at("fedadam").step(x, std::vector<float>(2), state, options()),
               Error);
}

}  // namespace
}  // namespace distlab::engine
