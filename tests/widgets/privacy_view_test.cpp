#include <QJsonObject>
#include <QComboBox>
#include <QJsonArray>
#include <QChartView>
#include <QLineSeries>
#include <QLogValueAxis>

#include <cmath>
#include <QTableWidget>

#include <gtest/gtest.h>

#include "widgets/privacy_view.h"

namespace distlab::widgets {
namespace {

TEST(PrivacyViewTest, ShowsEachImagesScoresTheAttackCurveAndThePrivacyUtilityPoints) {
  PrivacyView view;
  EXPECT_FALSE(view.hasData());
  PrivacyData d;
  d.grid = QImage(230, 230, QImage::Format_Grayscale8);
  d.grid.fill(128);
  d.images = {{0, 9, 9, 71.2, 0.999}, {3, 1, 4, 12.5, 0.31}};
  d.curve = {{1, 0.01, 80.0, 5.0}, {2, 0.02, 1.0, 20.0}, {3, 0.03, 1e-4, 45.0}};
  d.utility = {{"noise", 0.0, 100.0, 1.0, 0.78}, {"noise", 0.01, 21.5, 0.8, 0.79},
               {"noise", 0.1, 1.0, 0.1, 0.71}};
  view.setData(d);
  ASSERT_TRUE(view.hasData());
  ASSERT_EQ(view.table()->rowCount(), 2);
  EXPECT_EQ(view.table()->item(1, 2)->text(), "4");  // the label the attack found
  d.dataset = "fashion-mnist";  // named classes
  view.setData(d);
  EXPECT_EQ(view.table()->item(0, 1)->text(), "9 Ankle boot");
  EXPECT_EQ(view.table()->item(1, 2)->text(), "4 Coat");
  EXPECT_EQ(view.table()->item(0, 3)->text(), "71.2 dB");
  ASSERT_EQ(view.psnrSeries()->count(), 3);
  EXPECT_DOUBLE_EQ(view.psnrSeries()->at(2).y(), 45.0);
  // "none" (strength 0) stays in the table only: a log axis has no 0.
  ASSERT_EQ(view.utilityAccuracySeries()->count(), 2);
  EXPECT_DOUBLE_EQ(view.utilityAccuracySeries()->at(1).x(), 0.1);
  EXPECT_DOUBLE_EQ(view.utilityAccuracySeries()->at(1).y(), 0.71);
  QImage live(230, 230, QImage::Format_Grayscale8);
  live.fill(10);
  view.showProgress(live, 75);  // the grid so far, during the attack
  EXPECT_EQ(view.progressIteration(), 75);
  view.clear();
  EXPECT_FALSE(view.hasData());
}

// A converged attack's distance falls ~16 decades; a label every decade or two would not fit the
// short chart and Qt would elide every one of them.
TEST(PrivacyViewTest, TheDistanceAxisHasAtMostFiveLabelsOverAnyRange) {
  PrivacyView view;
  for (const double smallest : {1e-2, 1e-6, 4.9e-14, 1e-30}) {
    PrivacyData d;
    d.curve = {{1, 0.01, 7.44, 6.2}, {2, 0.02, 0.3, 20.0}, {300, 0.4, smallest, 100.0}};
    view.setData(d);
    const QLogValueAxis* axis = nullptr;
    for (auto* chartView : view.findChildren<QChartView*>()) {
      for (auto* a : chartView->chart()->axes(Qt::Vertical)) {
        if (auto* log = qobject_cast<QLogValueAxis*>(a); log && log->titleText() == "Distance") {
          axis = log;
        }
      }
    }
    ASSERT_NE(axis, nullptr);
    EXPECT_LE(axis->min(), smallest);
    EXPECT_GE(axis->max(), 7.44);
    const double labels = std::log(axis->max() / axis->min()) / std::log(axis->base()) + 1;
    EXPECT_LE(labels, 5.0 + 1e-9) << smallest;
  }
}

TEST(PrivacyViewTest, TheOptimizerAndDistanceGoIntoTheSpec) {
  PrivacyView view;
  view.setSettings(QJsonObject{
      {"privacy", QJsonObject{{"optimizer", "adam"}, {"distance", "cosine"}, {"images", QJsonArray{3}}}}});
  QString error;
  QJsonObject privacy = view.applySettings(QJsonObject{}, &error)["privacy"].toObject();
  EXPECT_EQ(privacy["optimizer"].toString(), "adam");
  EXPECT_EQ(privacy["distance"].toString(), "cosine");
  for (auto* box : view.findChildren<QComboBox*>()) {
    if (box->findData("lbfgs") >= 0) box->setCurrentIndex(box->findData("lbfgs"));
  }
  privacy = view.applySettings(QJsonObject{}, &error)["privacy"].toObject();
  EXPECT_EQ(privacy["optimizer"].toString(), "lbfgs");
  EXPECT_EQ(privacy["images"].toArray(), QJsonArray{3});
}

// The attack and defense lists say what each choice is, in the window's language; the spec
// still gets the ids.
TEST(PrivacyViewTest, TheAttackAndDefenseChoicesAreNamedAndWriteTheirIds) {
  PrivacyView view;
  view.setSettings(QJsonObject{{"privacy", QJsonObject{{"attack", "idlg"}, {"defense", "dp"}}}});
  QComboBox *attack = nullptr, *defense = nullptr;
  for (auto* box : view.findChildren<QComboBox*>()) {
    if (box->findData("idlg") >= 0) attack = box;
    if (box->findData("local-steps") >= 0) defense = box;
  }
  ASSERT_TRUE(attack && defense);
  EXPECT_EQ(attack->currentText(), PrivacyView::attackName("idlg"));
  EXPECT_EQ(attack->currentText(), "iDLG (the label read off first)");
  EXPECT_EQ(defense->currentText(), "DP-SGD (each example clipped, noise added)");
  for (int i = 0; i < defense->count(); ++i) {
    EXPECT_NE(defense->itemText(i), defense->itemData(i).toString()) << "an id shown raw";
  }
  QString error;
  const QJsonObject privacy = view.applySettings(QJsonObject{}, &error)["privacy"].toObject();
  EXPECT_EQ(privacy["attack"].toString(), "idlg");
  EXPECT_EQ(privacy["defense"].toString(), "dp");
}

TEST(PrivacyViewTest, OffersCapturedPushesAndKeepsTheChoiceWhenTheListChanges) {
  PrivacyView view;
  EXPECT_EQ(view.selectedCapture(), -1);  // the test images
  auto capture = [](const QString& folder, int step) {
    CapturedPush c;
    c.folder = folder;
    c.worker = 1;
    c.step = step;
    c.spec = QJsonObject{{"name", folder}};
    return c;
  };
  view.setCaptures({capture("a", 1), capture("b", 2)});
  EXPECT_EQ(view.captureCount(), 2);
  EXPECT_EQ(view.selectedCapture(), -1);  // offered, not chosen
  view.setCaptures({capture("a", 1), capture("b", 2), capture("c", 3)}, 2);
  EXPECT_EQ(view.selectedCapture(), 2);
  QString error;
  QJsonObject spec = view.applySettings(QJsonObject{{"name", "form"}}, &error);
  EXPECT_EQ(spec["name"].toString(), "c");  // the capture's own run
  EXPECT_EQ(spec["privacy"].toObject()["capture_from"].toString(), "c");
  // "a" pruned: "c" stays chosen at its new place.
  view.setCaptures({capture("b", 2), capture("c", 3)});
  EXPECT_EQ(view.selectedCapture(), 1);
  // The chosen capture pruned: back to the test images, and no capture_from is left over.
  view.setCaptures({capture("d", 4)});
  EXPECT_EQ(view.selectedCapture(), -1);
  spec = view.applySettings(spec, &error);
  EXPECT_FALSE(spec["privacy"].toObject().contains("capture_from")) << error.toStdString();
  // A spec that attacks an offered capture shows it as the target; one that does not, the test
  // images.
  view.setCaptures({capture("d", 4), capture("e", 5)});
  view.setSettings(QJsonObject{{"privacy", QJsonObject{{"capture_from", "e"}}}});
  EXPECT_EQ(view.selectedCapture(), 1);
  view.setSettings(QJsonObject{{"privacy", QJsonObject{}}});
  EXPECT_EQ(view.selectedCapture(), -1);
}

}  // namespace
}  // namespace distlab::widgets
