// Which clients a federated round trains: how many, reproducibly from the seed, uniformly.
#include <algorithm>
#include <numeric>
#include <set>

#include <gtest/gtest.h>

#include "core/error.h"
#include "federated/client_sampler.h"

namespace distlab::engine {
namespace {

TEST(ClientSampler, ARoundTakesTheFractionOfTheAvailableClientsButAtLeastTheMinimum) {
  EXPECT_EQ(clientsPerRound(100, 0.1, 2), 10);
  EXPECT_EQ(clientsPerRound(100, 0.01, 2), 2);   // the minimum
  EXPECT_EQ(clientsPerRound(1000, 0.3, 1), 300);  // 0.3 * 1000 is 299.99... in binary
  EXPECT_EQ(clientsPerRound(5, 1.0, 1), 5);
  EXPECT_EQ(clientsPerRound(3, 0.5, 10), 3);  // never more than are available
  EXPECT_EQ(clientsPerRound(0, 0.5, 2), 0);
  EXPECT_EQ(clientsPerRound(100, 0.5, 2, 7), 7);  // a count instead of the share
  EXPECT_EQ(clientsPerRound(100, 0.5, 9, 7), 9);  // still at least the minimum
  EXPECT_EQ(clientsPerRound(4, 0.5, 1, 7), 4);
}

TEST(ClientSampler, TheSameSeedAndRoundSampleTheSameDistinctAvailableClients) {
  std::vector<int> odd;
  for (int id = 1; id < 200; id += 2) odd.push_back(id);
  const auto a = sampleClients(odd, 10, 42, 7);
  EXPECT_EQ(a, sampleClients(odd, 10, 42, 7));
  EXPECT_NE(a, sampleClients(odd, 10, 42, 8));
  EXPECT_NE(a, sampleClients(odd, 10, 43, 7));
  ASSERT_EQ(a.size(), 10u);
  EXPECT_EQ(std::set<int>(a.begin(), a.end()).size(), 10u);
  for (int id : a) EXPECT_EQ(id % 2, 1) << id;
  EXPECT_EQ(sampleClients(odd, 0, 42, 7).size(), 0u);
  EXPECT_THROW(sampleClients(odd, 101, 42, 7), Error);
}

// 10 of 100 clients a round for 10,000 rounds: each client's count is Binomial(10000, 0.1).
// Pearson's statistic over the 100 counts has 99 degrees of freedom (times 0.9 for sampling
// without replacement within a round); 148.2 is chi-square(99)'s 0.999 quantile. Rounds that
// favoured low ids (a sampler that forgot to swap) give thousands.
TEST(ClientSampler, EveryClientIsSampledEquallyOftenOverManyRounds) {
  std::vector<int> ids(100);
  std::iota(ids.begin(), ids.end(), 0);
  std::vector<int> counts(100, 0);
  std::vector<int> firsts(100, 0);  // the order drawn is uniform too
  for (std::uint64_t round = 0; round < 10'000; ++round) {
    const auto sampled = sampleClients(ids, 10, 3, round);
    for (int id : sampled) ++counts[static_cast<std::size_t>(id)];
    ++firsts[static_cast<std::size_t>(sampled.front())];
  }
  const auto chiSquare = [](const std::vector<int>& observed, double expected) {
    double sum = 0.0;
    for (int c : observed) sum += (c - expected) * (c - expected) / expected;
    return sum;
  };
  EXPECT_LT(chiSquare(counts, 1000.0), 148.2);
  EXPECT_LT(chiSquare(firsts, 100.0), 148.2);
  EXPECT_EQ(std::accumulate(counts.begin(), counts.end(), 0), 100'000);
}

}  // namespace
}  // namespace distlab::engine
