#include <cmath>
#include <functional>
#include <memory>
#include <span>
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

// Steps taken in slices (the parameter server's fused aggregation) give the whole step's values,
// running state included, for every optimizer and setting.
TEST(OptimizerTest, AStepInSlicesEqualsTheWholeStep) {
  std::vector<std::unique_ptr<Optimizer>> whole, sliced;
  whole.push_back(std::make_unique<Sgd>(0.1f, 0.9f, 0.01f));
  sliced.push_back(std::make_unique<Sgd>(0.1f, 0.9f, 0.01f));
  whole.push_back(std::make_unique<Adam>(0.01f, 0.9f, 0.999f, 1e-8f, 0.01f));
  sliced.push_back(std::make_unique<Adam>(0.01f, 0.9f, 0.999f, 1e-8f, 0.01f));
  const std::size_t n = 1000;
  for (std::size_t o = 0; o < whole.size(); ++o) {
    std::vector<float> a(n), b(n), g(n);
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] = std::sin(0.37f * static_cast<float>(i));
    for (int step = 0; step < 3; ++step) {
      for (std::size_t i = 0; i < n; ++i) g[i] = std::cos(0.11f * static_cast<float>(i * (step + 1)));
      whole[o]->step(a, g);
      sliced[o]->beginStep(n);
      // Uneven slices, out of order, as threads would take them.
      const std::size_t cuts[] = {0, 7, 300, 301, 999, 1000};
      for (int k : {3, 0, 4, 1, 2}) {
        const std::size_t at = cuts[k], len = cuts[k + 1] - cuts[k];
        sliced[o]->stepSlice(std::span<float>(b).subspan(at, len),
                             std::span<const float>(g).subspan(at, len), at);
      }
      for (std::size_t i = 0; i < n; ++i) ASSERT_FLOAT_EQ(a[i], b[i]) << o << " " << step << " " << i;
    }
  }
}

// The same step gives the same bits wherever the buffers lie: a checkpointed run resumed in
// another process (other addresses) must end where an uninterrupted one does.
TEST(OptimizerTest, AStepsBitsDoNotDependOnTheBuffersAddresses) {
  constexpr std::size_t n = 1001;
  for (const auto make : {+[] { return std::unique_ptr<Optimizer>(std::make_unique<Adam>(0.01f)); },
                          +[] { return std::unique_ptr<Optimizer>(std::make_unique<Sgd>(0.1f, 0.9f, 1e-4f)); }}) {
    std::vector<std::vector<float>> results;
    for (std::size_t shift = 0; shift < 8; ++shift) {  // every offset from a 32-byte boundary
      std::vector<float> pBuffer(n + 8), gBuffer(n + 8);
      std::span<float> p(pBuffer.data() + shift, n), g(gBuffer.data() + (7 - shift), n);
      for (std::size_t i = 0; i < n; ++i) p[i] = std::sin(0.1f * static_cast<float>(i));
      auto optimizer = make();
      for (int step = 0; step < 5; ++step) {
        for (std::size_t i = 0; i < n; ++i) g[i] = std::cos(0.37f * static_cast<float>(i * (step + 1)));
        optimizer->step(p, g);
      }
      results.emplace_back(p.begin(), p.end());
    }
    for (std::size_t k = 1; k < results.size(); ++k)
      EXPECT_EQ(results[k], results[0]) << "buffers shifted by " << k << " floats";
  }
}

TEST(OptimizerTest, ASliceOutsideTheStepIsRefused) {
  std::vector<float> p(10), g(10);
  Sgd momentum(0.1f, 0.9f);
  momentum.beginStep(8);
  EXPECT_ANY_THROW(momentum.stepSlice(std::span<float>(p).first(4), std::span<const float>(g).first(4), 6));
  EXPECT_ANY_THROW(momentum.stepSlice(std::span<float>(p).first(4), std::span<const float>(g).first(3), 0));
  momentum.stepSlice(std::span<float>(p).first(4), std::span<const float>(g).first(4), 4);  // fits
  Adam adam(0.1f);
  adam.beginStep(8);
  EXPECT_ANY_THROW(adam.stepSlice(std::span<float>(p).first(9), std::span<const float>(g).first(9), 0));
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
