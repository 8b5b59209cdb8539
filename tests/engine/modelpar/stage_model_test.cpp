// Pipeline stages whose boundaries cut a Dense layer by its neurons (model_parallel.balance
// neurons): where the cuts fall, the stages' parameters against the whole model's, and the
// stages chained against the whole model, forward and backward.
#include <gtest/gtest.h>

#include <numeric>

#include "../nn/nn_test_util.h"
#include "../test_support.h"
#include "core/error.h"
#include "modelpar/stage_model.h"
#include "modelpar/stage_plan.h"
#include "nn/builders.h"
#include "nn/dense_rows.h"
#include "nn/gemm.h"
#include "nn/packed_weights.h"
#include "nn/weight_gradient_stash.h"

namespace distlab::engine {
namespace {

/// 784-32-192-192-192-10: the first layer is light (32 neurons), the next three heavy, so even
/// stages cut the heavy ones.
Model cutModel() {
  ModelSpec spec;
  spec.hidden = {32, 192, 192, 192};
  return buildModel(spec, Shape{1, 28, 28}, 10, 3);
}

/// Each stage's estimated work, the cut layers' shared by their neurons.
std::vector<double> stageCosts(const Model& model, const StagePlan& plan) {
  const std::vector<double> costs = layerCosts(model);
  std::vector<double> stage(static_cast<std::size_t>(plan.stages()), 0.0);
  for (int k = 0; k < plan.stages(); ++k) {
    auto& sum = stage[static_cast<std::size_t>(k)];
    for (std::size_t i = plan.begin(k); i < plan.end(k); ++i) sum += costs[i];
    const auto width = [&](std::size_t i) { return model.layerShapes()[i].size(); };
    if (plan.beginsCut(k)) {
      sum -= costs[plan.begin(k)] * plan.headRows(k - 1) / width(plan.begin(k));
    }
    if (plan.headRows(k) > 0) {
      sum += costs[plan.end(k)] * plan.headRows(k) / width(plan.end(k));
    }
  }
  return stage;
}

TEST(BalanceNeurons, CutsTheHeavyLayersSoTheStagesWorkAlike) {
  const Model model = cutModel();
  const std::vector<double> costs = layerCosts(model);
  const double total = std::accumulate(costs.begin(), costs.end(), 0.0);
  for (int stages : {2, 3}) {
    SCOPED_TRACE(stages);
    const StagePlan plan = balanceNeurons(model, stages);
    ASSERT_EQ(plan.stages(), stages);
    ASSERT_EQ(plan.cuts.size(), static_cast<std::size_t>(stages - 1));
    for (int k = 0; k + 1 < stages; ++k) EXPECT_GT(plan.headRows(k), 0) << "boundary " << k;
    // Even to within one neuron of the widest layer (192 x 192 multiply-adds).
    for (double c : stageCosts(model, plan)) EXPECT_NEAR(c, total / stages, 192.0 * 192.0);
    // Between whole layers the best split is far more uneven.
    const StagePlan whole = balanceStages(costs, stages);
    double worst = 0.0;
    for (int k = 0; k < stages; ++k) {
      double sum = 0.0;
      for (std::size_t i = whole.begin(k); i < whole.end(k); ++i) sum += costs[i];
      worst = std::max(worst, sum);
    }
    EXPECT_GT(worst, 1.1 * total / stages);
  }
  // Lesson 3's 784-1024-1024-1024-10 on 4 stages: two targets fall in the second layer; the
  // first cuts it, the second moves to its end, and the third target cuts the third layer.
  ModelSpec lesson;
  lesson.hidden = {1024, 1024, 1024};
  const Model three = buildModel(lesson, Shape{1, 28, 28}, 10, 3);
  const StagePlan four = balanceNeurons(three, 4);
  ASSERT_EQ(four.cuts.size(), 3u);
  EXPECT_GT(four.headRows(0), 0);
  EXPECT_EQ(four.headRows(1), 0);
  EXPECT_EQ(four.begin(2), four.begin(1) + 1);  // stage 1: the rest of the cut layer
  EXPECT_GT(four.headRows(2), 0);
  // 784-128-512: the first layer, which no cut can touch, sets the pace of 3 stages; cutting
  // the second would only add traffic.
  ModelSpec paced;
  paced.hidden = {128, 512};
  const Model first = buildModel(paced, Shape{1, 28, 28}, 10, 3);
  EXPECT_TRUE(balanceNeurons(first, 3).cuts.empty());
  EXPECT_EQ(balanceNeurons(first, 3).first, balanceStages(layerCosts(first), 3).first);
  // The default MLP's first layer outweighs the rest: no cut can help, whole layers it is.
  ModelSpec mlp;
  mlp.hidden = {64, 32};
  const Model light = buildModel(mlp, Shape{1, 28, 28}, 10, 3);
  const StagePlan plan = balanceNeurons(light, 2);
  EXPECT_TRUE(plan.cuts.empty());
  EXPECT_EQ(plan.first, balanceStages(layerCosts(light), 2).first);
}

TEST(BalanceNeurons, BoundariesGivenWithNeuronsAreRefusedNamingTheField) {
  ModelParallelSpec spec;
  spec.balance = "neurons";
  spec.boundaries = {3};
  try {
    planStages(cutModel(), spec);
    FAIL() << "planStages accepted boundaries with balance neurons";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model_parallel.balance"), std::string::npos);
  }
}

TEST(StageModel, TheStagesParametersMergeBackToTheWholeModels) {
  const Model model = cutModel();
  const StagePlan plan = balanceNeurons(model, 3);
  std::vector<std::vector<float>> parts;
  std::size_t total = 0;
  for (int k = 0; k < 3; ++k) {
    parts.push_back(stageParameters(model, plan, k));
    total += parts.back().size();
  }
  EXPECT_EQ(total, model.parameterCount());
  const std::vector<float> merged = mergeStageParameters(model, plan, parts);
  const auto p = model.parameters();
  EXPECT_TRUE(std::equal(merged.begin(), merged.end(), p.begin(), p.end()));
  parts[1].pop_back();
  EXPECT_THROW(mergeStageParameters(model, plan, parts), Error);
}

/// The stages of `plan`, each built from a fresh copy of the same model.
std::vector<Model> stagesOf(const StagePlan& plan, Model (*build)() = cutModel) {
  std::vector<Model> stages;
  for (int k = 0; k < plan.stages(); ++k) {
    Model copy = build();
    stages.push_back(extractStage(copy, plan, k));
  }
  return stages;
}

/// 784-256-1024-1024-10: on 2 stages the cut falls in the third layer, 1,024 wide, whose blocks
/// are large enough for the narrow kernels (their W x from weights packed once, W^T dy with
/// long dot products) with AVX-512.
Model wideModel() {
  ModelSpec spec;
  spec.hidden = {256, 1024, 1024};
  return buildModel(spec, Shape{1, 28, 28}, 10, 4);
}

TEST(StageModel, ChainedStagesComputeTheWholeModelForwardAndBackward) {
  Model model = cutModel();
  const StagePlan plan = balanceNeurons(model, 3);
  std::vector<Model> stages = stagesOf(plan);
  const Matrix x = testing::randomMatrix(784, 24, 11, 0.0f, 1.0f);

  const Matrix expected = model.forward(x);
  std::vector<Matrix> inputs{x};
  inputs.reserve(4);  // a model keeps a pointer to its input until its backward pass
  for (auto& s : stages) inputs.push_back(s.forward(inputs.back()));
  EXPECT_LT((inputs.back() - expected).norm() / expected.norm(), 1e-5);

  const Matrix dOut = testing::randomMatrix(10, 24, 12);
  model.backward(dOut);
  Matrix errors = dOut, dIn;
  for (int k = 2; k >= 0; --k) {
    stages[static_cast<std::size_t>(k)].backward(errors, k > 0 ? &dIn : nullptr);
    errors = dIn;
  }
  std::vector<std::vector<float>> gradients;
  for (auto& s : stages) gradients.emplace_back(s.gradients().begin(), s.gradients().end());
  const std::vector<float> merged = mergeStageParameters(model, plan, gradients);
  EXPECT_LT(testing::relativeDifference(merged, model.gradients()), 1e-5);

  // The B/W split: input errors first, the weight gradients of two passes in one product.
  std::vector<Model> split = stagesOf(plan);
  std::vector<WeightGradientStash> stashes(3);
  for (int k = 0; k < 3; ++k) {
    split[static_cast<std::size_t>(k)].zeroGradients();
    stashes[static_cast<std::size_t>(k)].prepare(split[static_cast<std::size_t>(k)], 24);
  }
  for (int half = 0; half < 2; ++half) {
    Matrix in = x.middleCols(half * 12, 12);
    std::vector<Matrix> kept{in};
    kept.reserve(4);
    for (auto& s : split) kept.push_back(s.forward(kept.back()));
    errors = dOut.middleCols(half * 12, 12);
    for (int k = 2; k >= 0; --k) {
      split[static_cast<std::size_t>(k)].backward(errors, k > 0 ? &dIn : nullptr,
                                                  stashes[static_cast<std::size_t>(k)]);
      errors = dIn;
    }
  }
  // Stage 0 keeps each Dense layer's input and errors, and of its head only the input and its
  // neurons' errors (not the input passed through beside them): 24 columns of each.
  const std::size_t keptRows = (784 + 32) + (32 + 192) + (192 + plan.headRows(0));
  EXPECT_EQ(stashes[0].heldBytes(), keptRows * 24 * sizeof(float));
  gradients.clear();
  for (int k = 0; k < 3; ++k) {
    auto& s = split[static_cast<std::size_t>(k)];
    stashes[static_cast<std::size_t>(k)].flush(s);
    gradients.emplace_back(s.gradients().begin(), s.gradients().end());
  }
  EXPECT_LT(testing::relativeDifference(mergeStageParameters(model, plan, gradients),
                                        model.gradients()),
            1e-5);
}

// The cut layer's blocks through the kernels a pipeline stage uses at 32 columns, its weights
// packed once as the stage packs them, against the whole model.
TEST(StageModel, AWideCutLayerOnPackedWeightsComputesTheWholeModel) {
  Model model = wideModel();
  const StagePlan plan = balanceNeurons(model, 2);
  ASSERT_EQ(plan.cuts.size(), 1u);
  ASSERT_GT(plan.headRows(0), 0);
  std::vector<Model> stages = stagesOf(plan, wideModel);
  // W x and, for the input errors, W^T dy on packed weights, where this machine's kernels
  // pack a product of that shape (AVX-512; AVX2 on AMD only up to 512 rows).
  std::vector<PackedWeights> packed(2), transposed(2);
  for (std::size_t k = 0; k < 2; ++k) {
    auto* rows = dynamic_cast<DenseRows*>(
        k == 0 ? stages[0].layers().back().get() : stages[1].layers().front().get());
    ASSERT_NE(rows, nullptr);
    packed[k].pack(rows->rows(), rows->inputs(), rows->weights(), rows->rows());
    transposed[k].packTransposed(rows->inputs(), rows->rows(), rows->weights(), rows->rows());
    EXPECT_EQ(transposed[k].packed(), narrowGemmPays(false, false, rows->inputs(),
                                                     kNarrowMaxColumns, rows->rows(), 1.0f));
    rows->usePackedWeights(packed[k].packed() ? &packed[k] : nullptr,
                           transposed[k].packed() ? &transposed[k] : nullptr);
  }
  const Matrix x = testing::randomMatrix(784, 32, 21, 0.0f, 1.0f);
  const Matrix expected = model.forward(x);
  const Matrix& middle = stages[0].forward(x);
  EXPECT_EQ(middle.rows(), 1024 + plan.headRows(0));  // the layer's input, then its first neurons
  EXPECT_LT((stages[1].forward(middle) - expected).norm() / expected.norm(), 1e-5);

  const Matrix dOut = testing::randomMatrix(10, 32, 22);
  model.backward(dOut);
  Matrix dMiddle;
  stages[1].backward(dOut, &dMiddle);
  stages[0].backward(dMiddle);
  std::vector<std::vector<float>> gradients;
  for (auto& st : stages) gradients.emplace_back(st.gradients().begin(), st.gradients().end());
  EXPECT_LT(testing::relativeDifference(mergeStageParameters(model, plan, gradients),
                                        model.gradients()),
            1e-5);
}

}  // namespace
}  // namespace distlab::engine
