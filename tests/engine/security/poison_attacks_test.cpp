// The poisoning attacks of lesson 8, each against what its paper says it does.
#include <cmath>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "core/rng.h"
#include "nn/builders.h"
#include "security/attacks/alie.h"
#include "security/backdoor_trigger.h"
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

PoisonSettings settings(double strength = 0.0) {
  PoisonSettings s;
  s.workers = 10;
  s.attackers = 3;
  s.classes = 10;
  s.target = 7;
  s.shape = {1, 28, 28};
  s.strength = strength;
  return s;
}

TEST(PoisonAttacksTest, TheRegistryKnowsEveryAttackAndWhatItNeeds) {
  const std::vector<std::string> expected = {
      "none",     "label-flip", "backdoor", "model-replacement", "sign-flip", "scale",
      "gaussian", "alie",       "ipm"};
  EXPECT_EQ(poisonAttacks().names(), expected);
  EXPECT_TRUE(poisonAttacks().at("none").harmless());
  EXPECT_FALSE(poisonAttacks().at("sign-flip").harmless());
  EXPECT_TRUE(poisonAttacks().at("label-flip").needsLabels());
  EXPECT_TRUE(poisonAttacks().at("backdoor").plantsBackdoor());
  EXPECT_TRUE(poisonAttacks().at("model-replacement").plantsBackdoor());
  EXPECT_FALSE(poisonAttacks().at("scale").plantsBackdoor());
  EXPECT_GT(poisonAttacks().at("alie").honestBatches(), 1);
  EXPECT_GT(poisonAttacks().at("ipm").honestBatches(), 1);
  EXPECT_EQ(poisonAttacks().at("gaussian").honestBatches(), 0);
}

TEST(PoisonAttacksTest, LabelFlipMapsEveryClassToItsMirror) {
  Matrix x(2, 3);
  std::vector<int> labels = {0, 4, 9};
  Rng rng(1);
  poisonAttacks().at("label-flip").poisonBatch(x, labels, settings(), rng);
  EXPECT_EQ(labels, (std::vector<int>{9, 5, 0}));
}

TEST(PoisonAttacksTest, TheBackdoorStampsItsShareOfTheBatchAndRelabelsIt) {
  const int batch = 2000;
  Matrix x = Matrix::Zero(28 * 28, batch);
  std::vector<int> labels(batch, 1);
  Rng rng(5);
  auto s = settings();
  s.poisonShare = 0.3;
  s.triggerValue = 2.5f;
  poisonAttacks().at("backdoor").poisonBatch(x, labels, s, rng);
  int stamped = 0;
  for (int j = 0; j < batch; ++j) {
    const bool relabelled = labels[static_cast<std::size_t>(j)] == 7;
    const float sum = x.col(j).sum();
    // The trigger: nine pixels of 2.5 at rows and columns 24..26, nothing else.
    EXPECT_FLOAT_EQ(sum, relabelled ? 9 * 2.5f : 0.0f);
    if (relabelled) {
      EXPECT_FLOAT_EQ(x(24 * 28 + 24, j), 2.5f);
      EXPECT_FLOAT_EQ(x(26 * 28 + 26, j), 2.5f);
      EXPECT_FLOAT_EQ(x(27 * 28 + 27, j), 0.0f);
    }
    stamped += relabelled;
  }
  // Binomial(2000, 0.3): mean 600, sd 20.5.
  EXPECT_NEAR(stamped, 600, 5 * 20.5);
}

TEST(PoisonAttacksTest, TheTriggerOfAColourImageIsInEveryChannel) {
  std::vector<float> image(3 * 32 * 32, 0.0f);
  stampTrigger(image, {3, 32, 32}, 1.0f);
  EXPECT_FLOAT_EQ(std::accumulate(image.begin(), image.end(), 0.0f), 27.0f);
  EXPECT_FLOAT_EQ(image[2 * 1024 + 30 * 32 + 30], 1.0f);
  std::vector<float> flat(20, 0.0f);  // no image: the last nine features
  stampTrigger(flat, {20, 1, 1}, 1.0f);
  EXPECT_FLOAT_EQ(std::accumulate(flat.begin(), flat.end(), 0.0f), 9.0f);
  EXPECT_FLOAT_EQ(flat[11], 1.0f);
  EXPECT_FLOAT_EQ(flat[10], 0.0f);
}

TEST(PoisonAttacksTest, UpdateAttacksScaleFlipOrReplaceTheUpdate) {
  const HonestEstimate none;
  Rng rng(2);
  std::vector<float> u = {1, -2};
  poisonAttacks().at("sign-flip").poisonUpdate(u, none, settings(4), rng);
  EXPECT_EQ(u, (std::vector<float>{-4, 8}));
  poisonAttacks().at("scale").poisonUpdate(u, none, settings(0.5), rng);
  EXPECT_EQ(u, (std::vector<float>{-2, 4}));
  // Model replacement boosts by the worker count when the strength is left 0.
  poisonAttacks().at("model-replacement").poisonUpdate(u, none, settings(0), rng);
  EXPECT_EQ(u, (std::vector<float>{-20, 40}));
  EXPECT_DOUBLE_EQ(poisonAttacks().at("sign-flip").defaultStrength(), 4.0);
}

TEST(PoisonAttacksTest, TheGaussianAttackerPushesNoiseOfItsDeviation) {
  std::vector<float> u(20000, 1.0f);
  Rng rng(3);
  poisonAttacks().at("gaussian").poisonUpdate(u, {}, settings(2.0), rng);
  double sum = 0, sq = 0;
  for (const float v : u) {
    sum += v;
    sq += static_cast<double>(v) * v;
  }
  const double mean = sum / u.size();
  EXPECT_NEAR(mean, 0.0, 5 * 2.0 / std::sqrt(20000.0));
  EXPECT_NEAR(std::sqrt(sq / u.size() - mean * mean), 2.0, 0.05);
}

// Baruch et al.: s = floor(n/2 + 1) - f honest workers must lie farther from the mean than the
// attackers' push; z = Phi^-1((n - s) / n). n = 10, f = 3: s = 3, z = Phi^-1(0.7).
TEST(PoisonAttacksTest, AlieStepsZDeviationsFromTheHonestMean) {
  EXPECT_NEAR(normalQuantile(0.5), 0.0, 1e-12);
  EXPECT_NEAR(normalQuantile(0.975), 1.959963984540054, 1e-9);
  EXPECT_NEAR(normalQuantile(0.7), 0.5244005127080407, 1e-9);
  EXPECT_NEAR(alieZ(10, 3), 0.5244005127080407, 1e-9);
  // n = 50, f = 12: s = 14, z = Phi^-1(36 / 50).
  EXPECT_NEAR(alieZ(50, 12), normalQuantile(0.72), 1e-12);
  HonestEstimate honest{{1.0f, -2.0f}, {0.5f, 2.0f}};
  std::vector<float> u = {9, 9};
  Rng rng(1);
  poisonAttacks().at("alie").poisonUpdate(u, honest, settings(), rng);
  const auto z = static_cast<float>(alieZ(10, 3));
  EXPECT_FLOAT_EQ(u[0], 1.0f - z * 0.5f);
  EXPECT_FLOAT_EQ(u[1], -2.0f - z * 2.0f);
  poisonAttacks().at("ipm").poisonUpdate(u, honest, settings(0.1), rng);
  EXPECT_FLOAT_EQ(u[0], -0.1f);
  EXPECT_FLOAT_EQ(u[1], 0.2f);
}

}  // namespace
}  // namespace distlab::engine
