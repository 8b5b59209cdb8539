// Lesson 1: the lecture's linear regression over two clients, checked against finite differences
// and against closed forms of gradient descent on a quadratic.
#include <cmath>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "lessons/averaging/averaging_lesson.h"
#include "core/rng.h"
#include "data/synthetic.h"

namespace distlab::engine {
namespace {

Points lecturePeople(int n = 100) {
  Rng rng(7);
  const Dataset d = makeHeightWeight(n, 0.5, rng);
  Points p;
  for (int i = 0; i < n; ++i) {
    p.height.push_back(d.x(i, 0));
    p.weight.push_back(d.targets(i, 0));
  }
  return p;
}

double relativeDifference(const Line& x, const Line& y) {
  return std::hypot(x.a - y.a, x.b - y.b) / std::max(1e-300, std::hypot(y.a, y.b));
}

TEST(AveragingLessonTest, TheGradientMatchesCentralFiniteDifferences) {
  const Points p = lecturePeople();
  const Line at{3.0, 1.5};
  const Line g = lineGradient(at, p);
  const double h = 1e-6;
  const double da = (lineLoss({at.a + h, at.b}, p) - lineLoss({at.a - h, at.b}, p)) / (2 * h);
  const double db = (lineLoss({at.a, at.b + h}, p) - lineLoss({at.a, at.b - h}, p)) / (2 * h);
  EXPECT_NEAR(g.a, da, 1e-6 * std::abs(da));
  EXPECT_NEAR(g.b, db, 1e-6 * std::abs(db));
}

TEST(AveragingLessonTest, AfterOneStepGradientAndModelAveragingEqualCentralDescent) {
  const Points all = lecturePeople();
  for (const auto& sizes : {std::vector<std::size_t>{50, 50}, std::vector<std::size_t>{30, 70}}) {
    const auto clients = splitPoints(all, sizes);
    const OneStep r = averagingOneStep(clients, {0.0, 2.0}, 0.1, true);
    EXPECT_LT(relativeDifference(r.gradientAveraging, r.central), 1e-12) << sizes[0];
    EXPECT_LT(relativeDifference(r.modelAveraging, r.central), 1e-12) << sizes[0];
    EXPECT_GT(relativeDifference(r.clientModels[0], r.central), 1e-5);  // the clients differ
  }
}

TEST(AveragingLessonTest, WithUnequalClientsOnlyTheWeightedMeanIsTheCentralGradient) {
  const auto clients = splitPoints(lecturePeople(), std::vector<std::size_t>{20, 80});
  const OneStep weighted = averagingOneStep(clients, {0.0, 2.0}, 0.1, true);
  const OneStep plain = averagingOneStep(clients, {0.0, 2.0}, 0.1, false);
  EXPECT_LT(relativeDifference(weighted.gradientAveraging, weighted.central), 1e-12);
  EXPECT_EQ(plain.weights, (std::vector<double>{0.5, 0.5}));
  EXPECT_GT(relativeDifference(plain.gradientAveraging, plain.central), 1e-4);
}

// Gradient descent on f_k is affine: theta <- theta - lr (H_k theta - c_k), with
// H_k = (2/n_k) sum [1 h; h h^2] and c_k = (2/n_k) sum w [1; h]. Tau steps of it, and tau steps on
// the weighted H and c, are the closed forms the lesson's iterations must reproduce.
struct Affine {
  double h11 = 0, h12 = 0, h22 = 0, c1 = 0, c2 = 0;
};
Affine affineOf(const Points& p) {
  Affine m;
  const double n = static_cast<double>(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    m.h11 += 2 / n;
    m.h12 += 2 / n * p.height[i];
    m.h22 += 2 / n * p.height[i] * p.height[i];
    m.c1 += 2 / n * p.weight[i];
    m.c2 += 2 / n * p.weight[i] * p.height[i];
  }
  return m;
}
Line descend(const Affine& m, Line x, double lr, int steps) {
  for (int s = 0; s < steps; ++s) {
    x = {x.a - lr * (m.h11 * x.a + m.h12 * x.b - m.c1), x.b - lr * (m.h12 * x.a + m.h22 * x.b - m.c2)};
  }
  return x;
}

TEST(AveragingLessonTest, WithThreeLocalStepsModelAveragingPartsFromGradientAveraging) {
  const auto clients = splitPoints(lecturePeople(), std::vector<std::size_t>{50, 50});
  AveragingOptions o;
  o.lr = 0.1;
  o.rounds = 1;
  o.localSteps = 3;
  const AveragingRun run = runAveraging(clients, o);
  const Affine a0 = affineOf(clients[0]), a1 = affineOf(clients[1]);
  const Affine mean{(a0.h11 + a1.h11) / 2, (a0.h12 + a1.h12) / 2, (a0.h22 + a1.h22) / 2,
                    (a0.c1 + a1.c1) / 2, (a0.c2 + a1.c2) / 2};
  const Line ga = descend(mean, o.start, o.lr, 3);
  const Line l0 = descend(a0, o.start, o.lr, 3), l1 = descend(a1, o.start, o.lr, 3);
  const Line ma{(l0.a + l1.a) / 2, (l0.b + l1.b) / 2};
  EXPECT_LT(relativeDifference(run.gradientAveraging[1], ga), 1e-12);
  EXPECT_LT(relativeDifference(run.modelAveraging[1], ma), 1e-12);
  EXPECT_LT(relativeDifference(run.central[1], ga), 1e-12);  // equal sizes: GA is central GD
  // They part by exactly the closed forms' difference, which is far above rounding.
  const double expected = std::hypot(ma.a - ga.a, ma.b - ga.b);
  const double measured = std::hypot(run.modelAveraging[1].a - run.gradientAveraging[1].a,
                                     run.modelAveraging[1].b - run.gradientAveraging[1].b);
  EXPECT_NEAR(measured, expected, 1e-9 * expected);
  EXPECT_GT(expected, 1e-5);
  ASSERT_EQ(run.clientPaths[0].size(), 4u);  // the start and three local steps
  EXPECT_LT(relativeDifference(run.clientPaths[1][3], l1), 1e-12);
}

TEST(AveragingLessonTest, TheAveragedModelIsNeverWorseThanTheMeanOfTheClientsForThisConvexLoss) {
  const auto clients = splitPoints(lecturePeople(), std::vector<std::size_t>{30, 70});
  AveragingOptions o;
  o.rounds = 15;
  o.localSteps = 4;
  const AveragingRun run = runAveraging(clients, o);
  ASSERT_EQ(run.averagedModelLoss.size(), 15u);
  for (std::size_t r = 0; r < run.averagedModelLoss.size(); ++r) {
    EXPECT_LT(run.averagedModelLoss[r], run.meanClientLoss[r]) << r;  // strict: clients differ
  }
  // And the lesson converges: the central loss falls.
  const Points all = joinPoints(clients);
  EXPECT_LT(lineLoss(run.central.back(), all), 0.01 * lineLoss(o.start, all));
}

TEST(AveragingLessonTest, SplittingChecksTheSizes) {
  const Points all = lecturePeople(10);
  EXPECT_NE(testing::errorOf([&] { splitPoints(all, std::vector<std::size_t>{4, 5}); })
                .find("add up to 9, not to 10"),
            std::string::npos);
  EXPECT_NE(testing::errorOf([&] { splitPoints(all, std::vector<std::size_t>{10, 0}); }), "");
  EXPECT_EQ(splitPoints(all, std::vector<std::size_t>{3, 7})[1].height[0], all.height[3]);
}

}  // namespace
}  // namespace distlab::engine
