#include <QTableWidget>

#include <gtest/gtest.h>

#include "widgets/traffic_view.h"

namespace distlab::widgets {
namespace {

TEST(TrafficViewTest, TotalsEqualTheSumOfTheRecords) {
  TrafficView view;
  std::uint64_t total = 0;
  for (int i = 0; i < 30; ++i) {
    const double t = i * 0.1;
    view.add(0, t, true, TrafficView::Kind::Push, 940613);
    view.add(0, t, false, TrafficView::Kind::Pull, 940608);
    view.add(1, t, true, TrafficView::Kind::Other, 40);
    total += 940613 + 940608 + 40;
  }
  view.refresh();
  EXPECT_EQ(view.totalBytes(), total);
  EXPECT_EQ(view.messages(0, TrafficView::Kind::Push), 30u);
  EXPECT_EQ(view.bytes(0, TrafficView::Kind::Pull), 30u * 940608);
  EXPECT_EQ(view.bytes(1, TrafficView::Kind::Push), 0u);
  ASSERT_EQ(view.table()->rowCount(), 2);
  EXPECT_EQ(view.table()->item(0, 1)->text(), "30");
  EXPECT_EQ(view.table()->item(0, 2)->text(), "28.2");  // MB
  EXPECT_TRUE(view.summary().contains("56.4 MB")) << view.summary().toStdString();
  view.clear();
  EXPECT_EQ(view.totalBytes(), 0u);
}

}  // namespace
}  // namespace distlab::widgets
