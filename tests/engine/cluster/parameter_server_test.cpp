#include "cluster/parameter_server.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include <gtest/gtest.h>

#include "aggregate/robust/robust_aggregator.h"
#include "core/error.h"
#include "core/work_crew.h"

namespace distlab::engine {
namespace {

SyncRule rule(const std::string& sync, int staleness = 2, int localSteps = 4) {
  ClusterSpec c;
  c.sync = sync;
  c.staleness = staleness;
  c.localSteps = localSteps;
  return syncRuleFor(c);
}

ParameterServer server(const std::string& sync, int workers, float lr = 0.5f, int staleness = 2) {
  const SyncRule r = rule(sync, staleness);
  return ParameterServer({1.0f, 2.0f, 3.0f},
                         r.pushKind == PushKind::Gradient ? std::make_unique<Sgd>(lr) : nullptr, r,
                         workers);
}

TEST(ParameterServerTest, BspAppliesTheSampleWeightedMeanOnceEveryWorkerPushed) {
  auto ps = server("bsp", 2);
  ps.noteStart(0);
  ps.noteStart(1);
  EXPECT_FALSE(ps.push(0, PushKind::Gradient, 0, 30, std::vector<float>{1, 1, 1}));
  EXPECT_EQ(ps.version(), 0u);
  EXPECT_FALSE(ps.mayStart(0));  // the barrier: worker 1 has not finished step 1
  const auto applied = ps.push(1, PushKind::Gradient, 0, 10, std::vector<float>{5, -3, 1});
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->version, 1u);
  ASSERT_EQ(applied->contributions.size(), 2u);
  // mean = (30 * g0 + 10 * g1) / 40 = {2, 0, 1}; p -= 0.5 * mean.
  const auto p = ps.parameters();
  EXPECT_FLOAT_EQ(p[0], 0.0f);
  EXPECT_FLOAT_EQ(p[1], 2.0f);
  EXPECT_FLOAT_EQ(p[2], 2.5f);
  EXPECT_TRUE(ps.mayStart(0));
  EXPECT_TRUE(ps.mayStart(1));
  EXPECT_EQ(ps.appliedPushes(), (std::vector<std::uint64_t>{1, 1}));
}

// The shared parameter region: once the server keeps its parameters there, a plain round
// steps them in place (every slice, on the crew), and so does any other update path (here a
// robust rule's round and a restore); its own vector is gone.
TEST(ParameterServerTest, ParametersKeptInARegionAreUpdatedThereByEveryPath) {
  constexpr std::size_t n = 10'000;  // three slices of the fused pass
  std::vector<float> initial(n);
  for (std::size_t i = 0; i < n; ++i) initial[i] = static_cast<float>(i % 97) * 0.25f;
  WorkCrew crew(1);
  ParameterServer bsp(initial, std::make_unique<Sgd>(0.5f), rule("bsp"), 2);
  bsp.setCrew(&crew);
  EXPECT_FALSE(bsp.parametersInRegion());
  EXPECT_EQ(bsp.parameterVector(), initial);
  std::vector<float> region(n, -1.0f);
  bsp.keepParametersIn(region);
  EXPECT_TRUE(bsp.parametersInRegion());
  EXPECT_EQ(region, initial);
  EXPECT_EQ(bsp.parameters().data(), region.data());
  EXPECT_THROW(bsp.parameterVector(), Error);
  bsp.noteStart(0);
  bsp.noteStart(1);
  bsp.push(0, PushKind::Gradient, 0, 1, std::vector<float>(n, 1.0f));
  ASSERT_TRUE(bsp.push(1, PushKind::Gradient, 0, 1, std::vector<float>(n, 3.0f)));
  EXPECT_FLOAT_EQ(region[5], initial[5] - 1.0f);  // the mean 2, times lr 0.5
  EXPECT_FLOAT_EQ(region[n - 1], initial[n - 1] - 1.0f);
  EXPECT_EQ(bsp.evaluatedModel(), region);
  const ServerState afterOne = bsp.state();
  EXPECT_EQ(afterOne.parameters, region);

  SyncRule judged = rule("bsp");
  judged.robust = &robustAggregators().at("median");
  ParameterServer robust(initial, std::make_unique<Sgd>(0.5f), judged, 3);
  std::vector<float> robustRegion(n);
  robust.keepParametersIn(robustRegion);
  for (int w = 0; w < 3; ++w) robust.noteStart(w);
  robust.push(0, PushKind::Gradient, 0, 1, std::vector<float>(n, 1.0f));
  robust.push(1, PushKind::Gradient, 0, 1, std::vector<float>(n, 2.0f));
  ASSERT_TRUE(robust.push(2, PushKind::Gradient, 0, 1, std::vector<float>(n, 100.0f)));
  EXPECT_FLOAT_EQ(robustRegion[5], initial[5] - 1.0f);  // the median 2, times lr 0.5

  ServerState start = afterOne;
  start.parameters = initial;
  bsp.restore(start);
  EXPECT_EQ(region, initial);

  std::vector<float> wrong(n - 1);
  ParameterServer other(initial, std::make_unique<Sgd>(0.5f), rule("bsp"), 2);
  EXPECT_THROW(other.keepParametersIn(wrong), Error);
}

// A homomorphic round the server cannot read: once whole it waits for the key holder's sum,
// and no worker may start the next step on the old parameters meanwhile.
TEST(ParameterServerTest, ASealedRoundHoldsEveryWorkerUntilItsSumIsDecrypted) {
  SyncRule r = rule("bsp");
  r.homomorphic = true;  // a unit weight a push: maskedWeightUnit 1, samples 1
  ParameterServer ps({1.0f, 2.0f, 3.0f}, std::make_unique<Sgd>(0.5f), r, 2);
  std::vector<float> decrypted;  // empty: the key holder has not answered
  std::uint64_t askedRound = 99;
  int askedSummands = 0;
  ps.setSealedSum([&](std::uint64_t round, int summands, std::span<float> sum) {
    askedRound = round;
    askedSummands = summands;
    if (decrypted.empty()) return false;
    std::copy(decrypted.begin(), decrypted.end(), sum.begin());
    return true;
  });
  ps.noteStart(0);
  ps.noteStart(1);
  EXPECT_FALSE(ps.pushSealed(0, PushKind::Gradient, 0, 1));
  EXPECT_EQ(askedSummands, 0);  // half a round: nothing asked
  EXPECT_FALSE(ps.pushSealed(1, PushKind::Gradient, 0, 1));
  EXPECT_EQ(askedRound, 0u);
  EXPECT_EQ(askedSummands, 2);
  EXPECT_FALSE(ps.mayStart(0));  // the round is whole but not applied
  EXPECT_FALSE(ps.mayStart(1));
  EXPECT_EQ(ps.version(), 0u);
  decrypted = {2, 4, -2};  // the sum of two unit-weight gradients: mean {1, 2, -1}
  const auto applied = ps.retryRound();
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->contributions.size(), 2u);
  EXPECT_FLOAT_EQ(ps.parameters()[0], 0.5f);
  EXPECT_FLOAT_EQ(ps.parameters()[1], 1.0f);
  EXPECT_FLOAT_EQ(ps.parameters()[2], 3.5f);
  EXPECT_TRUE(ps.mayStart(0));
  EXPECT_TRUE(ps.mayStart(1));
  EXPECT_THROW(ps.pushSealed(0, PushKind::Model, 1, 1), Error);  // the wrong kind
}

// A round is applied in slices of the parameters, on the crew's threads: for a model of many
// slices, with momentum and with Adam, it must give what the whole weighted mean and one
// optimizer step give (computed here independently, on whole arrays).
TEST(ParameterServerTest, ARoundAppliedInSlicesOnACrewEqualsTheWholeMeanAndStep) {
  const std::size_t n = 50'000;  // 13 slices, the last one short
  TrainingSpec sgdSpec, adamSpec;
  sgdSpec.optimizer = "sgd";
  sgdSpec.lr = 0.1;
  sgdSpec.momentum = 0.9;
  adamSpec.optimizer = "adam";
  adamSpec.lr = 0.01;
  for (const TrainingSpec& t : {sgdSpec, adamSpec}) {
    for (int helpers : {0, 1}) {
      WorkCrew crew(helpers);
      std::vector<float> initial(n);
      for (std::size_t i = 0; i < n; ++i) initial[i] = std::cos(0.001f * static_cast<float>(i));
      ParameterServer ps(initial, makeOptimizer(t), rule("bsp"), 3);
      ps.setCrew(&crew);
      auto reference = initial;
      auto optimizer = makeOptimizer(t);
      for (std::uint64_t round = 0; round < 3; ++round) {
        WeightedMean mean(n);
        const std::uint32_t samples[] = {64, 64, 10};
        for (int w = 0; w < 3; ++w) {
          std::vector<float> g(n);
          for (std::size_t i = 0; i < n; ++i) {
            g[i] = std::sin(0.01f * static_cast<float>(i) * static_cast<float>(w + 1 + round));
          }
          mean.add(g, samples[w]);
          const auto applied = ps.push(w, PushKind::Gradient, round, samples[w], std::move(g));
          ASSERT_EQ(applied.has_value(), w == 2);
          // Every push hands a vector back for the next read (a fresh one until a round ends).
          const auto spare = ps.takeSpare();
          EXPECT_EQ(spare.size(), round == 0 && w < 2 ? 0u : n) << round << " " << w;
        }
        std::vector<float> g(n);
        mean.result(g);
        optimizer->step(reference, g);
        const auto p = ps.parameters();
        for (std::size_t i = 0; i < n; ++i) {
          ASSERT_NEAR(p[i], reference[i], 1e-6f)
              << t.optimizer << " helpers " << helpers << " i " << i;
        }
      }
      EXPECT_EQ(ps.version(), 3u);
      EXPECT_EQ(ps.appliedPushes(), (std::vector<std::uint64_t>{3, 3, 3}));
    }
  }
}

// A push without examples counts as pushed but adds nothing to the mean (not even a NaN), and
// rounds of them do not pile up vectors.
// A local worker's gradient lent in place (shared memory): the round reads it when it is applied,
// with the same result as owned pushes, and holds it until then.
TEST(ParameterServerTest, LentPushesAreReadWhenTheRoundIsAppliedAndHeldUntilThen) {
  auto owned = server("bsp", 2);
  auto lending = server("bsp", 2);
  for (auto* ps : {&owned, &lending}) {
    ps->noteStart(0);
    ps->noteStart(1);
  }
  std::vector<float> mailbox{1, 1, 1};
  EXPECT_FALSE(owned.push(0, PushKind::Gradient, 0, 30, std::vector<float>{1, 1, 1}));
  EXPECT_FALSE(lending.pushLent(0, PushKind::Gradient, 0, 30, mailbox));
  EXPECT_TRUE(lending.holdsLent());
  ASSERT_TRUE(owned.push(1, PushKind::Gradient, 0, 10, std::vector<float>{5, -3, 1}));
  ASSERT_TRUE(lending.push(1, PushKind::Gradient, 0, 10, std::vector<float>{5, -3, 1}));
  EXPECT_FALSE(lending.holdsLent());
  mailbox.assign(3, 1e9f);  // the worker's next gradient: the applied round must not see it
  const auto a = owned.parameters(), b = lending.parameters();
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  // Rules that apply every push at once read it then and keep nothing.
  auto asp = server("asp", 2);
  asp.noteStart(0);
  ASSERT_TRUE(asp.pushLent(0, PushKind::Gradient, 0, 8, mailbox));
  EXPECT_FALSE(asp.holdsLent());
}

TEST(ParameterServerTest, PushesWithoutExamplesAddNothingAndAreNotKept) {
  auto ps = server("bsp", 2);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (std::uint64_t round = 0; round < 50; ++round) {
    EXPECT_FALSE(ps.push(0, PushKind::Gradient, round, 0, std::vector<float>{nan, nan, nan}));
    ps.takeSpare();
    const auto applied = ps.push(1, PushKind::Gradient, round, 4, std::vector<float>{2, 2, 2});
    ASSERT_TRUE(applied);
    EXPECT_EQ(applied->contributions.size(), 2u);
    ps.takeSpare();
  }
  // mean = {2, 2, 2} each round (worker 0 weighs nothing): p -= 0.5 * 2 fifty times.
  EXPECT_FLOAT_EQ(ps.parameters()[0], 1.0f - 50.0f);
  EXPECT_FLOAT_EQ(ps.parameters()[2], 3.0f - 50.0f);
  EXPECT_EQ(ps.appliedPushes(), (std::vector<std::uint64_t>{50, 50}));
  // Nobody took the spares back: at most one per worker is held.
  for (int i = 0; i < 10; ++i)
    ps.push(0, PushKind::Gradient, 50, 0, std::span<const float>(std::vector<float>{0, 0, 0}));
  int spares = 0;
  while (!ps.takeSpare().empty()) ++spares;
  EXPECT_LE(spares, 2);
}

TEST(ParameterServerTest, AWorkerLeavingCompletesTheRoundWithoutLosingPushes) {
  auto ps = server("bsp", 3);
  EXPECT_FALSE(ps.push(0, PushKind::Gradient, 0, 1, std::vector<float>{2, 0, 0}));
  EXPECT_FALSE(ps.push(1, PushKind::Gradient, 0, 1, std::vector<float>{0, 2, 0}));
  const auto applied = ps.leave(2);  // worker 2 died before pushing
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->contributions.size(), 2u);
  EXPECT_FLOAT_EQ(ps.parameters()[0], 0.5f);  // 1 - 0.5 * 1
  EXPECT_FLOAT_EQ(ps.parameters()[1], 1.5f);
  EXPECT_EQ(ps.appliedPushes(), (std::vector<std::uint64_t>{1, 1, 0}));
  // The rest go on as a barrier of two.
  EXPECT_TRUE(ps.mayStart(0));
  EXPECT_FALSE(ps.push(0, PushKind::Gradient, 1, 1, std::vector<float>{0, 0, 0}));
  EXPECT_TRUE(ps.push(1, PushKind::Gradient, 1, 1, std::vector<float>{0, 0, 0}));
}

TEST(ParameterServerTest, AspAppliesEveryPushAtOnceAndRecordsItsStaleness) {
  auto ps = server("asp", 2, 1.0f);
  ASSERT_TRUE(ps.push(0, PushKind::Gradient, 0, 8, std::vector<float>{1, 0, 0}));
  ASSERT_TRUE(ps.push(0, PushKind::Gradient, 1, 8, std::vector<float>{1, 0, 0}));
  // Worker 1 computed on version 0; two updates were applied since.
  const auto late = ps.push(1, PushKind::Gradient, 0, 8, std::vector<float>{0, 1, 0});
  ASSERT_TRUE(late);
  EXPECT_EQ(late->version, 3u);
  EXPECT_EQ(late->contributions.at(0).staleness, 2u);
  EXPECT_FLOAT_EQ(ps.parameters()[0], -1.0f);
  EXPECT_FLOAT_EQ(ps.parameters()[1], 1.0f);
  EXPECT_TRUE(ps.mayStart(0));  // no bound
}

TEST(ParameterServerTest, SspHoldsAWorkerThatIsMoreThanSStepsAhead) {
  auto ps = server("ssp", 2, 0.1f, 2);
  for (int step = 0; step < 3; ++step) {
    ASSERT_TRUE(ps.mayStart(0)) << step;
    ps.noteStart(0);
    ASSERT_TRUE(ps.push(0, PushKind::Gradient, ps.version(), 1, std::vector<float>{0, 0, 0}));
  }
  // Worker 0 finished 3 steps, worker 1 none: 3 > 0 + 2, so worker 0 must wait.
  EXPECT_FALSE(ps.mayStart(0));
  ps.noteStart(1);
  const auto applied = ps.push(1, PushKind::Gradient, 0, 1, std::vector<float>{0, 0, 0});
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->contributions.at(0).staleness, 3u);
  EXPECT_TRUE(ps.mayStart(0));
  ps.noteStart(0);
  const auto ahead = ps.push(0, PushKind::Gradient, 4, 1, std::vector<float>{0, 0, 0});
  EXPECT_EQ(ahead->contributions.at(0).clockGap, 2u);  // started at clock 3 with the slowest at 1
}

TEST(ParameterServerTest, LocalSgdAveragesModelsWeightedBySamples) {
  auto ps = server("local-sgd", 2);
  EXPECT_FALSE(ps.push(0, PushKind::Model, 0, 100, std::vector<float>{0, 0, 0}));
  const auto applied = ps.push(1, PushKind::Model, 0, 300, std::vector<float>{4, 8, -4});
  ASSERT_TRUE(applied);
  EXPECT_FLOAT_EQ(ps.parameters()[0], 3.0f);
  EXPECT_FLOAT_EQ(ps.parameters()[1], 6.0f);
  EXPECT_FLOAT_EQ(ps.parameters()[2], -3.0f);
}

TEST(ParameterServerTest, APlainMeanCountsEveryWorkerTheSame) {
  ClusterSpec c;
  c.sync = "local-sgd";
  c.aggregation = "mean";
  ParameterServer ps({1.0f, 2.0f, 3.0f}, nullptr, syncRuleFor(c), 2);
  EXPECT_FALSE(ps.push(0, PushKind::Model, 0, 100, std::vector<float>{0, 0, 0}));
  ASSERT_TRUE(ps.push(1, PushKind::Model, 0, 300, std::vector<float>{4, 8, -4}));
  EXPECT_FLOAT_EQ(ps.parameters()[0], 2.0f);  // (0 + 4) / 2, not (100 * 0 + 300 * 4) / 400
  EXPECT_FLOAT_EQ(ps.parameters()[2], -2.0f);
}

TEST(ParameterServerTest, WrongSizesAndKindsAreRefused) {
  auto ps = server("bsp", 1);
  EXPECT_THROW(ps.push(0, PushKind::Gradient, 0, 1, std::vector<float>{1, 2}), Error);
  EXPECT_THROW(ps.push(0, PushKind::Model, 0, 1, std::vector<float>{1, 2, 3}), Error);
}

TEST(ParameterServerTest, ARejoiningWorkerStartsAtTheSlowestClock) {
  auto ps = server("ssp", 3, 0.1f, 5);
  for (int k = 0; k < 2; ++k)
    ps.push(0, PushKind::Gradient, ps.version(), 1, std::vector<float>{0, 0, 0});
  ps.push(1, PushKind::Gradient, ps.version(), 1, std::vector<float>{0, 0, 0});
  ps.leave(2);
  EXPECT_EQ(ps.rejoin(2), 1u);
  EXPECT_TRUE(ps.clocks().alive(2));
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

ParameterServer localSgd(const std::string& modelAggregation, int workers) {
  ClusterSpec c;
  c.sync = "local-sgd";
  c.modelAggregation = modelAggregation;
  return ParameterServer({0.0f, 0.0f}, nullptr, syncRuleFor(c), workers);
}

TEST(ParameterServerTest, UnderTheEnsembleEachWorkerGoesOnFromItsOwnModel) {
  auto ps = localSgd("ensemble", 2);
  ps.noteStart(0);
  ps.noteStart(1);
  EXPECT_FALSE(ps.push(0, PushKind::Model, 0, 10, std::vector<float>{1, 2}));
  ASSERT_TRUE(ps.push(1, PushKind::Model, 0, 10, std::vector<float>{3, 4}));
  EXPECT_EQ(std::vector<float>(ps.parametersFor(0).begin(), ps.parametersFor(0).end()),
            (std::vector<float>{1, 2}));
  EXPECT_EQ(std::vector<float>(ps.parametersFor(1).begin(), ps.parametersFor(1).end()),
            (std::vector<float>{3, 4}));
  // The model the evaluator scores is both members, back to back (K times the size).
  EXPECT_EQ(ps.evaluatedModel(), (std::vector<float>{1, 2, 3, 4}));
}

TEST(ParameterServerTest, EnsembleCompressionReplacesTheMeanByTheCompressedModel) {
  auto ps = localSgd("ensemble-compression", 2);
  std::vector<float> seenMembers, seenStart;
  ps.setCompressor([&](std::span<const float> members, std::span<float> global) {
    seenMembers.assign(members.begin(), members.end());
    seenStart.assign(global.begin(), global.end());
    global[0] = 7.0f;
    global[1] = 8.0f;
  });
  ps.noteStart(0);
  ps.noteStart(1);
  ps.push(0, PushKind::Model, 0, 10, std::vector<float>{1, 2});
  ASSERT_TRUE(ps.push(1, PushKind::Model, 0, 30, std::vector<float>{5, 6}));
  EXPECT_EQ(seenMembers, (std::vector<float>{1, 2, 5, 6}));
  EXPECT_EQ(seenStart, (std::vector<float>{4, 5}));  // the sample-weighted mean starts the student
  EXPECT_EQ(ps.evaluatedModel(), (std::vector<float>{7, 8}));
  EXPECT_EQ(std::vector<float>(ps.parametersFor(0).begin(), ps.parametersFor(0).end()),
            (std::vector<float>{7, 8}));  // broadcast to every worker
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

SyncRule judgedRule(const std::string& sync, const std::string& aggregator) {
  Spec spec;
  spec.cluster.sync = sync;
  spec.cluster.localSteps = 4;
  spec.security.aggregator = aggregator;
  spec.security.assumedAttackers = 0;
  return syncRuleFor(spec);
}

// Lesson 8: a robust rule makes a BSP round's update (median here), and the round carries the
// server's verdict on each push, in the order the pushes came.
TEST(ParameterServerTest, AJudgedRoundStepsByTheRulesAggregateAndReportsEachPush) {
  const SyncRule r = judgedRule("bsp", "median");
  ASSERT_NE(r.robust, nullptr);
  ParameterServer ps({1.0f, 2.0f}, std::make_unique<Sgd>(0.5f), r, 3);
  EXPECT_FALSE(ps.push(2, PushKind::Gradient, 0, 10, std::vector<float>{1, 0}));
  EXPECT_FALSE(ps.push(0, PushKind::Gradient, 0, 10, std::vector<float>{3, 4}));
  const auto applied = ps.push(1, PushKind::Gradient, 0, 10, std::vector<float>{100, -100});
  ASSERT_TRUE(applied);
  // Median {1, 3, 100} = 3, {0, 4, -100} = 0: p -= 0.5 * {3, 0}.
  EXPECT_FLOAT_EQ(ps.parameters()[0], 1.0f - 1.5f);
  EXPECT_FLOAT_EQ(ps.parameters()[1], 2.0f);
  ASSERT_EQ(applied->verdicts.size(), 3u);
  EXPECT_EQ(applied->verdicts[0].worker, 2);
  EXPECT_EQ(applied->verdicts[1].worker, 0);
  EXPECT_EQ(applied->verdicts[2].worker, 1);
  EXPECT_DOUBLE_EQ(applied->verdicts[1].norm, 5.0);
  // Cosines to the aggregate {3, 0}: {1, 0} -> 1, {3, 4} -> 3/5, {100, -100} -> 1/sqrt 2.
  EXPECT_NEAR(applied->verdicts[0].cosine, 1.0, 1e-12);
  EXPECT_NEAR(applied->verdicts[1].cosine, 0.6, 1e-12);
  EXPECT_NEAR(applied->verdicts[2].cosine, 1.0 / std::sqrt(2.0), 1e-12);
  // Scores: each push's share of coordinates left out of the median.
  EXPECT_DOUBLE_EQ(applied->verdicts[2].score, 1.0);
}

// Under local SGD the pushes are models: the rule combines models, and a push is judged by the
// change it makes to the parameters.
TEST(ParameterServerTest, AJudgedModelRoundIsJudgedByEachModelsChange) {
  const SyncRule r = judgedRule("local-sgd", "krum");
  ASSERT_EQ(r.pushKind, PushKind::Model);
  ParameterServer ps({1.0f, 1.0f}, nullptr, r, 3);
  ps.push(0, PushKind::Model, 0, 10, std::vector<float>{2, 1});
  ps.push(1, PushKind::Model, 0, 10, std::vector<float>{2.5f, 1});
  const auto applied = ps.push(2, PushKind::Model, 0, 10, std::vector<float>{-50, 1});
  ASSERT_TRUE(applied);
  // Krum with f = 0 on three: each score is the distance^2 to its n - 2 = 1 nearest: 0.25, 0.25,
  // 52^2: the first model wins and becomes the parameters.
  EXPECT_FLOAT_EQ(ps.parameters()[0], 2.0f);
  EXPECT_EQ(applied->verdicts[2].fate, PushFate::Excluded);
  EXPECT_DOUBLE_EQ(applied->verdicts[0].norm, 1.0);  // |{2,1} - {1,1}|
  EXPECT_DOUBLE_EQ(applied->verdicts[2].norm, 51.0);
  EXPECT_NEAR(applied->verdicts[2].cosine, -1.0, 1e-12);
}

TEST(ParameterServerTest, AnUnjudgedRoundReportsNoVerdicts) {
  Spec spec;
  const SyncRule plain = syncRuleFor(spec);
  EXPECT_EQ(plain.robust, nullptr);
  // An attack with the plain mean: judged (the dashboard shows the mean's blindness).
  spec.security.attack = "sign-flip";
  spec.security.attackers = {0};
  const SyncRule attacked = syncRuleFor(spec);
  ASSERT_NE(attacked.robust, nullptr);
  EXPECT_TRUE(attacked.robust->trustsEveryPush());
  // Asynchronous rules have no rounds to judge.
  spec.cluster.sync = "asp";
  EXPECT_EQ(syncRuleFor(spec).robust, nullptr);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

// Under local SGD a rule combines the changes the models make, not the models: a norm bound
// clips a boosted change, and the parameters move by the combined change.
TEST(ParameterServerTest, NormClippingOfModelsClipsTheirChanges) {
  Spec spec;
  spec.cluster.sync = "local-sgd";
  spec.security.aggregator = "norm-clip";
  spec.security.clipNorm = 1.0;
  const SyncRule r = syncRuleFor(spec);
  ParameterServer ps({1.0f, 1.0f}, nullptr, r, 3);
  ps.push(0, PushKind::Model, 0, 10, std::vector<float>{2, 1});
  ps.push(1, PushKind::Model, 0, 10, std::vector<float>{1, 2});
  const auto applied = ps.push(2, PushKind::Model, 0, 10, std::vector<float>{11, 1});
  ASSERT_TRUE(applied);
  // Changes {1,0}, {0,1}, {10,0} (clipped to {1,0}): their mean {2/3, 1/3}.
  EXPECT_FLOAT_EQ(ps.parameters()[0], 1.0f + 2.0f / 3.0f);
  EXPECT_FLOAT_EQ(ps.parameters()[1], 1.0f + 1.0f / 3.0f);
  EXPECT_EQ(applied->verdicts[2].fate, PushFate::Clipped);
  EXPECT_DOUBLE_EQ(applied->verdicts[2].score, 0.1);
  EXPECT_EQ(applied->verdicts[0].fate, PushFate::Kept);
}

}  // namespace
}  // namespace distlab::engine
