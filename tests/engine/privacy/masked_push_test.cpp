// Secure aggregation as the cluster runs it: masked pushes whose words the parameter server adds
// up, against the plain weighted mean of the same updates.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "cluster/parameter_server.h"
#include "core/rng.h"
#include "crypto/masked_push.h"

namespace distlab::engine {
namespace {

struct Party {
  std::vector<Key32> secrets;
};

std::vector<Party> parties(int n) {
  std::vector<KeyPair> keys;
  for (int k = 0; k < n; ++k) keys.push_back(generateKeyPair());
  std::vector<Party> out(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) {
    out[k].secrets.assign(static_cast<std::size_t>(n), Key32{});
    for (int j = 0; j < n; ++j) {
      if (j != k) out[k].secrets[j] = sharedSecret(keys[k], keys[j].publicKey);
    }
  }
  return out;
}

std::vector<float> randomUpdate(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (auto& x : v) x = static_cast<float>(rng.normal());
  return v;
}

TEST(MaskedPushTest, ARoundsMasksCancelInTheSumAndChangeEveryRound) {
  const auto ps = parties(3);
  const std::size_t n = 5000;
  std::vector<std::vector<float>> updates;
  const double weights[3] = {32, 32, 20};
  for (int k = 0; k < 3; ++k) updates.push_back(randomUpdate(n, 10 + k));
  MaskedSum sum(n);
  std::vector<std::vector<float>> carriers(3, std::vector<float>(n));
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(maskPush(updates[k], weights[k], k, ps[k].secrets, 7, carriers[k]), 0u);
    sum.add(carriers[k]);
  }
  std::vector<float> mean(n);
  sum.mean(84, mean);
  double worst = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double expected =
        (32.0 * updates[0][i] + 32.0 * updates[1][i] + 20.0 * updates[2][i]) / 84.0;
    worst = std::max(worst, std::abs(mean[i] - expected));
  }
  // Three roundings of half a fixed-point step, divided by the weight, plus float rounding.
  EXPECT_LT(worst, 3 * 0.5 * std::ldexp(1.0, -kMaskedFractionBits) / 84.0 + 1e-6);
  // One push alone reads as noise of the fixed-point range, nothing like the update.
  const auto alone = decodeLonePush(carriers[0], 32);
  double correlation = 0, a2 = 0, u2 = 0;
  for (std::size_t i = 0; i < n; ++i) {
    correlation += alone[i] * updates[0][i];
    a2 += alone[i] * alone[i];
    u2 += updates[0][i] * updates[0][i];
  }
  EXPECT_LT(std::abs(correlation / std::sqrt(a2 * u2)), 0.05);
  // Uniform words over the range, over the weight: an RMS of 2^(31 - f) / sqrt(3) / 32 (~37 at
  // 20 fraction bits), where the update itself has an RMS of about 1.
  EXPECT_GT(std::sqrt(a2 / n), 0.8 * std::ldexp(1.0, 31 - kMaskedFractionBits) / std::sqrt(3.0) / 32);
  // The next round masks the same update differently: no difference of pushes gives it away.
  std::vector<float> next(n);
  maskPush(updates[0], 32, 0, ps[0].secrets, 8, next);
  int same = 0;
  for (std::size_t i = 0; i < n; ++i) same += std::memcmp(&next[i], &carriers[0][i], 4) == 0;
  EXPECT_LT(same, 5);
  EXPECT_NE(roundSecret(ps[0].secrets[1], 7), roundSecret(ps[0].secrets[1], 8));
}

TEST(MaskedPushTest, OutOfRangeValuesAreClampedAndCountedAndTheMasksStillCancel) {
  const auto ps = parties(2);
  const std::vector<float> huge = {1e9f, -1e9f, NAN, 0.5f}, zeros(4, 0.0f);
  std::vector<float> a(4), b(4);
  EXPECT_EQ(maskPush(huge, 1.0, 0, ps[0].secrets, 0, a), 3u);
  EXPECT_EQ(maskPush(zeros, 1.0, 1, ps[1].secrets, 0, b), 0u);
  MaskedSum sum(4);
  sum.add(a);
  sum.add(b);
  std::vector<float> mean(4);
  sum.mean(1.0, mean);
  // Each party keeps within half the range (two parties), less one: +-(2^10 - 1).
  const float limit = std::ldexp(1.0f, 31 - kMaskedFractionBits) / 2 - 1;
  EXPECT_FLOAT_EQ(mean[0], limit);
  EXPECT_FLOAT_EQ(mean[1], -limit);
  EXPECT_EQ(mean[2], 0.0f);  // NaN is sent as 0
  EXPECT_NEAR(mean[3], 0.5f, 1e-6);
}

TEST(MaskedPushTest, TheParameterServerAppliesOnlyWholeRoundsOfMaskedPushes) {
  ClusterSpec c;
  c.sync = "bsp";
  SyncRule plainRule = syncRuleFor(c), maskedRule = plainRule;
  maskedRule.secureAggregation = true;
  const std::size_t n = 100;
  const std::vector<float> start = randomUpdate(n, 1);
  ParameterServer plain(start, std::make_unique<Sgd>(0.1f), plainRule, 3);
  ParameterServer masked(start, std::make_unique<Sgd>(0.1f), maskedRule, 3);
  const auto ps = parties(3);
  const std::uint32_t samples[3] = {16, 16, 8};
  for (std::uint64_t round = 0; round < 3; ++round) {
    for (int k = 0; k < 3; ++k) {
      const auto g = randomUpdate(n, 100 * round + k);
      std::vector<float> carriers(n);
      maskPush(g, samples[k], k, ps[k].secrets, round, carriers);
      plain.noteStart(k);
      masked.noteStart(k);
      const auto a = plain.push(k, PushKind::Gradient, round, samples[k], g);
      const auto b = masked.push(k, PushKind::Gradient, round, samples[k], carriers);
      EXPECT_EQ(a.has_value(), b.has_value());
    }
  }
  EXPECT_EQ(masked.version(), 3u);
  for (std::size_t i = 0; i < n; ++i) EXPECT_NEAR(masked.parameters()[i], plain.parameters()[i], 1e-5);
  EXPECT_EQ(masked.lostRounds(), 0u);
  // A round without worker 2 cannot be unmasked: it is counted, not applied.
  for (int k = 0; k < 2; ++k) {
    std::vector<float> carriers(n);
    maskPush(randomUpdate(n, 999 + k), samples[k], k, ps[k].secrets, 3, carriers);
    masked.noteStart(k);
    masked.push(k, PushKind::Gradient, 3, samples[k], carriers);
  }
  EXPECT_FALSE(masked.leave(2));
  EXPECT_EQ(masked.lostRounds(), 1u);
  EXPECT_EQ(masked.version(), 3u);
}

}  // namespace
}  // namespace distlab::engine
