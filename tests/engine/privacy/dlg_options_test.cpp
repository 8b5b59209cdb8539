// The attack's options: the total-variation prior, Adam, restarts, and the cosine distance on a
// real image.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/spec.h"
#include "data/load.h"
#include "attacks/adam.h"
#include "attacks/inversion.h"

namespace distlab::engine {
namespace {

TEST(TotalVariationTest, MatchesItsClosedFormAndFiniteDifferences) {
  // A 2x2 image [0 1; 0 1]: two horizontal steps of 1, two flat vertical pairs.
  MatD image(4, 1);
  image << 0, 1, 0, 1;
  const double eps = 1e-6;
  EXPECT_NEAR(totalVariation(image, 2, nullptr), (2 * std::sqrt(1 + eps) + 2 * std::sqrt(eps)) / 4,
              1e-15);
  Rng rng(1);
  MatD x(12, 2);  // two 3x4 images
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform();
  MatD grad = MatD::Zero(12, 2);
  totalVariation(x, 4, &grad);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    MatD up = x, down = x;
    up.data()[i] += h;
    down.data()[i] -= h;
    const double numeric = (totalVariation(up, 4, nullptr) - totalVariation(down, 4, nullptr)) / (2 * h);
    EXPECT_NEAR(grad.data()[i], numeric, 1e-8) << i;
  }
  EXPECT_THROW(totalVariation(x, 5, nullptr), Error);  // 12 pixels are not rows of 5
}

TEST(AdamMinimizerTest, ConvergesOnAnIllConditionedQuadratic) {
  // f = sum_i c_i (x_i - 1)^2 with c from 1 to 100: minimum 0 at all ones.
  const Objective quadratic = [](const Eigen::VectorXd& x, Eigen::VectorXd* g) {
    double f = 0;
    g->resize(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const double c = 1.0 + 99.0 * static_cast<double>(i) / static_cast<double>(x.size() - 1);
      f += c * (x[i] - 1) * (x[i] - 1);
      (*g)[i] = 2 * c * (x[i] - 1);
    }
    return f;
  };
  Eigen::VectorXd x = Eigen::VectorXd::Constant(8, -2.0);
  AdamOptions o;
  o.maxIterations = 2000;
  o.learningRate = 0.05;
  int calls = 0;
  o.onIteration = [&](int, double, const Eigen::VectorXd&) { return ++calls < 5000; };
  const LbfgsResult r = minimizeAdam(quadratic, x, o);
  EXPECT_EQ(r.evaluations, 2000);
  EXPECT_EQ(calls, 2000);
  EXPECT_LT(r.value, 1e-6);
  EXPECT_LT((x - Eigen::VectorXd::Ones(8)).cwiseAbs().maxCoeff(), 1e-3);
}

struct Victim {
  AttackMlp model;
  MatD image;
  MlpGradient observed;
};

// torch_dlg.py's MLP (784-256-10, sigmoid), weights U(-0.05, 0.05), on a real test image.
Victim victim() {
  const Spec spec = loadSpecText(R"({"dataset": {"name": "fashion-mnist", "test_limit": 3}})");
  const TrainTest data = loadDataset(spec.dataset, 1);
  Victim v;
  v.image.resize(784, 1);
  for (int i = 0; i < 784; ++i) v.image(i, 0) = data.test.x(1, i);
  Rng rng(5);
  v.model = AttackMlp::random({784, 256, 10}, "sigmoid", 0.05, rng);
  MatD y = MatD::Zero(10, 1);
  y(2, 0) = 1;
  v.observed = mlpGradient(v.model, v.image, y);
  return v;
}

TEST(DlgOptionsTest, CosineDistanceAlsoRebuildsTheImage) {
  const Victim v = victim();
  DlgOptions o;
  o.distance = MatchDistance::Cosine;
  const DlgResult r = invertGradient(v.model, v.observed, 1, o, {idlgLabel(v.observed)});
  EXPECT_GE(psnr(r.images.col(0), v.image.col(0)), 30.0) << "distance " << r.distance;
  EXPECT_LT(r.distance, 1e-6);  // 1 - cosine
}

TEST(DlgOptionsTest, AdamLowersTheDistanceButLbfgsGoesMuchFurtherInAsManySteps) {
  const Victim v = victim();
  DlgOptions o;
  o.iterations = 200;
  double first = -1;
  o.onIteration = [&](int, double distance, const MatD&) {
    if (first < 0) first = distance;
    return true;
  };
  o.optimizer = DlgOptimizer::Adam;
  o.learningRate = 0.02;
  const DlgResult adam = invertGradient(v.model, v.observed, 1, o, {2});
  const double start = first;
  o.optimizer = DlgOptimizer::Lbfgs;
  const DlgResult lbfgs = invertGradient(v.model, v.observed, 1, o, {2});
  EXPECT_EQ(adam.evaluations, 200);  // one gradient a step
  EXPECT_LT(adam.distance, start / 10) << "from " << start;
  EXPECT_LT(lbfgs.distance, adam.distance / 100);
  EXPECT_GT(psnr(lbfgs.images.col(0), v.image.col(0)), psnr(adam.images.col(0), v.image.col(0)));
}

TEST(DlgOptionsTest, RestartsKeepTheBestStartAndCountEveryIteration) {
  const Victim v = victim();
  DlgOptions o;
  o.iterations = 15;  // short starts, so they end at different distances
  o.seed = 7;
  std::vector<double> starts;  // each start alone: seeds 7, 8, 9
  for (std::uint64_t seed = 7; seed < 10; ++seed) {
    o.seed = seed;
    starts.push_back(invertGradient(v.model, v.observed, 1, o).distance);
  }
  o.seed = 7;
  const DlgResult one = invertGradient(v.model, v.observed, 1, o);
  o.restarts = 3;
  int calls = 0, lastIteration = 0;
  o.onIteration = [&](int it, double, const MatD&) {
    ++calls;
    EXPECT_GT(it, lastIteration);  // numbered on across the restarts
    lastIteration = it;
    return true;
  };
  const DlgResult best = invertGradient(v.model, v.observed, 1, o);
  EXPECT_LE(best.distance, one.distance);
  ASSERT_GE(best.restart, 0);
  ASSERT_LT(best.restart, 3);
  // The winner is the best of the three starts, and it is the start it names.
  EXPECT_EQ(best.distance, *std::min_element(starts.begin(), starts.end()));
  EXPECT_EQ(best.distance, starts[static_cast<std::size_t>(best.restart)]);
  EXPECT_EQ(best.iterations, calls);
  EXPECT_GT(best.iterations, one.iterations);
  if (best.restart == 0) {
    EXPECT_EQ(best.distance, one.distance);  // the same seed, the same start
  }
}

TEST(DlgOptionsTest, ThePriorMakesSmootherImagesAndIsLeftOutOfTheReportedDistance) {
  const Victim v = victim();
  DlgOptions o;
  o.iterations = 60;
  const DlgResult plain = invertGradient(v.model, v.observed, 1, o, {2});
  o.tvWeight = 1.0;
  double reported = -1;
  o.onIteration = [&](int, double distance, const MatD&) {
    reported = distance;
    return true;
  };
  const DlgResult smooth = invertGradient(v.model, v.observed, 1, o, {2});
  EXPECT_LT(totalVariation(smooth.images, 28, nullptr), totalVariation(plain.images, 28, nullptr));
  EXPECT_NEAR(reported, smooth.distance, 1e-9 * std::max(1.0, smooth.distance));
  // With Adam too: every reported distance is the gradient distance at the reported images,
  // without the prior (recomputed here from the images and the model).
  o.optimizer = DlgOptimizer::Adam;
  o.learningRate = 0.01;
  o.iterations = 20;
  MatD y = MatD::Zero(10, 1);
  y(2, 0) = 1;
  int checked = 0;
  o.onIteration = [&](int, double distance, const MatD& images) {
    const double direct = mlpGradient(v.model, images, y).squaredDistance(v.observed);
    EXPECT_NEAR(distance, direct, 1e-9 * std::max(1.0, direct));
    ++checked;
    return true;
  };
  invertGradient(v.model, v.observed, 1, o, {2});
  EXPECT_EQ(checked, 20);
}

TEST(DlgOptionsTest, SpecFieldsReachTheOptionsAndBadValuesAreNamed) {
  const Spec spec = loadSpecText(R"({"seed": 4, "privacy": {"distance": "cosine",
      "optimizer": "adam", "learning_rate": 0.3, "tv_weight": 0.01, "restarts": 2,
      "iterations": 50}})");
  const DlgOptions o = dlgOptionsFor(spec, 28);
  EXPECT_EQ(o.distance, MatchDistance::Cosine);
  EXPECT_EQ(o.optimizer, DlgOptimizer::Adam);
  EXPECT_DOUBLE_EQ(o.learningRate, 0.3);
  EXPECT_DOUBLE_EQ(o.tvWeight, 0.01);
  EXPECT_EQ(o.restarts, 2);
  EXPECT_EQ(o.iterations, 50);
  EXPECT_EQ(o.seed, 4u);
  EXPECT_EQ(o.imageWidth, 28);
  try {
    loadSpecText(R"({"privacy": {"distance": "manhattan"}})");
    FAIL() << "accepted an unknown distance";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("privacy.distance"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cosine"), std::string::npos) << e.what();
  }
  EXPECT_THROW(loadSpecText(R"({"privacy": {"restarts": 0}})"), Error);
}

}  // namespace
}  // namespace distlab::engine
