// The random skeleton partition: the merge against a hand computation, the choice of the
// skeleton, and real worker processes against the same rounds computed here.
#include <set>

#include "../cluster/cluster_fixture.h"
#include "core/float_file.h"
#include "modelpar/batch_order.h"
#include "modelpar/model_layout.h"
#include "modelpar/skeleton_plan.h"
#include "nn/builders.h"
#include "nn/dense.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"

namespace distlab::engine {
namespace {

using namespace testing;

// 2 inputs, 6 hidden neurons, 2 outputs. Worker A keeps neurons 0-3, worker B 2-5 (the
// skeleton is 2 and 3). A sends every value as 1, B as 3: a weight only A holds becomes 1, only
// B 3, both 2; what touches no kept neuron keeps its value.
TEST(SkeletonPlan, TheMergeAveragesWhereSubNetworksOverlapAndKeepsTheRest) {
  ModelSpec spec;
  spec.hidden = {6};
  Model mlp = buildModel(spec, Shape{2, 1, 1}, 2, 1);
  std::fill(mlp.parameters().begin(), mlp.parameters().end(), -7.0f);
  const std::vector<SubNetwork> subs = {{{{0, 1, 2, 3}}}, {{{2, 3, 4, 5}}}};
  const auto a = subNetworkParameters(mlp, subs[0]);
  EXPECT_EQ(a.size(), 2u * 4 + 4 + 4u * 2 + 2);  // W1 4x2, b1 4, W2 2x4, b2 2
  const std::vector<std::vector<float>> sent = {std::vector<float>(a.size(), 1.0f),
                                                std::vector<float>(a.size(), 3.0f)};
  mergeSubNetworks(mlp, subs, sent);
  const auto p = mlp.parameters();
  // Layout: W1 (6x2, column-major) at 0, b1 at 12, W2 (2x6, column-major) at 18, b2 at 30.
  const auto w1 = [&](int i, int j) { return p[static_cast<std::size_t>(j * 6 + i)]; };
  const auto b1 = [&](int i) { return p[static_cast<std::size_t>(12 + i)]; };
  const auto w2 = [&](int i, int j) { return p[static_cast<std::size_t>(18 + j * 2 + i)]; };
  const auto b2 = [&](int i) { return p[static_cast<std::size_t>(30 + i)]; };
  const float expected[6] = {1, 1, 2, 2, 3, 3};  // by hidden neuron
  for (int n = 0; n < 6; ++n) {
    for (int j = 0; j < 2; ++j) EXPECT_EQ(w1(n, j), expected[n]) << n;
    EXPECT_EQ(b1(n), expected[n]);
    for (int o = 0; o < 2; ++o) EXPECT_EQ(w2(o, n), expected[n]) << n;
  }
  EXPECT_EQ(b2(0), 2.0f);
  EXPECT_EQ(b2(1), 2.0f);

  // A neuron nobody keeps keeps its weights.
  std::fill(mlp.parameters().begin(), mlp.parameters().end(), -7.0f);
  const std::vector<SubNetwork> one = {{{{1}}}};
  mergeSubNetworks(mlp, one, std::vector<std::vector<float>>{
                                 std::vector<float>(subNetworkParameters(mlp, one[0]).size(), 5.0f)});
  EXPECT_EQ(w1(1, 0), 5.0f);
  EXPECT_EQ(w1(0, 0), -7.0f);
  EXPECT_EQ(w2(1, 4), -7.0f);
}

TEST(SkeletonPlan, TheSkeletonIsTheMostImportantNeuronsAndEveryWorkerHasIt) {
  ModelSpec spec;
  spec.hidden = {8};
  Model mlp = buildModel(spec, Shape{3, 1, 1}, 2, 4);
  // Neuron 5 listens and is listened to most.
  auto* first = dynamic_cast<Dense*>(mlp.layers()[0].get());
  auto* last = dynamic_cast<Dense*>(mlp.layers()[2].get());
  first->weights().row(5) *= 10.0f;
  last->weights().col(5) *= 10.0f;
  const auto skeleton = selectSkeleton(mlp, 0.25);  // 2 of 8
  ASSERT_EQ(skeleton.size(), 1u);
  ASSERT_EQ(skeleton[0].size(), 2u);
  EXPECT_TRUE(std::count(skeleton[0].begin(), skeleton[0].end(), 5u));
  Rng rng(9);
  for (int k = 0; k < 3; ++k) {
    const SubNetwork sub = drawSubNetwork(mlp, skeleton, 0.5, rng);
    EXPECT_EQ(sub.neurons[0].size(), 2u + 3u);  // the skeleton and half of the other six
    EXPECT_TRUE(std::includes(sub.neurons[0].begin(), sub.neurons[0].end(), skeleton[0].begin(),
                              skeleton[0].end()));
  }
}

// The layout drawn for that hand example: per hidden layer the skeleton, each worker's own
// neurons outside it, and those no worker holds; the output layer every worker's.
TEST(SkeletonPlan, TheLayoutCountsTheSkeletonEachWorkersOwnNeuronsAndTheUnheld) {
  ModelSpec spec;
  spec.hidden = {6};
  const Model model = buildModel(spec, Shape{2, 1, 1}, 2, 1);
  // Worker A holds 0, 2, 3; B holds 2, 3, 5; the skeleton is 2, 3; nobody holds 1 and 4.
  const auto blocks = skeletonLayout(model, {{2, 3}}, {{{0, 2, 3}}, {{2, 3, 5}}});
  ASSERT_EQ(blocks.size(), 5u);
  const int expected[][3] = {{0, 2, LayoutBlock::kSkeleton}, {0, 1, 0}, {0, 1, 1},
                             {0, 2, LayoutBlock::kNobody},   {1, 2, LayoutBlock::kSkeleton}};
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    EXPECT_EQ(blocks[i].layer, expected[i][0]) << i;
    EXPECT_EQ(blocks[i].neurons, expected[i][1]) << i;
    EXPECT_EQ(blocks[i].owner, expected[i][2]) << i;
    EXPECT_EQ(blocks[i].width, i < 4 ? 6 : 2) << i;
    EXPECT_EQ(blocks[i].first, -1) << i;
  }
}

class SkeletonRunTest : public ClusterRunTest {};

// With the skeleton the whole network, a round is model averaging: two workers each train the
// whole MLP on their share for local_steps steps, and the coordinator averages. Computed here
// for two rounds and compared with what the real processes did.
TEST_F(SkeletonRunTest, AWholeNetworkSkeletonIsModelAveragingOfTheWorkersRounds) {
  auto run = start(R"({"name": "skeleton test", "seed": 4, "experiment": "model_parallel",
    "dataset": {"name": "fashion-mnist", "train_limit": 400, "test_limit": 300},
    "model": {"arch": "mlp", "hidden": [32], "activation": "relu"},
    "training": {"epochs": 1, "batch_size": 20, "lr": 0.1},
    "cluster": {"local_steps": 5},
    "model_parallel": {"mode": "skeleton", "shards": 2, "skeleton_fraction": 1,
                       "skeleton_extra": 0, "eval_every": 5}})");
  ASSERT_EQ(run->wait(180s), 0) << log();
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  Model global = buildModelFor(m_spec, data.train);
  std::vector<std::unique_ptr<BatchOrder>> orders;
  std::vector<std::vector<std::size_t>> shares;
  for (int k = 0; k < 2; ++k) {
    shares.push_back(skeletonShare(data.train.size(), 2, k, m_spec.seed));
    orders.push_back(std::make_unique<BatchOrder>(m_spec.training, shares.back().size(),
                                                  m_spec.seed + static_cast<std::uint64_t>(k)));
  }
  const std::uint64_t rounds = skeletonRounds(m_spec, data.train.size());
  ASSERT_EQ(rounds, 2u);  // 200 examples a worker, 10 batches, 5 a round
  for (std::uint64_t r = 0; r < rounds; ++r) {
    std::vector<double> sum(global.parameterCount(), 0.0);
    for (int k = 0; k < 2; ++k) {
      Model local = buildModelFor(m_spec, data.train);
      std::copy(global.parameters().begin(), global.parameters().end(),
                local.parameters().begin());
      const auto sgd = makeOptimizer(m_spec.training);
      Matrix x, targets, d;
      std::vector<int> labels;
      for (int s = 0; s < 5; ++s) {
        std::vector<std::size_t> rows;
        for (std::size_t pos : orders[static_cast<std::size_t>(k)]->next()) {
          rows.push_back(shares[static_cast<std::size_t>(k)][pos]);
        }
        gatherBatch(data.train, rows, x, labels, targets);
        computeLoss(LossKind::CrossEntropy, local.forward(x), {labels, nullptr}, &d);
        local.backward(d);
        sgd->step(local.parameters(), local.gradients());
      }
      for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += local.parameters()[i];
    }
    for (std::size_t i = 0; i < sum.size(); ++i) global.parameters()[i] = static_cast<float>(sum[i] / 2);
  }
  const auto merged = readFloatFile(out() + "/params.f32", global.parameterCount());
  EXPECT_LT(relativeDifference(merged, global.parameters()), 1e-6);
  // And the lesson's comparison: a whole-network skeleton is model averaging, byte for byte.
  const auto table = csvRows(out() + "/skeleton_vs_averaging.csv");
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table[1][2], table[2][2]);  // bytes to the workers
  EXPECT_EQ(table[1][1], table[2][1]);  // accuracy
}

TEST_F(SkeletonRunTest, SubNetworksTrainAndCostFewerBytesThanTheWholeNetwork) {
  auto run = start(R"({"name": "skeleton", "seed": 4, "experiment": "model_parallel",
    "dataset": {"name": "fashion-mnist", "train_limit": 3000, "test_limit": 1000},
    "model": {"arch": "mlp", "hidden": [128, 64], "activation": "relu"},
    "training": {"epochs": 2, "batch_size": 32, "lr": 0.1},
    "cluster": {"local_steps": 8},
    "model_parallel": {"mode": "skeleton", "shards": 3, "skeleton_fraction": 0.25,
                       "skeleton_extra": 0.2, "reselect_every": 2, "eval_every": 16}})");
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto t = csvRows(out() + "/skeleton_vs_averaging.csv");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1][0], "skeleton");
  EXPECT_GT(std::stod(t[1][1]), 0.3);                      // it learns (chance: 0.1)
  EXPECT_LT(std::stod(t[1][2]), 0.6 * std::stod(t[2][2]));  // far fewer bytes to the workers
  EXPECT_LT(std::stod(t[1][4]), 0.6 * std::stod(t[1][5]));  // a worker holds a part
  EXPECT_EQ(t[2][4], t[2][5]);                              // averaging: the whole model
  const auto all = events();
  EXPECT_FALSE(eventsOf<Evaluation>(all).empty());
  // The Cluster view's diagram: a new layout at every reselection (rounds 0, 2, 4, ...), each
  // hidden layer's skeleton a quarter of it, the output layer every worker's.
  const auto layouts = eventsOf<ModelLayout>(all);
  const std::uint64_t rounds = skeletonRounds(m_spec, 3000);
  ASSERT_EQ(layouts.size(), (rounds + 1) / 2);
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    EXPECT_EQ(layouts[i].split, ModelSplit::Skeleton);
    EXPECT_EQ(layouts[i].round, 2 * i);
    std::map<int, int> skeleton;
    for (const auto& b : layouts[i].blocks) {
      if (b.owner == LayoutBlock::kSkeleton) skeleton[b.layer] += b.neurons;
    }
    EXPECT_EQ(skeleton[0], 32);  // 25% of 128
    EXPECT_EQ(skeleton[1], 16);  // 25% of 64
    EXPECT_EQ(skeleton[2], 10);  // the output layer
  }
}

TEST(SkeletonSpec, ANetworkWithoutHiddenNeuronsIsRefused) {
  Spec s;
  s.experiment = "model_parallel";
  s.modelParallel.mode = "skeleton";
  s.model.arch = "lenet5";
  std::set<std::string> codes;
  for (const auto& e : validateSpec(s)) codes.insert(e.code);
  EXPECT_TRUE(codes.count("skeleton_needs_mlp"));
  s.model.arch = "mlp";
  EXPECT_TRUE(validateSpec(s).empty());
}

}  // namespace
}  // namespace distlab::engine
