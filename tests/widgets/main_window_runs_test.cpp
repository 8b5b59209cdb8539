// The window's runs: this session's runs and opened ones in the Runs panel, compared on the
// chart and in a table, sweeps run in the window, run folders dropped on it, its layout kept.
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QJsonObject>
#include <QLineSeries>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "app/run_library.h"
#include "core/strategy_names.h"
#include "sweep/sweep_table.h"
#include "telemetry/metrics_table.h"
#include "widgets/run_comparison.h"
#include "widgets/runs_panel.h"
#include "widgets/span_store.h"
#include "widgets/spec_form.h"
#include "widgets/sweep_chart.h"
#include "widgets/timeline_view.h"
#include "widgets/training_chart.h"
#include "widgets/training_chart.h"
#include "window_test_support.h"

namespace distlab::app {
namespace {

using testing::RealEngine;
using testing::waitFor;

engine::MetricsTable metricsOf(const QString& folder) {
  return engine::readMetricsTable((folder + "/metrics.csv").toStdString());
}

/// The row of a comparison table by its label (empty when there is none).
QStringList comparisonRow(const widgets::RunComparison* table, const QString& label) {
  QStringList cells;
  for (int r = 0; r < table->table()->rowCount(); ++r) {
    const auto* header = table->table()->verticalHeaderItem(r);
    // A setting's row is titled "its label (its path)".
    if (!header || (header->text() != label && !header->text().endsWith("(" + label + ")")))
      continue;
    for (int c = 0; c < table->table()->columnCount(); ++c)
      cells << (table->table()->item(r, c) ? table->table()->item(r, c)->text() : QString());
  }
  return cells;
}

void drop(MainWindow& window, const QStringList& paths, bool* accepted = nullptr) {
  auto* data = new QMimeData;
  QList<QUrl> urls;
  for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
  data->setUrls(urls);
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(&window, &enter);
  if (accepted) *accepted = enter.isAccepted();
  if (enter.isAccepted()) {
    QDropEvent event(QPointF(10, 10), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &event);
  }
  delete data;
}

TEST(MainWindowRunsTest, TwoRunsAreListedOverlaidAndComparedWithTheSettingThatDiffers) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  widgets::RunsPanel* panel = window.runLibrary()->panel();
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  ASSERT_EQ(panel->runCount(), 1);
  const int first = window.runLibrary()->current();
  const QString firstFolder = window.runLibrary()->folderOf(first);
  EXPECT_EQ(firstFolder, window.runController()->runFolder());

  QJsonObject spec = window.specForm()->spec();
  QJsonObject training = spec.value("training").toObject();
  training.insert("lr", 0.3);
  spec.insert("training", training);
  window.specForm()->setSpec(spec);
  window.run();
  // The run before is ticked for comparison on its own, with its curves from its metrics.csv.
  EXPECT_EQ(panel->checkedRuns(), QList<int>{first});
  QLineSeries* overlay = window.chart()->comparedAccuracySeries(first);
  ASSERT_NE(overlay, nullptr);
  const auto firstMetrics = metricsOf(firstFolder);
  EXPECT_EQ(overlay->count(), static_cast<int>(firstMetrics.rows.size()));
  EXPECT_EQ(overlay->pen().color().rgb(), panel->color(first).rgb());
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  ASSERT_EQ(panel->runCount(), 2);
  const int second = window.runLibrary()->current();
  const QString secondFolder = window.runLibrary()->folderOf(second);
  EXPECT_NE(secondFolder, firstFolder);  // each run keeps its own folder
  EXPECT_TRUE(QFileInfo::exists(firstFolder + "/events.jsonl"));

  // Renaming a run renames its curves.
  panel->tree()->topLevelItem(0)->setText(widgets::RunsPanel::Name, "lr 0.1");
  EXPECT_EQ(overlay->name(), "lr 0.1: test accuracy");

  auto* dialog = window.runLibrary()->showComparison({first, second});
  auto* table = dialog->findChild<widgets::RunComparison*>();
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->table()->horizontalHeaderItem(0)->text(), "lr 0.1");
  EXPECT_EQ(comparisonRow(table, "training.lr"), (QStringList{"0.1", "0.3"}));
  EXPECT_TRUE(comparisonRow(table, "cluster.sync").isEmpty());  // the same in both
  const auto secondMetrics = metricsOf(secondFolder);
  EXPECT_EQ(comparisonRow(table, "Test accuracy"),
            (QStringList{QString::number(*firstMetrics.last("test_accuracy"), 'f', 4),
                         QString::number(*secondMetrics.last("test_accuracy"), 'f', 4)}));
  EXPECT_EQ(comparisonRow(table, "Completed"), (QStringList{"yes", "yes"}));
  if (const QByteArray shots = qgetenv("DISTLAB_SHOTS"); !shots.isEmpty())
    dialog->grab().save(QString::fromUtf8(shots) + "/comparison.png");
  dialog->close();

  // Clear comparison on the chart unticks the runs.
  window.chart()->clearComparison();
  EXPECT_TRUE(panel->checkedRuns().isEmpty());
}

TEST(MainWindowRunsTest, ASweepRunsInTheWindowAndOpensAgainAsAGroup) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  QTemporaryDir dir;
  const QString folder = dir.filePath("sweep");

  // Refused before anything runs, naming the field.
  EXPECT_FALSE(window.startSweep({"training.lr=abc"}, 1, folder));
  EXPECT_TRUE(window.statusText().contains("training.lr")) << window.statusText().toStdString();
  EXPECT_FALSE(window.startSweep({"training.lr=-1"}, 1, folder));
  EXPECT_TRUE(window.statusText().contains("training.lr=-1")) << window.statusText().toStdString();
  EXPECT_FALSE(QFileInfo::exists(folder));

  QSignalSpy sweepEnded(&window, &MainWindow::sweepEnded);
  ASSERT_TRUE(window.startSweep({"training.lr=0.05,0.2"}, 2, folder));
  EXPECT_TRUE(window.isSweeping());
  ASSERT_TRUE(sweepEnded.wait(180000)) << window.statusText().toStdString();
  EXPECT_FALSE(window.isSweeping());
  EXPECT_FALSE(window.isRunning());
  const int group = sweepEnded[0][0].toInt();
  const auto runs = window.runLibrary()->panel()->runsOf(group);
  ASSERT_EQ(runs.size(), 4);

  // Its table: a row per run, each the run's own final figures, as the command line writes it.
  const auto table = engine::readSweepTable((folder + "/sweep.csv").toStdString());
  EXPECT_EQ(table.fields, std::vector<std::string>{"training.lr"});
  ASSERT_EQ(table.rows.size(), 4u);
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    EXPECT_EQ(row.exitCode, 0);
    EXPECT_EQ(row.repeat, static_cast<int>(i % 2));
    const QString runFolder = folder + "/" + QString::fromStdString(row.folder);
    EXPECT_EQ(window.runLibrary()->folderOf(runs[static_cast<int>(i)]), runFolder);
    EXPECT_DOUBLE_EQ(row.figures.at("test_accuracy"), *metricsOf(runFolder).last("test_accuracy"));
  }
  EXPECT_EQ(table.rows[2].values[0], "0.2");
  auto* chartWindow = window.runLibrary()->showSweep(group);
  ASSERT_NE(chartWindow, nullptr);
  auto* chart = chartWindow->findChild<widgets::SweepChart*>();
  ASSERT_NE(chart, nullptr);
  EXPECT_TRUE(chart->numericAxis());
  EXPECT_EQ(chart->errorBars(), 2);  // two points of two repeats each
  if (const QByteArray shots = qgetenv("DISTLAB_SHOTS"); !shots.isEmpty()) {
    chartWindow->resize(760, 520);
    chartWindow->grab().save(QString::fromUtf8(shots) + "/sweep_window.png");
  }
  chartWindow->close();

  // The same folder again is refused: nothing of it is overwritten.
  EXPECT_FALSE(window.startSweep({"training.lr=0.05"}, 1, folder));
  EXPECT_TRUE(window.statusText().contains("holds a sweep already"))
      << window.statusText().toStdString();

  // Dropped on another window, the sweep's folder comes back as a group of its four runs.
  MainWindow other(&language);
  ASSERT_TRUE(other.openLesson(kDefaultLesson));
  drop(other, {folder});
  EXPECT_EQ(other.runLibrary()->panel()->runCount(), 4);
  EXPECT_EQ(other.runLibrary()->panel()->tree()->topLevelItemCount(), 1);
}

TEST(MainWindowRunsTest, StoppingASweepKeepsTheRunsItRanAndStartsNoMore) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  QTemporaryDir dir;
  const QString folder = dir.filePath("sweep");
  QSignalSpy sweepEnded(&window, &MainWindow::sweepEnded);
  ASSERT_TRUE(window.startSweep({"training.lr=0.05,0.1,0.2"}, 1, folder));
  auto rows = [&] {
    try {
      return engine::readSweepTable((folder + "/sweep.csv").toStdString()).rows.size();
    } catch (const std::exception&) {
      return std::size_t{0};
    }
  };
  ASSERT_TRUE(waitFor([&] { return rows() >= 1 && window.isRunning(); }, 120000));
  const std::size_t before = rows();
  window.stop();
  EXPECT_EQ(sweepEnded.count(), 1);
  EXPECT_FALSE(window.isSweeping());
  QTest::qWait(1500);
  EXPECT_FALSE(window.isRunning());  // no next run
  EXPECT_EQ(sweepEnded.count(), 1);  // said once, and not as finished
  EXPECT_TRUE(window.statusText().startsWith("Stopped")) << window.statusText().toStdString();
  const auto table = engine::readSweepTable((folder + "/sweep.csv").toStdString());
  ASSERT_EQ(table.rows.size(), before + 1);  // the stopped one is listed, as stopped
  EXPECT_EQ(table.rows.back().exitCode, -1);
  EXPECT_LT(table.rows.size(), 3u);
  EXPECT_EQ(window.runLibrary()->panel()->runCount(), static_cast<int>(before + 1));
}

TEST(MainWindowRunsTest, DroppedRunFoldersAreListedTheLastShownAndTheLayoutIsKept) {
  RealEngine engine;
  Language language;
  QTemporaryDir copy;
  {
    MainWindow live(&language);
    ASSERT_TRUE(live.openLesson(engine.lesson()));
    QSignalSpy ended(&live, &MainWindow::runEnded);
    live.run();
    ASSERT_TRUE(ended.wait(60000)) << live.statusText().toStdString();
    ASSERT_TRUE(testing::copyRunFolder(live.runController()->runFolder(), copy.path()));
  }
  QSettings().remove("window");
  QSettings().remove("recentFiles");
  {
    MainWindow window(&language);
    ASSERT_TRUE(window.openLesson(kDefaultLesson));
    bool accepted = true;
    drop(window, {copy.filePath("metrics.csv")}, &accepted);  // neither a folder nor a spec
    EXPECT_FALSE(accepted);
    drop(window, {copy.path()}, &accepted);
    EXPECT_TRUE(accepted);
    EXPECT_EQ(window.runLibrary()->panel()->runCount(), 1);
    EXPECT_GT(window.chart()->pointCount(), 0);
    EXPECT_EQ(window.runController()->runFolder(), copy.path());
    drop(window, {copy.path()});  // the same folder again: listed once
    EXPECT_EQ(window.runLibrary()->panel()->runCount(), 1);
    const std::size_t spans = window.timeline()->store().spanCount();

    // A line in the middle that does not decode: what came before it shows, and the log says so.
    QTemporaryDir broken;
    for (const QString file : {"spec.json", "metrics.csv"}) {
      ASSERT_TRUE(QFile::copy(copy.filePath(file), broken.filePath(file)));
    }
    QList<QByteArray> lines = testing::readFile(copy.filePath("events.jsonl")).split('\n');
    lines[lines.size() / 2] = "{\"e\":\"span\",\"lane\":";
    QFile events(broken.filePath("events.jsonl"));
    ASSERT_TRUE(events.open(QIODevice::WriteOnly));
    events.write(lines.join('\n'));
    events.close();
    ASSERT_TRUE(window.openRun(broken.path()));
    EXPECT_GT(window.timeline()->store().spanCount(), 0u);
    EXPECT_LT(window.timeline()->store().spanCount(), spans);
    EXPECT_TRUE(window.log()->toPlainText().contains(
        QString("line %1: not JSON").arg(lines.size() / 2 + 1)))
        << window.log()->toPlainText().toStdString();
    EXPECT_EQ(window.runLibrary()->panel()->runCount(), 2);
    drop(window, {copy.path()});
    auto* dock = window.findChild<QDockWidget*>("runsDock");
    ASSERT_NE(dock, nullptr);
    EXPECT_FALSE(dock->isHidden());
    window.show();
    dock->toggleViewAction()->trigger();  // the user closes the Runs panel
    EXPECT_TRUE(dock->isHidden());
    window.close();  // the layout is saved
  }
  EXPECT_EQ(QSettings().value("recentFiles").toStringList().value(0), copy.path());
  MainWindow again(&language);
  auto* dock = again.findChild<QDockWidget*>("runsDock");
  ASSERT_NE(dock, nullptr);
  EXPECT_TRUE(dock->isHidden());  // as it was left
  QSettings().remove("window");
}

// The Runs panel says what a run of each experiment was, not its spec id.
TEST(RunLibraryTest, EveryExperimentHasAName) {
  for (const std::string& id : engine::experimentNames()) {
    const QString name = RunLibrary::experimentName(QString::fromStdString(id));
    EXPECT_NE(name.toStdString(), id) << "no name for experiment " << id;
  }
}

// A shipped lesson's run is listed under the lesson's title in the window's language, while its
// spec.json keeps the name as written.
TEST(RunLibraryTest, AShippedLessonsRunGoesByItsTranslatedTitle) {
  QTemporaryDir run;
  ASSERT_TRUE(QFile::copy(QStringLiteral(DISTLAB_SOURCE_DIR
                                         "/engine/lessons/aggregation/lesson5-aggregation.json"),
                          run.filePath("spec.json")));
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  ASSERT_TRUE(QCoreApplication::installTranslator(&chinese));
  widgets::TrainingChart chart;
  QWidget window;
  RunLibrary library(&chart, &window);
  const int id = library.addRun(run.path(), true);
  const QString name = library.panel()->name(id);
  QCoreApplication::removeTranslator(&chinese);
  EXPECT_EQ(name, QString::fromUtf8("第 5 课：模型聚合方法"));
  EXPECT_TRUE(testing::readFile(run.filePath("spec.json")).contains("Lesson 5: aggregation methods"));
}

}  // namespace
}  // namespace distlab::app
