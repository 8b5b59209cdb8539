#include <QChart>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>

#include <gtest/gtest.h>

#include <QSignalSpy>

#include "widgets/training_chart.h"

namespace distlab::widgets {
namespace {

TEST(TrainingChartTest, ShowsEveryEpochWithAxesCoveringTheValues) {
  TrainingChart chart;
  chart.resize(600, 400);
  chart.addEpoch(1, 0.9, 0.8, 0.71);
  chart.addEpoch(2, 0.6, 0.65, 0.79);
  chart.addEpoch(3, 0.5, 0.55, 0.83);
  EXPECT_EQ(chart.pointCount(), 3);
  ASSERT_EQ(chart.testLossSeries()->count(), 3);
  EXPECT_EQ(chart.testLossSeries()->at(1), QPointF(2, 0.65));
  EXPECT_EQ(chart.accuracySeries()->at(2), QPointF(3, 0.83));
  EXPECT_EQ(chart.trainLossSeries()->at(0), QPointF(1, 0.9));
  EXPECT_LE(chart.epochAxis()->min(), 1.0);
  EXPECT_GE(chart.epochAxis()->max(), 3.0);
  EXPECT_GE(chart.lossAxis()->max(), 0.9);
  EXPECT_DOUBLE_EQ(chart.accuracyAxis()->min(), 0.0);
  EXPECT_DOUBLE_EQ(chart.accuracyAxis()->max(), 1.0);
  // Every series is drawn against the epoch axis.
  EXPECT_TRUE(chart.accuracySeries()->attachedAxes().contains(chart.epochAxis()));
  EXPECT_TRUE(chart.accuracySeries()->attachedAxes().contains(chart.accuracyAxis()));
}

TEST(TrainingChartTest, ClearEmptiesTheSeriesAndResetsTheRange) {
  TrainingChart chart;
  chart.addEpoch(1, 5.0, 4.0, 0.2);
  chart.clear();
  EXPECT_EQ(chart.pointCount(), 0);
  EXPECT_EQ(chart.trainLossSeries()->count(), 0);
  EXPECT_DOUBLE_EQ(chart.lossAxis()->max(), 1.0);
  chart.addEpoch(1, 0.5, 0.4, 0.9);
  EXPECT_LE(chart.lossAxis()->max(), 1.0) << "the old maximum (5) must not linger";
  EXPECT_GE(chart.lossAxis()->max(), 0.5);
}

// Federated rounds under DP: epsilon after each round on its own axis, apart from the losses.
TEST(TrainingChartTest, PrivacySpentHasItsOwnSeriesAndAxisUntilTheRunIsCleared) {
  TrainingChart chart;
  chart.resize(600, 400);
  chart.setCountsRounds(true);
  EXPECT_EQ(chart.epsilonSeries(), nullptr);
  chart.addEpoch(1, 0.9, 0.8, 0.7);
  chart.addPrivacySpent(1, 0.5, 2.5, 1e-5);
  chart.addPrivacySpent(2, 1.0, 3.75, 1e-5);
  chart.addPrivacySpent(3, 1.5, 12.0, 1e-5);
  ASSERT_NE(chart.epsilonSeries(), nullptr);
  ASSERT_EQ(chart.epsilonSeries()->count(), 3);
  EXPECT_EQ(chart.epsilonSeries()->at(1), QPointF(2, 3.75));
  EXPECT_TRUE(chart.epsilonSeries()->attachedAxes().contains(chart.epsilonAxis()));
  EXPECT_GE(chart.epsilonAxis()->max(), 12.0);
  EXPECT_LT(chart.lossAxis()->max(), 2.0) << "epsilon must not stretch the loss axis";
  EXPECT_TRUE(chart.epsilonSeries()->name().contains("1e-05"));
  chart.clear();
  EXPECT_EQ(chart.epsilonSeries(), nullptr);
  EXPECT_EQ(chart.epsilonAxis(), nullptr);
}

TEST(TrainingChartTest, EpochTicksStayOnWholeEpochsAndAtMostAboutTen) {
  TrainingChart chart;
  chart.addEpoch(1, 1.0, 1.0, 0.5);
  EXPECT_EQ(chart.epochAxis()->tickType(), QValueAxis::TicksDynamic);
  EXPECT_DOUBLE_EQ(chart.epochAxis()->tickAnchor(), 0.0);
  EXPECT_DOUBLE_EQ(chart.epochAxis()->tickInterval(), 1.0);
  for (int epoch = 2; epoch <= 40; ++epoch) chart.addEpoch(epoch, 1.0, 1.0, 0.5);
  EXPECT_DOUBLE_EQ(chart.epochAxis()->tickInterval(), 4.0);
  EXPECT_GE(chart.epochAxis()->max(), 40.0);
  EXPECT_LE(chart.epochAxis()->min(), 1.0);
  EXPECT_EQ(chart.pointCount(), 40);
}

// Pixels in the accuracy series' green; the legend marker has some even without data.
int greenPixels(TrainingChart& chart) {
  const QImage image = chart.grab().toImage();
  const QColor green = chart.accuracySeries()->pen().color();
  int count = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) count += image.pixelColor(x, y) == green;
  }
  return count;
}

TEST(TrainingChartTest, DrawsTheSeries) {
  TrainingChart chart;
  chart.resize(640, 480);
  const int empty = greenPixels(chart);
  chart.addEpoch(1, 0.9, 0.8, 0.7);
  chart.addEpoch(2, 0.5, 0.5, 0.8);
  chart.addEpoch(3, 0.4, 0.45, 0.85);
  EXPECT_EQ(chart.grab().size(), QSize(640, 480));
  EXPECT_GT(greenPixels(chart), empty + 100) << "the accuracy line was not drawn";
}

}  // namespace
}  // namespace distlab::widgets

namespace distlab::widgets {
namespace {

TEST(TrainingChartTest, SmoothingDrawsAnEmaWithTheRawCurveBehind) {
  TrainingChart chart;
  const double losses[] = {1.0, 0.0, 1.0, 0.0};
  for (int i = 0; i < 4; ++i) chart.addEvaluation(i + 1, 10.0 * (i + 1), losses[i], losses[i], 0.5);
  EXPECT_EQ(chart.testLossSeries()->at(1).y(), 0.0);  // raw by default
  chart.setSmoothing(0.5);
  // Debiased EMA with weight 0.5: 1, (0.25 * 1 + 0.5 * 0) / 0.75 = 1/3, ...
  EXPECT_DOUBLE_EQ(chart.testLossSeries()->at(0).y(), 1.0);
  EXPECT_NEAR(chart.testLossSeries()->at(1).y(), 1.0 / 3.0, 1e-12);
  double ema = 0.0, weight = 0.0;
  for (int i = 0; i < 4; ++i) {
    ema = 0.5 * ema + 0.5 * losses[i];
    weight = 0.5 * weight + 0.5;
    EXPECT_NEAR(chart.trainLossSeries()->at(i).y(), ema / weight, 1e-12) << i;
  }
  // The raw points are still drawn (faint) under the smoothed ones.
  int rawSeriesWithAllPoints = 0;
  for (auto* s : chart.chart()->series()) {
    auto* line = static_cast<QLineSeries*>(s);
    if (line != chart.testLossSeries() && line->count() == 4 && line->at(1).y() == 0.0) {
      ++rawSeriesWithAllPoints;
    }
  }
  EXPECT_EQ(rawSeriesWithAllPoints, 2);  // raw training and test loss
}

TEST(TrainingChartTest, WallTimeAxisAndLogScaleChangeWhatIsDrawn) {
  TrainingChart chart;
  chart.addEvaluation(0.5, 12.0, 2.0, 1.5, 0.4);
  chart.addEvaluation(1.0, 30.0, 0.02, 0.05, 0.9);
  chart.setXAxis(TrainingChart::XAxis::WallTime);
  EXPECT_EQ(chart.accuracySeries()->at(1).x(), 30.0);
  EXPECT_GE(chart.epochAxis()->max(), 30.0);
  EXPECT_EQ(chart.epochAxis()->titleText(), "Wall time (s)");
  chart.setLogScale(true);
  EXPECT_TRUE(chart.testLossSeries()->attachedAxes().contains(chart.logLossAxis()));
  EXPECT_FALSE(chart.testLossSeries()->attachedAxes().contains(chart.lossAxis()));
  EXPECT_LE(chart.logLossAxis()->min(), 0.02);
  EXPECT_GE(chart.logLossAxis()->max(), 2.0);
  chart.setLogScale(false);
  EXPECT_TRUE(chart.testLossSeries()->attachedAxes().contains(chart.lossAxis()));
  chart.setXAxis(TrainingChart::XAxis::Epoch);
  EXPECT_EQ(chart.accuracySeries()->at(1).x(), 1.0);
}

TEST(TrainingChartTest, TheLegendListsWorkersInRankOrderWhateverOrderTheyReport) {
  TrainingChart chart;
  chart.startRun("BSP");
  for (int worker : {2, 3}) chart.addWorkerLoss(worker, 0.1, 1.0, 2.0);
  chart.refresh();
  auto markerOf = [&](const QString& label) -> QLegendMarker* {
    for (auto* marker : chart.chart()->legend()->markers()) {
      if (marker->label() == label) return marker;
    }
    return nullptr;
  };
  ASSERT_NE(markerOf("Worker 2 training loss"), nullptr);
  emit markerOf("Worker 2 training loss")->clicked();  // hidden by the user
  for (int worker : {0, 1}) chart.addWorkerLoss(worker, 0.1, 1.0, 2.0);
  chart.refresh();
  // The re-added series' new marker still shows it hidden.
  EXPECT_TRUE(markerOf("Worker 2 training loss")->font().strikeOut());
  EXPECT_FALSE(markerOf("Worker 3 training loss")->font().strikeOut());
  QStringList workers;
  for (auto* marker : chart.chart()->legend()->markers()) {
    if (marker->label().startsWith("Worker")) workers << marker->label();
  }
  EXPECT_EQ(workers, (QStringList{"Worker 0 training loss", "Worker 1 training loss",
                                  "Worker 2 training loss", "Worker 3 training loss"}));
  for (int worker = 0; worker < 4; ++worker) {
    EXPECT_EQ(chart.workerSeries(worker)->count(), worker == 2 ? 0 : 1);  // hidden: no points
    EXPECT_EQ(chart.workerSeries(worker)->attachedAxes().size(), 2);
  }
}

TEST(TrainingChartTest, WorkersGetTheirOwnCurvesAndComparedRunsAreDrawnInTheirColours) {
  TrainingChart chart;
  chart.startRun("BSP");
  for (int step = 1; step <= 10; ++step) {
    chart.addWorkerLoss(0, step / 10.0, step, 1.0 / step);
    chart.addWorkerLoss(1, step / 10.0, step, 2.0 / step);
  }
  chart.addEvaluation(1.0, 10.0, 0.3, 0.35, 0.8);
  ASSERT_NE(chart.workerSeries(1), nullptr);
  EXPECT_EQ(chart.workerSeries(1)->count(), 10);
  EXPECT_EQ(chart.workerSeries(1)->at(1), QPointF(0.2, 1.0));
  chart.startRun("ASP");
  EXPECT_EQ(chart.comparedRuns(), 0);  // only what the runs panel ticks is compared
  EXPECT_EQ(chart.pointCount(), 0);
  EXPECT_EQ(chart.workerSeries(0), nullptr);  // worker curves belong to the current run

  QSignalSpy cleared(&chart, &TrainingChart::comparisonCleared);
  const QColor red(200, 30, 30);
  chart.showCompared(7, "BSP", red, {{1, 10, 0.35}, {2, 20, 0.3}}, {{1, 10, 0.8}, {2, 20, 0.85}});
  chart.showCompared(9, "SSP", Qt::blue, {{1, 5, 0.4}}, {{1, 5, 0.7}});
  EXPECT_EQ(chart.comparedRuns(), 2);
  QLineSeries* bsp = chart.comparedAccuracySeries(7);
  ASSERT_NE(bsp, nullptr);
  EXPECT_EQ(bsp->name(), "BSP: test accuracy");
  EXPECT_EQ(bsp->pen().color().rgb(), red.rgb());
  EXPECT_EQ(bsp->count(), 2);
  EXPECT_EQ(bsp->at(1), QPointF(2, 0.85));
  EXPECT_EQ(bsp->attachedAxes().size(), 2);
  EXPECT_EQ(chart.epochAxis()->max(), 2.0);  // the axis reaches the compared run's end
  chart.showCompared(7, "BSP again", red, {}, {{1, 10, 0.5}});  // replaced, not added
  EXPECT_EQ(chart.comparedRuns(), 2);
  EXPECT_EQ(chart.comparedAccuracySeries(7)->count(), 1);
  chart.hideCompared(9);
  EXPECT_EQ(chart.comparedRuns(), 1);
  EXPECT_EQ(chart.comparedAccuracySeries(9), nullptr);
  chart.clearComparison();
  EXPECT_EQ(chart.comparedRuns(), 0);
  EXPECT_EQ(cleared.count(), 1);
}

TEST(TrainingChartTest, ClickingALegendEntryHidesItsSeriesAndClickingAgainShowsIt) {
  TrainingChart chart;
  chart.addEpoch(1, 0.5, 0.4, 0.9);
  const auto markers = chart.chart()->legend()->markers(chart.testLossSeries());
  ASSERT_EQ(markers.size(), 1);
  emit markers[0]->clicked();
  EXPECT_FALSE(chart.isShown(chart.testLossSeries()));
  EXPECT_EQ(chart.testLossSeries()->count(), 0);
  // The legend entry is still there, struck out, to click again.
  EXPECT_EQ(chart.chart()->legend()->markers(chart.testLossSeries()), markers);
  EXPECT_TRUE(markers[0]->font().strikeOut());
  chart.addEpoch(2, 0.4, 0.3, 0.92);
  EXPECT_EQ(chart.testLossSeries()->count(), 0);  // stays hidden while data comes in
  emit markers[0]->clicked();
  EXPECT_TRUE(chart.isShown(chart.testLossSeries()));
  EXPECT_EQ(chart.testLossSeries()->count(), 2);
  EXPECT_FALSE(markers[0]->font().strikeOut());
}

}  // namespace
}  // namespace distlab::widgets

namespace distlab::widgets {
namespace {

TEST(TrainingChartTest, AWorkersHistoryStaysBoundedAndKeepsItsShape) {
  TrainingChart chart;
  const std::size_t n = TrainingChart::kMaxWorkerHistory * 3;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(n);
    chart.addWorkerLoss(0, t, 100 * t, 2.0 - t);  // a straight line from 2 to 1
  }
  chart.refresh();
  const auto* series = chart.workerSeries(0);
  ASSERT_NE(series, nullptr);
  EXPECT_LE(series->count(), 2 * 1000 + 2);   // decimated for drawing
  EXPECT_NEAR(series->at(0).y(), 2.0, 1e-4);  // merged with its neighbours: nearly the start
  EXPECT_NEAR(series->at(series->count() - 1).y(), 1.0, 1e-4);
  for (const QPointF& p : series->points()) EXPECT_NEAR(p.y(), 2.0 - p.x(), 1e-5);
}

TEST(TrainingChartTest, AFederatedRunCountsRounds) {
  TrainingChart chart;
  EXPECT_EQ(chart.xAxisTitle(), "Epoch");
  chart.setCountsRounds(true);
  EXPECT_EQ(chart.xAxisTitle(), "Round");
  chart.setXAxis(TrainingChart::XAxis::WallTime);
  EXPECT_EQ(chart.xAxisTitle(), "Wall time (s)");
  chart.setXAxis(TrainingChart::XAxis::Epoch);
  chart.setCountsRounds(false);
  EXPECT_EQ(chart.xAxisTitle(), "Epoch");
}

}  // namespace
}  // namespace distlab::widgets
