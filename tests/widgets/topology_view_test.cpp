#include <QFontMetrics>
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

TEST(TopologyViewTest, AWorkersBoxHoldsItsWholeTextWhenThereIsRoom) {
  TopologyView view;
  view.resize(1000, 400);
  view.setWorkerCount(4);
  for (int k = 0; k < 4; ++k) {
    view.setState(k, TopologyView::State::Slowed);
    view.setStep(k, 123456);
    view.setShare(k, 0.25);
  }
  const QFontMetrics metrics = view.fontMetrics();
  for (int k = 0; k < 4; ++k) {
    const QStringList lines = view.workerLines(k);
    ASSERT_EQ(lines.size(), 4);
    EXPECT_EQ(lines[0], QString("Worker %1").arg(k));
    EXPECT_EQ(lines[2], "step 123456");
    EXPECT_EQ(lines[3], "25% of the data");
    const QRect box = view.workerRect(k);
    for (const QString& line : lines) EXPECT_LE(metrics.horizontalAdvance(line) + 12, box.width());
    EXPECT_GE(box.height(),
              metrics.boundingRect(QRect(0, 0, 4096, 4096), Qt::AlignHCenter, lines.join('\n'))
                      .height() +
                  12);
    EXPECT_LE(box.bottom(), view.height());
  }
  // Many workers in a narrow view: each box stays in its own slot.
  view.resize(600, 300);
  view.setWorkerCount(16);
  for (int k = 0; k + 1 < 16; ++k) {
    EXPECT_GT(view.workerRect(k).width(), 0);
    EXPECT_LT(view.workerRect(k).right(), view.workerRect(k + 1).left());
  }
  EXPECT_FALSE(view.grab().isNull());
}

}  // namespace
}  // namespace distlab::widgets
