// The local rules of federated clients on quadratics, where each has a closed form:
// f_i(w) = a_i / 2 (w - b_i)^2 per coordinate.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.h"
#include "federated/client_rule.h"

namespace distlab::engine {
namespace {

/// `steps` steps of size lr on f(w) = a/2 (w - b)^2 from `start`, the gradient adjusted by rule.
std::vector<float> localSteps(const ClientRule& rule, const ClientRound& round,
                              std::vector<float> w, double a, double b, int steps, double lr) {
  std::vector<float> g(w.size());
  for (int s = 0; s < steps; ++s) {
    for (std::size_t i = 0; i < w.size(); ++i) g[i] = static_cast<float>(a * (w[i] - b));
    rule.adjustGradient(g, w, round);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] -= static_cast<float>(lr * g[i]);
  }
  return w;
}

TEST(ClientRules, FedProxWithoutItsTermIsFedAvgAndWithItStopsAtTheProximalOptimum) {
  const std::vector<float> global = {1.0f};
  ClientRound round{global, {}, {}, 0.0};
  const auto& prox = clientRules().at("fedprox");
  const auto& plain = clientRules().at("fedavg");
  // mu = 0: bit for bit the FedAvg client.
  EXPECT_EQ(localSteps(prox, round, global, 2.0, 5.0, 30, 0.1),
            localSteps(plain, round, global, 2.0, 5.0, 30, 0.1));
  // mu = 3: the minimum of a/2 (w - b)^2 + mu/2 (w - g)^2 is (a b + mu g) / (a + mu).
  round.mu = 3.0;
  const auto w = localSteps(prox, round, global, 2.0, 5.0, 200, 0.1);
  EXPECT_NEAR(w[0], (2.0 * 5.0 + 3.0 * 1.0) / (2.0 + 3.0), 1e-5);
  std::vector<float> g = {1.0f, 1.0f};
  EXPECT_THROW(prox.adjustGradient(g, std::vector<float>{0.0f, 0.0f}, round), Error);
}

// Two clients, a = (1, 3), b = (-1, 2): the global optimum x* = sum a_i b_i / sum a_i = 1.25.
// With the control variates at x* (c_i = a_i (x* - b_i), c = their mean = 0), SCAFFOLD's
// clients do not move from x* however many local steps they take; FedAvg's drift to their own
// optima.
TEST(ClientRules, ScaffoldRemovesTheClientDriftAtTheGlobalOptimum) {
  const double a[] = {1.0, 3.0}, b[] = {-1.0, 2.0};
  const double optimum = (a[0] * b[0] + a[1] * b[1]) / (a[0] + a[1]);
  const std::vector<float> x = {static_cast<float>(optimum)};
  const std::vector<float> c = {0.0f};
  const auto& scaffold = clientRules().at("scaffold");
  ASSERT_TRUE(scaffold.usesControlVariates());
  for (int i = 0; i < 2; ++i) {
    const std::vector<float> ci = {static_cast<float>(a[i] * (optimum - b[i]))};
    const ClientRound round{x, c, ci, 0.0};
    EXPECT_NEAR(localSteps(scaffold, round, x, a[i], b[i], 50, 0.1)[0], optimum, 1e-6);
    EXPECT_GT(std::abs(localSteps(clientRules().at("fedavg"), round, x, a[i], b[i], 50, 0.1)[0] -
                       optimum),
              0.5);
  }
}

// Away from the optimum, K corrected steps move a client by d_K = -c (1 - (1 - lr a)^K) / a
// (the local gradient at y is a (y - x) + c once c_i = a (x - b)), and its new control is
// c_i - c - d_K / (K lr).
TEST(ClientRules, ScaffoldsStepsAndNewControlMatchTheirClosedForms) {
  const double a = 2.0, b = 4.0, lr = 0.05, serverC = 0.7;
  const int steps = 12;
  const std::vector<float> x = {1.0f, -2.0f};
  std::vector<float> ci(2), c(2, static_cast<float>(serverC));
  for (std::size_t i = 0; i < 2; ++i) ci[i] = static_cast<float>(a * (x[i] - b));
  const ClientRound round{x, c, ci, 0.0};
  const auto y = localSteps(clientRules().at("scaffold"), round, x, a, b, steps, lr);
  const double moved = -serverC * (1 - std::pow(1 - lr * a, steps)) / a;
  const auto next = scaffoldClientControl(round, y, steps, lr);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR(y[i] - x[i], moved, 1e-5) << i;
    EXPECT_NEAR(next[i], ci[i] - serverC - moved / (steps * lr), 1e-4) << i;
  }
  EXPECT_THROW(scaffoldClientControl(round, y, 0, lr), Error);
  EXPECT_EQ(clientRules().names(), (std::vector<std::string>{"fedavg", "fedprox", "scaffold"}));
}

}  // namespace
}  // namespace distlab::engine
