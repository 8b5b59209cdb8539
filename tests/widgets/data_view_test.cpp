#include <gtest/gtest.h>

#include "widgets/data_view.h"

namespace distlab::widgets {
namespace {

TEST(DataViewTest, BarsEqualThePartitionStatistics) {
  DataView view;
  view.setWorker(0, {5, 0, 7}, 12, 10, 0.8);
  view.setWorker(1, {1, 9, 2}, 12, 12, 0.76);
  view.setUnusedFraction(0.368);
  EXPECT_EQ(view.workerCount(), 2);
  const std::vector<std::vector<double>> expected = {{5, 0, 7}, {1, 9, 2}};
  for (int w = 0; w < 2; ++w) {
    double total = 0;
    for (int c = 0; c < 3; ++c) {
      EXPECT_EQ(view.barValue(w, c), expected[w][c]) << w << " " << c;
      total += view.barValue(w, c);
    }
    EXPECT_EQ(total, 12.0);  // the worker's size, repeats counted
  }
  EXPECT_TRUE(view.summary().contains("36.8% of the training examples go to no worker"))
      << view.summary().toStdString();
  EXPECT_TRUE(view.summary().contains("Worker 1: 12 examples, 12 different; never sees 76.0%"))
      << view.summary().toStdString();
  view.clear();
  EXPECT_EQ(view.workerCount(), 0);
}

}  // namespace
}  // namespace distlab::widgets
