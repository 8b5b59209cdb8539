// Lesson 4b's view: a point a run on a log scale of bytes, the front joined, the table in words
// from the fewest bytes up.
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTableWidget>

#include <gtest/gtest.h>

#include "widgets/compression_view.h"

namespace distlab::widgets {
namespace {

CompressionData sample() {
  CompressionData d;
  d.runs = {{"float32", 0, 0, false, 8.8e9, 8.8e9, 0.8688, 8.0, true},
            {"topk", 0.01, 0, false, 1.16e8, 8.8e9, 0.8169, 15.9, false},
            {"topk", 0.01, 0, true, 1.167e8, 8.8e9, 0.8684, 20.9, true},
            {"qsgd", 0, 4, false, 1.12e9, 8.8e9, 0.8670, 25.3, false},
            {"topk", 0.001, 0, true, 1.48e7, 8.8e9, 0.8625, 23.3, true}};
  return d;
}

TEST(CompressionViewTest, ShowsEachRunAgainstItsBytesAndJoinsTheFront) {
  CompressionView view;
  EXPECT_FALSE(view.hasData());
  view.setData(sample());
  ASSERT_TRUE(view.hasData());
  const auto series = view.chart()->series();
  ASSERT_EQ(series.size(), 6);  // a point a run, then the front
  EXPECT_EQ(series[0]->name(), "32-bit floats");
  EXPECT_EQ(series[2]->name(), "top-k 1% + error feedback");
  EXPECT_EQ(series[3]->name(), "QSGD, 4 levels");
  EXPECT_EQ(series[4]->name(), "top-k 0.1% + error feedback");
  const auto point = static_cast<QScatterSeries*>(series[1])->points();
  ASSERT_EQ(point.size(), 1);
  EXPECT_DOUBLE_EQ(point[0].x(), 116.0);  // megabytes
  EXPECT_DOUBLE_EQ(point[0].y(), 0.8169);
  const auto front = static_cast<QLineSeries*>(series[5])->points();
  ASSERT_EQ(front.size(), 3);  // by bytes: top-k 0.1% + EF, top-k 1% + EF, float32
  EXPECT_DOUBLE_EQ(front[0].x(), 14.8);
  EXPECT_DOUBLE_EQ(front[2].x(), 8800.0);
  ASSERT_EQ(view.table()->rowCount(), 5);
  EXPECT_EQ(view.table()->item(0, 0)->text(), "top-k 0.1% + error feedback");  // fewest bytes
  EXPECT_EQ(view.table()->item(0, 2)->text(), "594.6x");
  EXPECT_EQ(view.table()->item(0, 5)->text(), "yes");
  EXPECT_EQ(view.table()->item(1, 0)->text(), "top-k 1%");
  EXPECT_EQ(view.table()->item(1, 5)->text(), "");
  EXPECT_EQ(view.table()->item(4, 3)->text(), "86.88%");
  view.resize(900, 700);
  EXPECT_FALSE(view.grab().toImage().isNull());
  view.clear();
  EXPECT_EQ(view.table()->rowCount(), 0);
}

}  // namespace
}  // namespace distlab::widgets
