#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "nn/optimizer.h"

namespace distlab::engine {
namespace {

TEST(SgdTest, PlainStepIsPMinusLrG) {
  std::vector<float> p = {1.0f, -2.0f};
  const std::vector<float> g = {0.5f, 4.0f};
  Sgd(0.1f).step(p, g);
  EXPECT_FLOAT_EQ(p[0], 1.0f - 0.05f);
  EXPECT_FLOAT_EQ(p[1], -2.0f - 0.4f);
}

TEST(SgdTest, MomentumAndWeightDecayFollowPyTorchsFormula) {
  std::vector<float> p = {1.0f};
  const std::vector<float> g = {1.0f};
  Sgd sgd(0.1f, 0.9f, 0.5f);
  sgd.step(p, g);  // v = 1 + 0.5*1 = 1.5; p = 1 - 0.15 = 0.85
  EXPECT_FLOAT_EQ(p[0], 0.85f);
  sgd.step(p, g);  // v = 0.9*1.5 + 1 + 0.5*0.85 = 2.775; p = 0.85 - 0.2775
  EXPECT_NEAR(p[0], 0.5725f, 1e-6);
  sgd.reset();
  sgd.step(p, g);  // fresh velocity: v = 1 + 0.5*0.5725
  EXPECT_NEAR(p[0], 0.5725f - 0.1f * (1.0f + 0.5f * 0.5725f), 1e-6);
}

TEST(AdamTest, FirstStepMovesEachCoordinateByAboutLr) {
  // After one step the bias-corrected moments are g and g^2, so the update is lr*g/(|g|+eps).
  std::vector<float> p = {0.0f, 0.0f};
  const std::vector<float> g = {3.0f, -0.01f};
  Adam(0.01f).step(p, g);
  EXPECT_NEAR(p[0], -0.01f, 1e-6);
  EXPECT_NEAR(p[1], 0.01f, 1e-5);
}

TEST(AdamTest, MinimisesAQuadratic) {
  // f(p) = sum (p_i - c_i)^2; gradient 2(p - c).
  std::vector<float> p = {5.0f, -3.0f, 0.0f};
  const std::vector<float> c = {1.0f, 2.0f, -1.0f};
  Adam adam(0.05f);
  std::vector<float> g(3);
  for (int step = 0; step < 2000; ++step) {
    for (int i = 0; i < 3; ++i) g[i] = 2.0f * (p[i] - c[i]);
    adam.step(p, g);
  }
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(p[i], c[i], 1e-2);
}

TEST(OptimizerTest, FactoryFollowsTheSpecAndChecksSizes) {
  TrainingSpec t;
  t.optimizer = "adam";
  EXPECT_NE(makeOptimizer(t)->describe().find("Adam"), std::string::npos);
  t.optimizer = "sgd";
  auto sgd = makeOptimizer(t);
  std::vector<float> p(2), g(3);
  EXPECT_ANY_THROW(sgd->step(p, g));
}

}  // namespace
}  // namespace distlab::engine
