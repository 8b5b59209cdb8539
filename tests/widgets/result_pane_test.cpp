// The generic result pane: any lesson's typed result, shown as it is.
#include <QChart>
#include <QLineSeries>
#include <QTableWidget>

#include <cmath>

#include <gtest/gtest.h>

#include "app/lesson_views/result_columns.h"
#include "widgets/result_pane.h"

namespace distlab::app {
namespace {

using namespace distlab::engine;

LessonResult sample() {
  LessonResult r;
  r.lesson = "some-new-lesson";
  r.tables.push_back({"scores",
                      {{"method", {}, {"a", "b", "c"}}, {"accuracy", {0.5, NAN, 0.75}, {}}}});
  r.tables.push_back({"other", {{"x", {1, 2}, {}}}});
  r.curves.push_back({"loss", "round", "loss", {1, 2, 3}, {0.9, 0.5, 0.4}});
  r.images.push_back({"grid", Image{2, 2, 1, {0, 255, 255, 0}}});
  return r;
}

TEST(ResultPaneTest, ShowsEveryTableCurveAndPictureOfAnyLessonsResult) {
  widgets::ResultPane pane;
  EXPECT_FALSE(pane.hasData());
  pane.setData(resultData(sample()));
  ASSERT_TRUE(pane.hasData());
  QTableWidget* table = pane.table();
  ASSERT_EQ(table->columnCount(), 2);
  ASSERT_EQ(table->rowCount(), 3);
  EXPECT_EQ(table->horizontalHeaderItem(0)->text(), "method");
  EXPECT_EQ(table->item(2, 0)->text(), "c");
  EXPECT_EQ(table->item(0, 1)->text(), "0.5");
  EXPECT_EQ(table->item(1, 1)->text(), "");  // NaN: nothing measured
  ASSERT_TRUE(pane.showTable("other"));
  EXPECT_EQ(table->rowCount(), 2);
  EXPECT_FALSE(pane.showTable("missing"));
  const auto series = pane.chart()->series();
  ASSERT_EQ(series.size(), 1);
  EXPECT_EQ(static_cast<QLineSeries*>(series[0])->count(), 3);
  EXPECT_EQ(pane.pictureCount(), 1);
  pane.clear();
  EXPECT_FALSE(pane.hasData());
  EXPECT_EQ(pane.table()->rowCount(), 0);
}

}  // namespace
}  // namespace distlab::app
