#include <QChartView>
#include <QLineSeries>
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
    view.add(0, t, TrafficView::Kind::Push, 940613);
    view.add(0, t, TrafficView::Kind::Params, 940608);
    view.add(1, t, TrafficView::Kind::Heartbeat, 40);
    total += 940613 + 940608 + 40;
  }
  view.refresh();
  EXPECT_EQ(view.totalBytes(), total);
  EXPECT_EQ(view.messages(0, TrafficView::Kind::Push), 30u);
  EXPECT_EQ(view.bytes(0, TrafficView::Kind::Params), 30u * 940608);
  EXPECT_EQ(view.bytes(1, TrafficView::Kind::Push), 0u);
  ASSERT_EQ(view.table()->rowCount(), 2);
  EXPECT_EQ(view.table()->item(0, 1)->text(), "30");
  EXPECT_EQ(view.table()->item(0, 2)->text(), "28.2");  // MB
  EXPECT_TRUE(view.summary().contains("56.4 MB")) << view.summary().toStdString();
  // One row per message type seen, with its cumulative bytes and share.
  ASSERT_EQ(view.kindTable()->rowCount(), 3);
  EXPECT_EQ(view.kindTable()->item(0, 1)->text(), "30");
  EXPECT_EQ(view.kindTable()->item(1, 2)->text(), "28.2");
  EXPECT_EQ(view.kindTable()->item(2, 2)->text(), "0.0");
  EXPECT_EQ(view.bytesOfKind(TrafficView::Kind::Heartbeat), 30u * 40);
  view.clear();
  EXPECT_EQ(view.totalBytes(), 0u);
}

// Encoded updates: the summary sets the bytes on the wire against the floats they stand for.
TEST(TrafficViewTest, EncodedUpdatesShowTheirCompressionRatio) {
  TrafficView view;
  view.add(0, 0.1, TrafficView::Kind::Push, 940613, 940613);
  view.refresh();
  EXPECT_FALSE(view.summary().contains("fewer bytes")) << view.summary().toStdString();
  view.clear();
  for (int i = 0; i < 10; ++i) view.add(i % 2, 0.1 * i, TrafficView::Kind::Push, 235183, 940642);
  view.add(0, 0.5, TrafficView::Kind::Params, 940608);  // parameters come down plain
  view.refresh();
  EXPECT_EQ(view.bytesOfKind(TrafficView::Kind::Push), 2351830u);
  EXPECT_EQ(view.rawPushBytes(), 9406420u);
  EXPECT_TRUE(view.summary().contains("2.4 MB on the wire for 9.4 MB of floats: 4.0x fewer bytes"))
      << view.summary().toStdString();
}

TEST(TrafficViewTest, CumulativeModeShowsBytesSentSoFarOnEachLink) {
  TrafficView view;
  // Two whole seconds of 1 MB up per second, and a third still filling.
  for (double t : {0.2, 1.2, 2.2}) view.add(0, t, TrafficView::Kind::Push, 1'000'000);
  view.setMode(TrafficView::Mode::Cumulative);
  auto* chart = view.findChild<QChartView*>()->chart();
  auto* up = qobject_cast<QLineSeries*>(chart->series().at(0));
  ASSERT_NE(up, nullptr);
  ASSERT_EQ(up->count(), 2);
  EXPECT_DOUBLE_EQ(up->at(1).y(), 2.0);  // MB by the end of second 1
  view.setMode(TrafficView::Mode::Rate);
  EXPECT_DOUBLE_EQ(up->at(1).y(), 1.0);  // MB/s in second 1
}

TEST(TrafficViewTest, LinksWithTheSameTrafficStayVisibleOneAroundTheOther) {
  TrafficView view;
  for (int worker = 0; worker < 5; ++worker) {
    for (double t : {0.5, 1.5}) view.add(worker, t, TrafficView::Kind::Push, 1'000'000);
  }
  view.refresh();
  const auto series = view.findChild<QChartView*>()->chart()->series();
  ASSERT_EQ(series.size(), 10);  // a PUSH and a PARAMS line per worker, in worker order
  auto width = [&](int i) { return qobject_cast<QLineSeries*>(series.at(i))->pen().widthF(); };
  for (int worker = 0; worker < 4; ++worker) {
    EXPECT_GT(width(2 * worker), width(2 * worker + 2)) << worker;  // PUSH
    EXPECT_GT(width(2 * worker + 1), width(2 * worker + 3)) << worker;  // PARAMS
  }
  EXPECT_DOUBLE_EQ(width(8), 2.0);  // the last rank: the plain line
  view.add(5, 0.5, TrafficView::Kind::Push, 1'000'000);  // a sixth link: the bands spread again
  view.refresh();
  EXPECT_DOUBLE_EQ(width(8), 2.0 + 6.0 / 5);
}

}  // namespace
}  // namespace distlab::widgets

namespace distlab::widgets {
namespace {

// An all-reduce run: no PUSH, RING chunks to the next worker; the worker table counts those and
// the summary says what each worker sent.
TEST(TrafficViewTest, ARingRunCountsItsChunksWhereAServerRunCountsItsPushes) {
  TrafficView view;
  for (int step = 0; step < 10; ++step) {
    for (int w = 0; w < 4; ++w) {
      for (int hop = 0; hop < 6; ++hop) view.add(w, step * 0.1, TrafficView::Kind::Ring, 250000);
    }
  }
  view.refresh();
  EXPECT_EQ(view.bytesOfKind(TrafficView::Kind::Ring), 4u * 60 * 250000);
  ASSERT_EQ(view.table()->rowCount(), 4);
  EXPECT_EQ(view.table()->horizontalHeaderItem(1)->text(), "RING count");
  EXPECT_EQ(view.table()->item(0, 1)->text(), "60");
  EXPECT_EQ(view.table()->item(0, 2)->text(), "15.0");  // MB
  EXPECT_TRUE(view.summary().contains("15.0 MB per worker")) << view.summary().toStdString();
  ASSERT_EQ(view.kindTable()->rowCount(), 1);
  EXPECT_TRUE(view.kindTable()->item(0, 0)->text().startsWith("RING"));
  view.clear();
  EXPECT_EQ(view.table()->horizontalHeaderItem(1)->text(), "PUSH count");
}

}  // namespace
}  // namespace distlab::widgets
