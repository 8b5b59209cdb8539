#include <QAbstractItemDelegate>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFont>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTableWidget>
#include <QTreeWidget>
#include <QValueAxis>

#include <gtest/gtest.h>

#include "widgets/run_comparison.h"
#include "widgets/runs_panel.h"
#include "widgets/sweep_chart.h"
#include "widgets/sweep_dialog.h"

namespace distlab::widgets {
namespace {

RunRow row(const QString& name, double accuracy) {
  RunRow r;
  r.name = name;
  r.color = Qt::red;
  r.settings = "2 workers";
  r.path = "/tmp/" + name;
  r.accuracy = accuracy;
  r.bytesToServer = 38'600'000;
  return r;
}

TEST(RunsPanelTest, ListsRunsAndGroupsAndSaysWhatTheUserTicksAndRenames) {
  RunsPanel panel;
  QSignalSpy checked(&panel, &RunsPanel::checkedChanged);
  QSignalSpy renamed(&panel, &RunsPanel::renamed);
  EXPECT_FALSE(panel.compareButton()->isEnabled());
  const int a = panel.addRun(row("bsp", 0.8));
  const int group = panel.addGroup("Sweep: lr", "/tmp/sweep");
  const int b = panel.addRun(row("01-lr=0.1", 0.7), group);
  const int c = panel.addRun(row("02-lr=0.5", 0.6), group);
  EXPECT_EQ(panel.runCount(), 3);
  EXPECT_EQ(panel.runsOf(group), (QList<int>{b, c}));
  EXPECT_EQ(panel.tree()->topLevelItemCount(), 2);
  EXPECT_EQ(panel.tree()->topLevelItem(0)->text(RunsPanel::Accuracy), "0.8000");
  EXPECT_EQ(panel.tree()->topLevelItem(0)->text(RunsPanel::Bytes), "38.6 MB");
  EXPECT_EQ(panel.tree()->topLevelItem(0)->text(RunsPanel::Loss), "-");  // not measured

  // A tick by the user (on the item, as a click does) is heard once.
  panel.tree()->topLevelItem(1)->child(1)->setCheckState(RunsPanel::Name, Qt::Checked);
  ASSERT_EQ(checked.count(), 1);
  EXPECT_EQ(checked[0][0].toInt(), c);
  EXPECT_TRUE(checked[0][1].toBool());
  panel.setChecked(a, true);
  EXPECT_EQ(panel.checkedRuns(), (QList<int>{a, c}));
  EXPECT_TRUE(panel.compareButton()->isEnabled());
  QSignalSpy compare(&panel, &RunsPanel::compareRequested);
  panel.compareButton()->click();
  ASSERT_EQ(compare.count(), 1);
  EXPECT_EQ(compare[0][0].value<QList<int>>(), (QList<int>{a, c}));
  EXPECT_EQ(renamed.count(), 0);  // ticks are not renames

  panel.tree()->topLevelItem(0)->setText(RunsPanel::Name, "  BSP, lr 0.05 ");
  ASSERT_EQ(renamed.count(), 1);
  EXPECT_EQ(renamed[0][1].toString(), "BSP, lr 0.05");
  EXPECT_EQ(panel.name(a), "BSP, lr 0.05");
  EXPECT_EQ(checked.count(), 2);                                  // the rename was not a tick
  panel.tree()->topLevelItem(0)->setText(RunsPanel::Name, "  ");  // emptied: the name comes back
  EXPECT_EQ(panel.name(a), "BSP, lr 0.05");
  EXPECT_EQ(renamed.count(), 1);
  // Only the name has an editor: figures are measured, not typed.
  QStyleOptionViewItem option;
  const QModelIndex accuracy = panel.tree()->model()->index(0, RunsPanel::Accuracy);
  const QModelIndex name = panel.tree()->model()->index(0, RunsPanel::Name);
  EXPECT_EQ(panel.tree()->itemDelegate()->createEditor(panel.tree(), option, accuracy), nullptr);
  QWidget* editor = panel.tree()->itemDelegate()->createEditor(panel.tree(), option, name);
  EXPECT_NE(editor, nullptr);
  delete editor;

  // New figures keep the user's name; the current run is bold.
  RunRow later = row("bsp", 0.85);
  panel.updateRun(a, later);
  EXPECT_EQ(panel.tree()->topLevelItem(0)->text(RunsPanel::Accuracy), "0.8500");
  EXPECT_TRUE(panel.name(a).contains("lr 0.05"));
  panel.setCurrent(b);
  EXPECT_TRUE(panel.tree()->topLevelItem(1)->child(0)->font(RunsPanel::Name).bold());
  EXPECT_FALSE(panel.tree()->topLevelItem(0)->font(RunsPanel::Name).bold());
  EXPECT_EQ(panel.color(b), QColor(Qt::red));
}

TEST(RunComparisonTest, MarksDifferingCellsAndWritesCsv) {
  RunComparison table;
  table.setRuns({{"BSP", Qt::red}, {"ASP, fast", Qt::blue}});
  table.addSection("Final figures");
  table.addRow("Test accuracy", {"0.8", "0.8"});
  table.addRow("cluster.sync", {"bsp", "asp"});
  ASSERT_EQ(table.table()->rowCount(), 3);
  EXPECT_EQ(table.table()->columnSpan(0, 0), 2);
  EXPECT_FALSE(table.table()->item(1, 0)->font().bold());
  EXPECT_TRUE(table.table()->item(2, 1)->font().bold());
  EXPECT_EQ(table.toCsv(),
            ",BSP,\"ASP, fast\"\n"
            ",Final figures,\n"
            "Test accuracy,0.8,0.8\n"
            "cluster.sync,bsp,asp\n");
}

TEST(SweepChartTest, NumbersOnAValueAxisWithErrorBarsWhereThereAreRepeats) {
  SweepChart chart;
  chart.resize(700, 450);
  chart.setFigures({{"test_accuracy", "Test accuracy"}, {"test_loss", "Test loss"}});
  EXPECT_EQ(chart.figure(), "test_accuracy");
  QSignalSpy changed(&chart, &SweepChart::figureChanged);
  chart.setFigure("test_loss");
  EXPECT_EQ(changed.count(), 1);
  std::vector<SweepChart::Curve> curves(2);
  curves[0] = {"cluster.sync = bsp",
               {SweepChart::Point{0.7, 0.02, 3}, SweepChart::Point{0.8, 0.01, 3}, std::nullopt}};
  curves[1] = {"cluster.sync = asp",
               {SweepChart::Point{0.65, 0.0, 1}, SweepChart::Point{0.75, 0.03, 2},
                SweepChart::Point{0.5, 0.1, 2}}};
  chart.setData("training.lr", {"0.05", "0.01", "0.1"}, "Test accuracy",
                {curves[0], {curves[1].name, {curves[1].at[1], curves[1].at[0], curves[1].at[2]}}});
  // Numbers are drawn left to right whatever order they came in.
  auto* asp = qobject_cast<QLineSeries*>(chart.chart()->series()[2 + 2]);  // after bsp's 2 bars
  ASSERT_NE(asp, nullptr);
  EXPECT_EQ(asp->name(), "cluster.sync = asp");
  EXPECT_EQ(asp->at(0), QPointF(0.01, 0.65));
  EXPECT_EQ(asp->at(1), QPointF(0.05, 0.75));
  chart.setData("training.lr", {"0.01", "0.05", "0.1"}, "Test accuracy", curves);
  EXPECT_TRUE(chart.numericAxis());
  EXPECT_EQ(chart.errorBars(), 4);  // every point but the one measured once, and the gap
  auto* x = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).first());
  ASSERT_NE(x, nullptr);
  EXPECT_LE(x->min(), 0.01);
  EXPECT_GE(x->max(), 0.1);
  auto* y = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).first());
  EXPECT_LE(y->min(), 0.4);  // the lowest bar's end, 0.5 - 0.1
  EXPECT_GE(y->max(), 0.81);
  QStringList named;  // the legend's entries: the curves, not their dots or bars
  for (auto* series : chart.chart()->series()) {
    if (!series->name().isEmpty()) named << series->name();
  }
  EXPECT_EQ(named, (QStringList{"cluster.sync = bsp", "cluster.sync = asp"}));
  if (const QByteArray dir = qgetenv("DISTLAB_SHOTS"); !dir.isEmpty())
    chart.grab().save(QString::fromUtf8(dir) + "/sweep_chart.png");

  chart.setData("cluster.sync", {"bsp", "asp"}, "Test accuracy",
                {{"", {SweepChart::Point{0.7, 0.0, 1}, SweepChart::Point{0.75, 0.0, 1}}}});
  EXPECT_FALSE(chart.numericAxis());
  EXPECT_NE(qobject_cast<QCategoryAxis*>(chart.chart()->axes(Qt::Horizontal).first()), nullptr);
  EXPECT_EQ(chart.errorBars(), 0);
  EXPECT_FALSE(chart.chart()->legend()->isVisible());
}

TEST(SweepDialogTest, GathersTheVaryOptionsAndRunsOnlyWhenTheWindowSaysSo) {
  SweepDialog dialog;
  dialog.setFields(
      {{"training.lr", "Learning rate"}, {"cluster.sync", ""}, {"cluster.workers", ""}});
  EXPECT_EQ(dialog.fieldBox(0)->itemText(0), "Learning rate (training.lr)");
  QSignalSpy changed(&dialog, &SweepDialog::changed);
  dialog.setAxis(0, "training.lr", "0.01, 0.1");
  EXPECT_GE(changed.count(), 1);
  EXPECT_EQ(dialog.varyOptions(), (QStringList{"training.lr=0.01, 0.1"}));
  dialog.setAxis(1, "cluster.sync", "bsp,asp");
  EXPECT_EQ(dialog.varyOptions(), (QStringList{"training.lr=0.01, 0.1", "cluster.sync=bsp,asp"}));
  // A choice field's values are written as ids: the box lists them with their names.
  dialog.setChoices({{"cluster.sync", {"bsp", "asp", "ssp"}}});
  EXPECT_EQ(dialog.valuesEdit(1)->placeholderText(), "e.g. bsp,asp");
  EXPECT_TRUE(dialog.valuesEdit(1)->toolTip().contains("ssp = SSP (bounded staleness)"))
      << dialog.valuesEdit(1)->toolTip().toStdString();
  EXPECT_FALSE(dialog.valuesEdit(0)->toolTip().contains("Allowed"));
  dialog.setAxis(1, "", "");
  EXPECT_EQ(dialog.varyOptions().size(), 1);  // "(nothing)" on the second axis
  auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
  dialog.setVerdict(0, "training.lr: not a number");
  EXPECT_FALSE(ok->isEnabled());
  dialog.setVerdict(6, QString());
  EXPECT_TRUE(ok->isEnabled());
  dialog.setRepeats(3);
  EXPECT_EQ(dialog.repeats(), 3);
  dialog.setFolder(" /tmp/sweep ");
  EXPECT_EQ(dialog.folder(), "/tmp/sweep");
}

}  // namespace
}  // namespace distlab::widgets
