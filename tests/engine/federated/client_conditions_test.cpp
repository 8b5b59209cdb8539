// The simulated clients' conditions: listed or log-normal slowdowns, online and drop-out
// chances met over many draws, and the same answers from the same seed.
#include "federated/client_conditions.h"

#include <cmath>
#include <gtest/gtest.h>

namespace distlab::engine {
namespace {

TEST(ClientConditions, ListedSlowdownsRepeatOverTheClientsAndDecideWhoIsLate) {
  FederatedSpec fl;
  fl.clients = 7;
  fl.speeds = {1.0, 1.0, 4.0};
  fl.late = "drop";
  fl.deadline = 2.0;
  const ClientConditions conditions(fl, 5);
  for (int c = 0; c < 7; ++c) {
    EXPECT_EQ(conditions.slowdown(c), c % 3 == 2 ? 4.0 : 1.0);
    EXPECT_EQ(conditions.late(c), c % 3 == 2);
  }
  fl.late = "wait";  // no deadline: nobody is late
  EXPECT_FALSE(ClientConditions(fl, 5).late(2));
}

TEST(ClientConditions, LogNormalSlowdownsHaveTheirSigmaAndNoneWithoutIt) {
  FederatedSpec fl;
  fl.clients = 10000;
  EXPECT_EQ(ClientConditions(fl, 1).slowdown(1234), 1.0);
  fl.speedSigma = 0.5;
  const ClientConditions conditions(fl, 1);
  double mean = 0.0, square = 0.0;
  for (int c = 0; c < fl.clients; ++c) {
    const double z = std::log(conditions.slowdown(c));
    mean += z / fl.clients;
    square += z * z / fl.clients;
  }
  EXPECT_NEAR(mean, 0.0, 4.0 * 0.5 / 100.0);
  EXPECT_NEAR(std::sqrt(square - mean * mean), 0.5, 0.02);
}

TEST(ClientConditions, OnlineAndDropOutChancesAreMetAndFollowTheSeed) {
  FederatedSpec fl;
  fl.clients = 1000;
  fl.availability = 0.8;
  fl.dropout = 0.1;
  const ClientConditions a(fl, 42), same(fl, 42), other(fl, 43);
  int online = 0, dropped = 0, differs = 0;
  for (std::uint64_t round = 0; round < 20; ++round) {
    for (int c = 0; c < fl.clients; ++c) {
      online += a.online(round, c);
      dropped += a.dropsOut(round, 0, c);
      EXPECT_EQ(a.online(round, c), same.online(round, c));
      EXPECT_EQ(a.dropsOut(round, 1, c), same.dropsOut(round, 1, c));
      differs += a.online(round, c) != other.online(round, c);
    }
  }
  const double n = 20000.0;
  EXPECT_NEAR(online / n, 0.8, 4.5 * std::sqrt(0.16 / n));
  EXPECT_NEAR(dropped / n, 0.1, 4.5 * std::sqrt(0.09 / n));
  EXPECT_GT(differs, 4000);  // another seed, other clients online (2 p (1 - p) = 32%)
  // Another attempt at a round draws its drop-outs afresh.
  int sameAttempt = 0;
  for (int c = 0; c < fl.clients; ++c) sameAttempt += a.dropsOut(3, 0, c) == a.dropsOut(3, 1, c);
  EXPECT_LT(sameAttempt, fl.clients);
  fl.availability = 1.0;
  fl.dropout = 0.0;
  const ClientConditions always(fl, 42);
  EXPECT_TRUE(always.online(7, 3));
  EXPECT_FALSE(always.dropsOut(7, 0, 3));
}

}  // namespace
}  // namespace distlab::engine
