#include <QApplication>
#include <QContextMenuEvent>
#include <QFontMetrics>
#include <QSignalSpy>

#include <set>

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

// A model-parallel run: the network on top, coloured by holder, the coordinator under it and
// the processes named by their part, joined to their neighbours; no commands on them.
TEST(TopologyViewTest, AModelParallelRunDrawsTheNetworkColouredByTheProcessThatHoldsIt) {
  TopologyView view;
  view.resize(900, 600);
  view.setWorkerCount(3);
  EXPECT_FALSE(view.hasModelLayout());
  EXPECT_TRUE(view.diagramRect().isEmpty());
  using Block = LayoutDiagram::Block;
  // Stage 0: layer 1; stage 1: layer 2; stage 2: layers 3 and 4.
  view.setModelLayout(LayoutDiagram::Split::Pipeline,
                      {Block{0, 1024, 1024, 0}, Block{1, 1024, 1024, 1}, Block{2, 1024, 1024, 2},
                       Block{3, 10, 10, 2}});
  ASSERT_TRUE(view.hasModelLayout());
  EXPECT_EQ(view.workerLines(0)[0], "Stage 0");
  EXPECT_EQ(view.workerLines(0)[3], "layer 1");
  EXPECT_EQ(view.workerLines(2)[3], "layers 3-4");
  const QRect diagram = view.diagramRect();
  EXPECT_FALSE(diagram.isEmpty());
  for (int k = 0; k < 3; ++k) EXPECT_GT(view.workerRect(k).top(), diagram.bottom());
  // Each layer's column is painted in its stage's colour: search the diagram's band for them.
  const QImage image = view.grab().toImage();
  std::set<QRgb> seen;
  for (int x = diagram.left(); x < diagram.right(); x += 3) {
    seen.insert(image.pixel(x, diagram.center().y()));
  }
  for (int k = 0; k < 3; ++k) EXPECT_TRUE(seen.count(LayoutDiagram::ownerColor(k).rgb())) << k;
  EXPECT_FALSE(seen.count(LayoutDiagram::ownerColor(3).rgb()));
  // A tensor split: shards, each with its share of the neurons.
  view.setWorkerCount(2);
  view.setModelLayout(LayoutDiagram::Split::Tensor, {Block{0, 100, 25, 0}, Block{0, 100, 75, 1},
                                                     Block{1, 10, 5, 0}, Block{1, 10, 5, 1}});
  EXPECT_EQ(view.workerLines(1)[0], "Shard 1");
  EXPECT_EQ(view.workerLines(0)[3], "27% of the neurons");  // (25 + 5) / 110
  view.pulseNeighbours(0, true);
  view.pulseNeighbours(5, true);  // out of range: ignored
  EXPECT_FALSE(view.grab().isNull());
  // A skeleton worker holds the skeleton too.
  view.setModelLayout(LayoutDiagram::Split::Skeleton,
                      {Block{0, 100, 20, LayoutDiagram::kSkeleton}, Block{0, 100, 30, 0},
                       Block{0, 100, 30, 1}, Block{0, 100, 40, LayoutDiagram::kNobody}});
  EXPECT_EQ(view.workerLines(0)[0], "Worker 0");
  EXPECT_EQ(view.workerLines(1)[3], "50% of the neurons");
  view.clearModelLayout();
  EXPECT_FALSE(view.hasModelLayout());
  EXPECT_EQ(view.workerLines(0)[3], "0% of the data");
  // A federated worker says how many of its clients trained this round.
  view.setNote(1, "3 clients this round");
  EXPECT_EQ(view.workerLines(1)[3], "3 clients this round");
  view.setNote(1, {});
  EXPECT_EQ(view.workerLines(1)[3], "0% of the data");
}

// An all-reduce run: no server, a ring. Each worker's neighbours are joined, the last back to
// the first below the boxes; its workers take no commands (there is no server to carry them).
TEST(TopologyViewTest, ARingRunDrawsTheWorkersInARingUnderACoordinator) {
  TopologyView view;
  view.resize(900, 400);
  view.setWorkerCount(4);
  const QRect serverBox = view.workerRect(0);
  view.setRing(true);
  ASSERT_TRUE(view.isRing());
  EXPECT_LT(view.workerRect(0).bottom(), serverBox.bottom());  // room for the closing arc
  EXPECT_EQ(view.workerLines(0)[0], "Worker 0");
  view.pulseRing(3);
  view.pulseRing(9);  // out of range: ignored
  // The closing arc runs below worker 1 and 2's boxes, from worker 3 back to worker 0.
  const QImage image = view.grab().toImage();
  bool arc = false;
  const int x = view.workerRect(1).center().x();
  for (int y = view.workerRect(1).bottom() + 4; y < view.height(); ++y) {
    arc |= QColor(image.pixel(x, y)).lightness() < 200;
  }
  EXPECT_TRUE(arc);
  QSignalSpy requested(&view, &TopologyView::actionRequested);
  QContextMenuEvent menu(QContextMenuEvent::Mouse, view.workerRect(1).center());
  QApplication::sendEvent(&view, &menu);
  EXPECT_FALSE(menu.isAccepted());
  EXPECT_EQ(requested.count(), 0);
  view.setRing(false);
  EXPECT_EQ(view.workerRect(0), serverBox);
}

}  // namespace
}  // namespace distlab::widgets
