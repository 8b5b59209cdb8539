#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QStackedBarSeries>
#include <QTranslator>

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

TEST(DataViewTest, FashionMnistAndCifarClassesAreNamedInTheLegend) {
  DataView view;
  view.setWorker(0, std::vector<std::size_t>(10, 3), 30, 30, 0.5);
  auto legend = [&] {
    QStringList labels;
    for (auto* set : qobject_cast<QStackedBarSeries*>(view.chart()->series().at(0))->barSets()) {
      labels << set->label();
    }
    return labels;
  };
  EXPECT_EQ(legend().at(9), "9");  // no data set named: numbers
  view.setDataset("fashion-mnist");
  EXPECT_EQ(legend().at(0), "0 T-shirt/top");
  EXPECT_EQ(legend().at(9), "9 Ankle boot");
  view.setDataset("cifar10");
  EXPECT_EQ(legend().at(3), "3 cat");
  view.setDataset("mnist");
  EXPECT_EQ(legend().at(7), "7");
  view.setDataset("fashion-mnist");
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  QCoreApplication::processEvents();  // the LanguageChange
  const QString coat = legend().at(4);
  QCoreApplication::removeTranslator(&chinese);
  EXPECT_EQ(coat, QString::fromUtf8("4 外套"));
}

}  // namespace
}  // namespace distlab::widgets
