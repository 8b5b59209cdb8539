#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>

#include <gtest/gtest.h>

#include "widgets/model_partition_view.h"

namespace distlab::widgets {
namespace {

TEST(ModelPartitionViewTest, BubblesPerStageCountAndBytesAgainstTheBatch) {
  ModelPartitionView view;
  EXPECT_FALSE(view.hasData());
  ModelPartitionData d;
  d.bubbles = {{2, 1, 0.55, 0.5, 0.5}, {2, 4, 0.3, 0.2, 0.28}, {3, 1, 0.7, 2.0 / 3, 0.66},
               {3, 4, 0.45, 1.0 / 3, 0.4}};
  // A model of 1000 floats, one boundary 100 wide: 8000 / batch against 800 bytes an example.
  for (double batch : {1.0, 4.0, 16.0, 64.0}) {
    d.bytes.push_back({batch, 8000.0 / batch, 800.0, batch == 16 ? 830.0 : -1.0});
  }
  d.gpipeActivationBytes = {4e6, 2e6};
  d.oneFOneBActivationBytes = {1e6, 0.5e6};
  view.setData(d);
  ASSERT_TRUE(view.hasData());
  // Two lines per stage count, the measured one solid with the run's points.
  const auto bubbles = view.bubbleChart()->series();
  ASSERT_EQ(bubbles.size(), 4);
  const auto* measured3 = static_cast<QLineSeries*>(bubbles[2]);
  EXPECT_EQ(measured3->count(), 2);
  EXPECT_DOUBLE_EQ(measured3->at(1).x(), 4.0);
  EXPECT_DOUBLE_EQ(measured3->at(1).y(), 0.45);
  EXPECT_DOUBLE_EQ(static_cast<QLineSeries*>(bubbles[3])->at(0).y(), 2.0 / 3);
  // Data parallel, pipeline, and the run's measured point.
  const auto bytes = view.bytesChart()->series();
  ASSERT_EQ(bytes.size(), 3);
  EXPECT_EQ(static_cast<QScatterSeries*>(bytes[2])->count(), 1);
  EXPECT_DOUBLE_EQ(view.crossoverBatch(), 10.0);
  EXPECT_TRUE(view.summary().contains("GPipe 4.00 / 2.00, 1F1B 1.00 / 0.50"))
      << view.summary().toStdString();
  EXPECT_TRUE(view.summary().contains("below 10")) << view.summary().toStdString();
  EXPECT_EQ(bubbles[0]->name(), "2 stages");
  ModelPartitionData skeleton;
  skeleton.skeletonAccuracy = 0.7467;
  skeleton.averagingAccuracy = 0.7787;
  skeleton.skeletonBytes = 32.4e6;
  skeleton.averagingBytes = 85.9e6;
  skeleton.skeletonWorkerParameters = 202170;
  skeleton.modelParameters = 535818;
  view.setData(skeleton);
  EXPECT_TRUE(view.hasData());
  EXPECT_TRUE(view.summary().contains("74.67% with sub-networks of 202170 of the model's 535818"))
      << view.summary().toStdString();
  // The layout: a tensor split's layers in two blocks each, one per shard.
  ModelPartitionData tensor;
  tensor.split = LayoutDiagram::Split::Tensor;
  tensor.layout = {{0, 64, 32, 0}, {0, 64, 32, 1}, {1, 10, 5, 0}, {1, 10, 5, 1}};
  view.setData(tensor);
  EXPECT_EQ(view.diagram()->blocks().size(), 4u);
  EXPECT_EQ(view.diagram()->ownerName(1), "Shard 1");
  EXPECT_EQ(view.diagram()->ownerName(LayoutDiagram::kSkeleton), "skeleton (every worker)");
  view.clear();
  EXPECT_TRUE(view.bubbleChart()->series().isEmpty());
}

}  // namespace
}  // namespace distlab::widgets
