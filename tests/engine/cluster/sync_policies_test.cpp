// The synchronisation policies: what each tells the parameter server.
#include <gtest/gtest.h>

#include "aggregate/models/model_aggregator.h"
#include "aggregate/pushes/push_aggregator.h"
#include "cluster/sync/sync_policy.h"
#include "core/strategy_names.h"

namespace distlab::engine {
namespace {

TEST(SyncPoliciesTest, EachPolicyGivesItsBarrierStalenessAndPushKind) {
  EXPECT_EQ(syncRuleNames(),
            (std::vector<std::string>{"bsp", "asp", "ssp", "local-sgd", "allreduce"}));
  ClusterSpec c;
  c.staleness = 5;
  c.localSteps = 7;
  const SyncRule bsp = syncPolicies().at("bsp").rule(c);
  EXPECT_EQ(bsp.staleness, 0u);
  EXPECT_TRUE(bsp.gathersRounds);
  EXPECT_EQ(bsp.pushKind, PushKind::Gradient);
  const SyncRule asp = syncPolicies().at("asp").rule(c);
  EXPECT_FALSE(asp.staleness.has_value());
  EXPECT_FALSE(asp.gathersRounds);
  const SyncRule ssp = syncPolicies().at("ssp").rule(c);
  EXPECT_EQ(ssp.staleness, 5u);
  EXPECT_FALSE(ssp.gathersRounds);
  const SyncRule local = syncPolicies().at("local-sgd").rule(c);
  EXPECT_EQ(local.pushKind, PushKind::Model);
  EXPECT_EQ(local.localSteps, 7);
  EXPECT_TRUE(local.gathersRounds);
  ASSERT_NE(local.models, nullptr);
  EXPECT_EQ(local.models->name(), "average");
  // All-reduce: a barrier every step as BSP, gradients, and no server at all.
  const SyncRule ring = syncPolicies().at("allreduce").rule(c);
  EXPECT_EQ(ring.staleness, 0u);
  EXPECT_EQ(ring.pushKind, PushKind::Gradient);
  EXPECT_FALSE(syncPolicies().at("allreduce").hasServer());
  for (const char* name : {"bsp", "asp", "ssp", "local-sgd"}) {
    EXPECT_TRUE(syncPolicies().at(name).hasServer()) << name;
  }
}

TEST(SyncPoliciesTest, TheRuleOfASpecNamesItsPolicyAndWeighsPushesByItsAggregator) {
  ClusterSpec c;
  c.sync = "ssp";
  c.aggregation = "mean";
  const SyncRule rule = syncRuleFor(c);
  EXPECT_EQ(rule.name, "ssp");
  EXPECT_EQ(rule.weightOf(64), 1u);
  c.aggregation = "weighted-mean";
  EXPECT_EQ(syncRuleFor(c).weightOf(64), 64u);
  c.sync = "bulk";
  EXPECT_THROW(syncRuleFor(c), Error);
}

TEST(AggregatorsTest, ModelAggregatorsSayWhatTheServerKeepsAndHowBigTheGlobalModelIs) {
  EXPECT_EQ(modelAggregatorNames(),
            (std::vector<std::string>{"average", "ensemble", "ensemble-compression"}));
  const auto& average = modelAggregators().at("average");
  const auto& ensemble = modelAggregators().at("ensemble");
  const auto& compression = modelAggregators().at("ensemble-compression");
  EXPECT_FALSE(average.keepsMembers());
  EXPECT_TRUE(ensemble.keepsMembers() && ensemble.workersKeepOwnModels());
  EXPECT_TRUE(compression.keepsMembers() && compression.compressesMembers());
  EXPECT_FALSE(compression.workersKeepOwnModels());
  EXPECT_EQ(average.globalModelSize(100, 4), 100u);
  EXPECT_EQ(ensemble.globalModelSize(100, 4), 400u);
  EXPECT_EQ(compression.globalModelSize(100, 4), 100u);
  EXPECT_EQ(pushAggregators().at("weighted-mean").weight(17), 17u);
  EXPECT_EQ(pushAggregators().at("mean").weight(17), 1u);
}

}  // namespace
}  // namespace distlab::engine
