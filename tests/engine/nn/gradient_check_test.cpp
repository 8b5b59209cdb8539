#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "nn/gradient_check.h"

namespace distlab::engine {
namespace {

TEST(GradientCheckTest, MatchesTheClosedFormOfACubic) {
  std::vector<float> v = {0.5f, -1.0f, 2.0f};
  auto f = [&]() {
    double s = 0;
    for (float x : v) s += static_cast<double>(x) * x * x;
    return s;
  };
  std::vector<double> g(3);
  numericalGradient(v, f, 1e-2f, g);
  for (std::size_t i = 0; i < v.size(); ++i) {
    // Central differences of x^3 are exact up to step^2 = 1e-4 (the third-derivative term).
    EXPECT_NEAR(g[i], 3.0 * v[i] * v[i], 2e-4);
  }
  EXPECT_EQ(v, (std::vector<float>{0.5f, -1.0f, 2.0f})) << "values must be restored";
}

TEST(GradientCheckTest, RelativeErrorScalesByTheLargestReference) {
  const std::vector<float> a = {1.0f, 10.5f};
  const std::vector<double> b = {1.0, 10.0};
  EXPECT_DOUBLE_EQ(relativeError(a, b), 0.05);
  const std::vector<float> small = {0.001f};
  const std::vector<double> smallRef = {0.0};
  EXPECT_NEAR(relativeError(small, smallRef), 0.001, 1e-9);  // absolute below scale 1
}

}  // namespace
}  // namespace distlab::engine
