#include <QLineSeries>
#include <QTableWidget>

#include <gtest/gtest.h>

#include "widgets/aggregation_view.h"

namespace distlab::widgets {
namespace {

AggregationData fourMethods() {
  AggregationData d;
  const char* names[] = {"S-DNN", "MA-DNN", "E-DNN", "EC-DNN"};
  for (int m = 0; m < 4; ++m) {
    AggregationData::Method method;
    method.name = names[m];
    method.workers = m == 0 ? 1 : 4;
    method.finalAccuracy = 0.80 + 0.01 * m;
    method.modelParameters = m == 2 ? 400 : 100;
    method.bytes = 5e6 * (m + 1);
    method.wallSeconds = 2.0 + m;
    for (int r = 1; r <= 3; ++r) {
      method.curve.push_back({r, 0.5 * r, 1.0 * r + m, 0.6 + 0.05 * r, 1e6 * r * (m + 1)});
    }
    d.methods.push_back(method);
  }
  return d;
}

TEST(AggregationViewTest, ACurvePerMethodAgainstEpochsTimeOrBytes) {
  AggregationView view;
  EXPECT_FALSE(view.hasData());
  view.setData(fourMethods());
  auto* ec = view.series("EC-DNN");
  ASSERT_NE(ec, nullptr);
  ASSERT_EQ(ec->count(), 3);
  EXPECT_DOUBLE_EQ(ec->at(2).x(), 1.5);  // epoch
  EXPECT_DOUBLE_EQ(ec->at(2).y(), 0.75);
  view.setXAxis(AggregationView::XAxis::Round);
  EXPECT_DOUBLE_EQ(ec->at(2).x(), 3.0);
  view.setXAxis(AggregationView::XAxis::WallTime);
  EXPECT_DOUBLE_EQ(ec->at(2).x(), 6.0);  // 3 s + 3
  view.setXAxis(AggregationView::XAxis::Bytes);
  EXPECT_DOUBLE_EQ(ec->at(2).x(), 12.0);  // MB
}

TEST(AggregationViewTest, TheTableShowsTheEnsemblesSizeAndTheVerdictQuotesTheNumbers) {
  AggregationView view;
  view.setData(fourMethods());
  ASSERT_EQ(view.table()->rowCount(), 4);
  EXPECT_EQ(view.table()->item(2, 3)->text(), "400 (4x)");
  EXPECT_EQ(view.table()->item(2, 4)->text(), "4x");  // four forward passes per prediction
  EXPECT_EQ(view.table()->item(1, 4)->text(), "1x");
  EXPECT_EQ(view.table()->item(3, 2)->text(), "83.00 %");
  EXPECT_TRUE(view.verdict().contains("EC-DNN 83.00 % vs MA-DNN 81.00 %"))
      << view.verdict().toStdString();
  view.clear();
  EXPECT_EQ(view.table()->rowCount(), 0);
}

}  // namespace
}  // namespace distlab::widgets
