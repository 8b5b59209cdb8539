#include <QChart>
#include <QImage>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <gtest/gtest.h>

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
