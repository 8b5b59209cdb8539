#include <QLineSeries>
#include <QTableWidget>

#include <gtest/gtest.h>

#include "widgets/averaging_view.h"

namespace distlab::widgets {
namespace {

// Two rounds of a made-up lesson: every number is one the view must show as given.
AveragingData twoRounds() {
  AveragingData d;
  d.start = {0, 2};
  d.lr = 0.1;
  d.localSteps = 2;
  d.clientSizes = {2, 2};
  d.clientWeights = {0.5, 0.5};
  d.oneStepCentral = {12.5, 23.75};
  d.oneStepGradientAveraging = {12.5, 23.75};
  d.oneStepModelAveraging = {12.5, 23.75};
  d.oneStepPlainMean = {12.25, 23.5};
  d.central = {{0, 2}, {10, 20}, {12, 25}};
  d.gradientAveraging = d.central;
  d.modelAveraging = {{0, 2}, {11, 19}, {13, 24}};
  d.clientPaths = {{{0, 2}, {5, 10}, {10, 18}, {12, 22}, {14, 24}},
                   {{0, 2}, {6, 11}, {12, 20}, {13, 23}, {12, 25}}};
  d.averagedModelLoss = {40.0, 30.0};
  d.meanClientLoss = {45.0, 33.0};
  d.people = {{1.6, 60, 0}, {1.7, 65, 0}, {1.8, 75, 1}, {1.9, 80, 1}};
  return d;
}

TEST(AveragingViewTest, ShowsTheOneStepResultsAndSaysWhetherTheyAreEqual) {
  AveragingView view;
  EXPECT_FALSE(view.hasData());
  view.setData(twoRounds());
  ASSERT_TRUE(view.hasData());
  EXPECT_EQ(view.oneStepTable()->item(0, 1)->text(), "12.5");
  EXPECT_EQ(view.oneStepTable()->item(2, 2)->text(), "23.75");
  EXPECT_EQ(view.oneStepTable()->item(3, 1)->text(), "12.25");  // the plain mean, for comparison
  EXPECT_TRUE(view.verdict().startsWith("Equal")) << view.verdict().toStdString();
  AveragingData unequal = twoRounds();
  unequal.oneStepGradientAveraging = {12.6, 23.75};
  view.setData(unequal);
  EXPECT_TRUE(view.verdict().startsWith("Not equal")) << view.verdict().toStdString();
}

TEST(AveragingViewTest, TheLossChartHoldsTheConvexityNumbersOfEveryRound) {
  AveragingView view;
  view.setData(twoRounds());
  const auto* averaged = view.averagedLossSeries();
  const auto* mean = view.meanClientLossSeries();
  ASSERT_EQ(averaged->count(), 3);  // the start, then rounds 1 and 2
  EXPECT_DOUBLE_EQ(averaged->at(1).y(), 40.0);
  EXPECT_DOUBLE_EQ(averaged->at(2).y(), 30.0);
  ASSERT_EQ(mean->count(), 2);
  EXPECT_DOUBLE_EQ(mean->at(1).y(), 33.0);
  // The start's loss, computed here from the four people: mean of (w - 2h)^2.
  const double start = ((60 - 3.2) * (60 - 3.2) + (65 - 3.4) * (65 - 3.4) +
                        (75 - 3.6) * (75 - 3.6) + (80 - 3.8) * (80 - 3.8)) / 4;
  EXPECT_NEAR(averaged->at(0).y(), start, 1e-9);
}

TEST(AveragingViewTest, TheSurfaceWindowHoldsEveryPathAndTheRoundSliderMovesTheLines) {
  AveragingView view;
  view.resize(1200, 700);
  view.setData(twoRounds());
  const QRectF w = view.surface()->window();
  for (const auto& path : twoRounds().clientPaths) {
    for (const QPointF& p : path) EXPECT_TRUE(w.contains(p)) << p.x() << " " << p.y();
  }
  view.setRound(1);
  const QImage image = view.grab().toImage();
  EXPECT_FALSE(image.isNull());
  view.clear();
  EXPECT_FALSE(view.hasData());
}

}  // namespace
}  // namespace distlab::widgets
