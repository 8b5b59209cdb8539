// The defenses through their registry, on a gradient's tensors and on a worker's flat buffer.
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "core/strategy_names.h"
#include "defenses/defense.h"

namespace distlab::engine {
namespace {

MlpGradient sample() {
  MlpGradient g;
  g.weights.push_back(MatD(20, 50));
  g.weights[0].setRandom();
  g.biases.push_back(VecD::LinSpaced(20, -1, 1));
  return g;
}

TEST(DefensesTest, EveryDefenseIsRegisteredWithWhatItNeeds) {
  EXPECT_EQ(defenseNames(), (std::vector<std::string>{"none", "noise", "topk", "fp16", "int8",
                                                      "dp", "local-steps"}));
  for (const auto& name : defenseNames()) {
    const Defense& d = defenses().at(name);
    EXPECT_EQ(d.changesGradient(), name != "none") << name;
    EXPECT_EQ(d.needsExamples(), name == "dp" || name == "local-steps") << name;
  }
  EXPECT_EQ(defenses().at("topk").strengthLimit(), 1.0);
  EXPECT_TRUE(std::isinf(defenses().at("noise").strengthLimit()));
}

TEST(DefensesTest, NoiseHasTheStrengthAsItsStandardDeviation) {
  MlpGradient g = sample();
  const MlpGradient before = g;
  Rng rng(3);
  applyDefense(g, "noise", 0.5, rng);
  double sum = 0, sum2 = 0;
  const auto n = static_cast<double>(g.weights[0].size());
  const MatD diff = g.weights[0] - before.weights[0];
  for (Eigen::Index i = 0; i < diff.size(); ++i) {
    sum += diff.data()[i];
    sum2 += diff.data()[i] * diff.data()[i];
  }
  EXPECT_NEAR(sum / n, 0.0, 0.05);
  EXPECT_NEAR(std::sqrt(sum2 / n), 0.5, 0.03);
}

TEST(DefensesTest, AWorkersFlatBufferGetsTheSameArithmeticAsOneTensor) {
  for (const char* name : {"noise", "topk", "fp16", "int8"}) {
    SCOPED_TRACE(name);
    std::vector<float> buffer(1000);
    for (std::size_t i = 0; i < buffer.size(); ++i) {
      buffer[i] = static_cast<float>(std::sin(0.37 * static_cast<double>(i)) * 0.01);
    }
    MlpGradient g;
    g.weights.push_back(Eigen::Map<const Eigen::VectorXf>(buffer.data(), 1000).cast<double>());
    g.biases.push_back(VecD(0));
    Rng a(7), b(7);
    applyDefense(g, name, 0.3, a);
    applyDefenseToBuffer(buffer, name, 0.3, b);
    for (std::size_t i = 0; i < buffer.size(); ++i) {
      ASSERT_EQ(buffer[i], static_cast<float>(g.weights[0].data()[i])) << i;
    }
  }
  std::vector<float> untouched = {1.5f, -2.0f};
  Rng rng(1);
  applyDefenseToBuffer(untouched, "none", 9.0, rng);
  EXPECT_EQ(untouched, (std::vector<float>{1.5f, -2.0f}));
}

TEST(DefensesTest, DefensesThatNeedTheExamplesRefuseAFinishedGradient) {
  std::vector<float> buffer(4, 1.0f);
  Rng rng(1);
  for (const char* name : {"dp", "local-steps"}) {
    const std::string error = testing::errorOf([&] { applyDefenseToBuffer(buffer, name, 1.0, rng); });
    EXPECT_NE(error.find("needs the examples"), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace distlab::engine
