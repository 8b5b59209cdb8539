// Dropout recovery for secure aggregation on the parameter-server cluster, without sockets: the
// workers' keys and sealed shares relayed as the coordinator relays them, masked pushes from the
// survivors, the dropped workers' mask keys rebuilt from the survivors' shares, and the sum that
// comes out, against the fixed-point sum of the survivors' updates computed directly.
#include <gtest/gtest.h>

#include <cmath>

#include "cluster/mask_recovery.h"
#include "cluster/secure_push_keys.h"
#include "core/error.h"
#include "core/rng.h"

namespace distlab::engine {
namespace {

// n workers' keys after the exchange the coordinator runs: KEYS relayed, KEY_SHARES by column.
std::vector<SecurePushKeys> dealtKeys(int n, int threshold, Keys* all) {
  std::vector<SecurePushKeys> workers;
  for (int k = 0; k < n; ++k) workers.emplace_back(k, n);
  for (const auto& w : workers) {
    const auto mine = w.advertised();
    all->publicKeys.insert(all->publicKeys.end(), mine.publicKeys.begin(), mine.publicKeys.end());
  }
  std::vector<KeyShares> dealt;
  for (auto& w : workers) dealt.push_back(w.learnKeys(*all, threshold));
  for (int j = 0; j < n; ++j) {
    KeyShares column;
    for (const auto& from : dealt) column.boxes.push_back(from.boxes[static_cast<std::size_t>(j)]);
    workers[static_cast<std::size_t>(j)].holdShares(column);
  }
  return workers;
}

std::vector<Key32> maskKeysOf(const Keys& all) {
  std::vector<Key32> out;
  for (std::size_t k = 1; k < all.publicKeys.size(); k += 2) out.push_back(all.publicKeys[k]);
  return out;
}

std::vector<float> randomUpdate(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (auto& x : v) x = static_cast<float>(rng.normal());
  return v;
}

// The survivors' weighted sum as the fixed point carries it: each value rounded on its own.
double fixedPointSum(const std::vector<std::vector<float>>& updates, std::span<const int> who,
                     double weight, std::size_t i) {
  std::int64_t words = 0;
  for (const int k : who) {
    words += static_cast<std::int32_t>(std::nearbyint(
        static_cast<double>(updates[static_cast<std::size_t>(k)][i]) *
        std::ldexp(weight, kMaskedFractionBits)));
  }
  return std::ldexp(static_cast<double>(words), -kMaskedFractionBits);
}

TEST(MaskRecoveryTest, TwoDroppedWorkersKeysAreRebuiltAndTheSurvivorsSumComesOutExactly) {
  const int n = 5, threshold = 3;
  const std::size_t size = 3000;
  const std::uint64_t round = 7;
  Keys all;
  auto workers = dealtKeys(n, threshold, &all);
  std::vector<std::vector<float>> updates;
  for (int k = 0; k < n; ++k) updates.push_back(randomUpdate(size, 40 + k));
  const std::vector<int> pushers = {0, 1, 2}, absent = {3, 4};
  MaskedSum sum(size);
  std::vector<float> carrier(size);
  for (const int k : pushers) {
    maskPush(updates[k], 1.0, k, workers[k].maskSecrets(), round, carrier);
    sum.add(carrier);
  }
  MaskRecovery recovery(n, threshold);
  recovery.setMaskKeys(maskKeysOf(all));
  // Nobody asked for 3's and 4's shares yet: that round cannot be read, and nothing is touched.
  EXPECT_EQ(recovery.unmask(pushers, absent, round, sum), Unmasking::Impossible);
  recovery.expect(3);
  recovery.expect(4);
  EXPECT_EQ(recovery.unmask(pushers, absent, round, sum), Unmasking::Waiting);
  for (const int owner : absent) {
    for (const int holder : pushers) {
      const auto share = workers[holder].reveal(static_cast<std::uint32_t>(owner));
      ASSERT_TRUE(share);
      const auto outcome = recovery.addShare(owner, holder, share->share, holder == 2);
      EXPECT_EQ(outcome, holder < 2 ? MaskRecovery::Outcome::Waiting
                                    : MaskRecovery::Outcome::Rebuilt);
    }
  }
  // A share after the rebuild, or a second one from the same holder, changes nothing.
  EXPECT_EQ(recovery.addShare(3, 0, workers[0].reveal(3)->share, true),
            MaskRecovery::Outcome::Ignored);
  ASSERT_EQ(recovery.unmask(pushers, absent, round, sum), Unmasking::Done);
  std::vector<float> mean(size);
  sum.mean(1.0, mean);
  for (std::size_t i = 0; i < size; ++i) {
    ASSERT_EQ(mean[i], static_cast<float>(fixedPointSum(updates, pushers, 1.0, i))) << i;
  }
}

TEST(MaskRecoveryTest, AWrongShareGivesAKeyThatDoesNotMatchAndIsReportedWhenNoOneElseIsLeft) {
  const int n = 4, threshold = 2;
  Keys all;
  auto workers = dealtKeys(n, threshold, &all);
  MaskRecovery recovery(n, threshold);
  recovery.setMaskKeys(maskKeysOf(all));
  recovery.expect(3);
  auto bad = workers[0].reveal(3)->share;
  bad[5] ^= 0x40;
  EXPECT_EQ(recovery.addShare(3, 0, bad, false), MaskRecovery::Outcome::Waiting);
  // Two shares, one wrong: the key interpolated is not the one worker 3 advertised.
  EXPECT_EQ(recovery.addShare(3, 1, workers[1].reveal(3)->share, true),
            MaskRecovery::Outcome::Wrong);
  EXPECT_FALSE(recovery.rebuilt(3));
}

TEST(MaskRecoveryTest, FewerSharesThanTheThresholdRebuildNothing) {
  const int n = 5, threshold = 4;
  Keys all;
  auto workers = dealtKeys(n, threshold, &all);
  MaskRecovery recovery(n, threshold);
  recovery.setMaskKeys(maskKeysOf(all));
  recovery.expect(0);
  for (int holder = 1; holder <= 3; ++holder) {
    EXPECT_EQ(recovery.addShare(0, holder, workers[holder].reveal(0)->share, false),
              MaskRecovery::Outcome::Waiting);
  }
  EXPECT_FALSE(recovery.rebuilt(0));
  EXPECT_EQ(recovery.addShare(0, 4, workers[4].reveal(0)->share, true),
            MaskRecovery::Outcome::Rebuilt);
}

TEST(MaskRecoveryTest, ASharesBoxThatTheServerChangedOrReaddressedFailsAuthentication) {
  const int n = 3;
  std::vector<SecurePushKeys> workers;
  Keys all;
  for (int k = 0; k < n; ++k) workers.emplace_back(k, n);
  for (const auto& w : workers) {
    const auto mine = w.advertised();
    all.publicKeys.insert(all.publicKeys.end(), mine.publicKeys.begin(), mine.publicKeys.end());
  }
  std::vector<KeyShares> dealt;
  for (auto& w : workers) dealt.push_back(w.learnKeys(all, 2));
  KeyShares toZero{{{}, dealt[1].boxes[0], dealt[2].boxes[0]}};
  KeyShares tampered = toZero;
  tampered.boxes[1][20] ^= 1;
  EXPECT_THROW(workers[0].holdShares(tampered), Error);
  KeyShares readdressed = toZero;
  readdressed.boxes[1] = dealt[1].boxes[2];  // worker 1's box for worker 2, sent to worker 0
  EXPECT_THROW(workers[0].holdShares(readdressed), Error);
  workers[0].holdShares(toZero);
  EXPECT_TRUE(workers[0].reveal(1));
  EXPECT_FALSE(workers[0].reveal(0));  // never its own
  EXPECT_FALSE(workers[0].reveal(7));
  // Keys for the wrong number of workers are refused.
  Keys short_keys{{all.publicKeys.begin(), all.publicKeys.begin() + 4}};
  EXPECT_THROW(workers[0].learnKeys(short_keys, 2), Error);
}

}  // namespace
}  // namespace distlab::engine
