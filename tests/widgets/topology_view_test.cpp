#include <QSignalSpy>

#include <gtest/gtest.h>

#include "widgets/topology_view.h"

namespace distlab::widgets {
namespace {

TEST(TopologyViewTest, WorkersAreFoundWhereTheyAreDrawnAndActionsAreSignalled) {
  TopologyView view;
  view.resize(800, 300);
  view.setWorkerCount(4);
  EXPECT_EQ(view.workerCount(), 4);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(view.workerAt(view.workerRect(k).center()), k);
  EXPECT_EQ(view.workerAt(QPoint(400, 30)), -1);  // the server
  view.setState(2, TopologyView::State::Dead);
  EXPECT_EQ(view.state(2), TopologyView::State::Dead);
  QSignalSpy requested(&view, &TopologyView::actionRequested);
  view.requestAction(2, TopologyView::Action::Restart);
  ASSERT_EQ(requested.count(), 1);
  EXPECT_EQ(requested.at(0).at(0).toInt(), 2);
  view.setState(7, TopologyView::State::Dead);  // out of range: ignored
  EXPECT_FALSE(view.grab().isNull());
}

}  // namespace
}  // namespace distlab::widgets
