#include <gtest/gtest.h>

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>

#include "widgets/staleness_view.h"

namespace distlab::widgets {
namespace {

// Before any run: the chart has its title and its legend says what the bars are.
TEST(StalenessViewTest, AFreshViewIsTitled) {
  StalenessView view;
  const auto* chartView = view.findChild<QChartView*>();
  ASSERT_NE(chartView, nullptr);
  EXPECT_EQ(chartView->chart()->title(), "Staleness of the applied updates");
  const auto* series = static_cast<QBarSeries*>(chartView->chart()->series().front());
  for (const QBarSet* set : series->barSets()) EXPECT_FALSE(set->label().isEmpty());
}

TEST(StalenessViewTest, HistogramsCountEveryAppliedUpdate) {
  StalenessView view;
  view.setBound(2);
  for (int i = 0; i < 10; ++i) view.add(static_cast<std::uint64_t>(i % 3), 3);
  view.add(0, 45);  // very stale: counted in the last bin
  view.refresh();
  EXPECT_EQ(view.count(), 11u);
  EXPECT_EQ(view.gapCount(0), 5u);  // i = 0, 3, 6, 9 and the stale one
  EXPECT_EQ(view.gapCount(1), 3u);
  EXPECT_EQ(view.gapCount(2), 3u);
  EXPECT_EQ(view.stalenessCount(3), 10u);
  EXPECT_EQ(view.stalenessCount(20), 1u);
  EXPECT_TRUE(view.summary().contains("11 updates applied; at most 2 steps ahead"))
      << view.summary().toStdString();
  view.clear();
  EXPECT_EQ(view.count(), 0u);
}

}  // namespace
}  // namespace distlab::widgets
