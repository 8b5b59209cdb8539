#include <QLineSeries>

#include <gtest/gtest.h>

#include "widgets/convexity_view.h"

namespace distlab::widgets {
namespace {

TEST(ConvexityViewTest, OneChartPerCaseWithTheThreeLossesOfEveryRound) {
  ConvexityView view;
  EXPECT_FALSE(view.hasData());
  ConvexityData d;
  d.commonStart = {{1, 0.70, 0.72, 0.69}, {2, 0.60, 0.62, 0.61}};
  d.differentStarts = {{1, 1.10, 0.71, 0.68}, {2, 0.90, 0.60, 0.58}};
  view.setData(d);
  ASSERT_TRUE(view.hasData());
  EXPECT_EQ(view.series(0, 0)->count(), 2);
  EXPECT_DOUBLE_EQ(view.series(0, 1)->at(1).y(), 0.62);  // common start, mean of the models
  EXPECT_DOUBLE_EQ(view.series(1, 0)->at(0).y(), 1.10);  // different starts, averaged model
  EXPECT_DOUBLE_EQ(view.series(1, 2)->at(1).x(), 2.0);   // rounds on x
  EXPECT_TRUE(view.verdict().contains("from different starts 0.900 against 0.600 (1.50x)"))
      << view.verdict().toStdString();
}

}  // namespace
}  // namespace distlab::widgets
