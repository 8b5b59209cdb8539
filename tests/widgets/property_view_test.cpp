// Lesson 8c's view: a ROC curve a protection, the victim's rounds split by the truth, the table
// and summary in words.
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTableWidget>

#include <gtest/gtest.h>

#include "widgets/property_view.h"

namespace distlab::widgets {
namespace {

PropertyData sample() {
  PropertyData d;
  d.dataset = "fashion-mnist";
  d.propertyClass = 0;
  d.settings = {{"none", 0, false, 120, 0.43, 0.936, 0.867, 0.7055, {{0, 0}, {0.1, 0.8}, {1, 1}}},
                {"noise", 0.3, false, 120, 0.43, 0.805, 0.75, 0.66, {{0, 0}, {0.3, 0.6}, {1, 1}}},
                {"none", 0, true, 119, 0.44, 0.681, 0.664, 0.7055, {{0, 0}, {1, 1}}}};
  d.scores = {0.9, 0.2, 0.7, 0.1};
  d.truth = {1, 0, 1, 0};
  return d;
}

TEST(PropertyViewTest, ShowsEachProtectionsRocAndTheScoredRounds) {
  PropertyView view;
  EXPECT_FALSE(view.hasData());
  view.setData(sample());
  ASSERT_TRUE(view.hasData());
  const auto roc = view.rocChart()->series();
  ASSERT_EQ(roc.size(), 4);  // guessing, then one a run
  EXPECT_EQ(roc[0]->name(), "guessing");
  EXPECT_EQ(roc[1]->name(), "no protection, AUC 0.94");
  EXPECT_EQ(roc[2]->name(), "noise (std 0.3), AUC 0.81");
  EXPECT_EQ(roc[3]->name(), "secure aggregation, AUC 0.68");
  EXPECT_EQ(static_cast<QLineSeries*>(roc[1])->points().size(), 3);
  const auto rounds = view.roundsChart()->series();
  ASSERT_EQ(rounds.size(), 3);
  const auto with = static_cast<QScatterSeries*>(rounds[0])->points();
  ASSERT_EQ(with.size(), 2);  // rounds 0 and 2 held the class
  EXPECT_DOUBLE_EQ(with[1].x(), 2);
  EXPECT_DOUBLE_EQ(with[1].y(), 0.7);
  EXPECT_EQ(static_cast<QScatterSeries*>(rounds[1])->points().size(), 2);
  ASSERT_EQ(view.table()->rowCount(), 3);
  EXPECT_EQ(view.table()->item(1, 0)->text(), "noise (std 0.3)");
  EXPECT_EQ(view.table()->item(1, 1)->text(), "0.805");
  EXPECT_EQ(view.table()->item(2, 3)->text(), "119");
  EXPECT_EQ(view.table()->item(1, 4)->text(), "66.0%");
  const QString summary = view.summary();
  EXPECT_TRUE(summary.contains("class 0 T-shirt/top (43% of its 120")) << summary.toStdString();
  EXPECT_TRUE(summary.contains("AUC 0.936 with no protection")) << summary.toStdString();
  EXPECT_TRUE(summary.contains("With secure aggregation: AUC 0.681, test accuracy 70.5%"))
      << summary.toStdString();
  view.resize(1000, 700);
  EXPECT_FALSE(view.grab().toImage().isNull());
  view.clear();
  EXPECT_FALSE(view.hasData());
  EXPECT_EQ(view.table()->rowCount(), 0);
}

}  // namespace
}  // namespace distlab::widgets
