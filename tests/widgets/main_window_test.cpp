// The window without a long run: lessons, language, the Experiment panel, files, exports, a
// failed or stopped engine.
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QTest>
#include <QSettings>
#include <QDockWidget>
#include <QContextMenuEvent>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "app/capture_store.h"
#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "app/report_export.h"
#include "app/run_controller.h"
#include "app/telemetry_hub.h"
#include "widgets/aggregation_view.h"
#include "widgets/averaging_view.h"
#include "widgets/convexity_view.h"
#include "widgets/data_view.h"
#include "widgets/lesson_panel.h"
#include "widgets/privacy_view.h"
#include "widgets/spec_form.h"
#include "widgets/staleness_view.h"
#include "widgets/timeline_view.h"
#include "widgets/topology_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"
#include "window_test_support.h"

namespace distlab::app {
namespace {

using namespace testing;

TEST(MainWindowTest, ShowsTheLessonAndSwitchesLanguageAtRunTime) {
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  auto* panel = window.findChild<widgets::LessonPanel*>();
  ASSERT_NE(panel, nullptr);
  EXPECT_EQ(panel->title(), "Fashion-MNIST MLP");
  EXPECT_EQ(window.menuBar()->actions().first()->text(), "&File");

  ASSERT_TRUE(language.set("zh_CN"));
  QCoreApplication::processEvents();
  EXPECT_EQ(panel->title(), QString::fromUtf8("Fashion-MNIST 多层感知机"));
  EXPECT_EQ(window.menuBar()->actions().first()->text(), QString::fromUtf8("文件(&F)"));
  EXPECT_EQ(window.windowTitle(), QString::fromUtf8("DistLab - 分布式学习实验室"));
  EXPECT_EQ(window.chart()->chart()->title(), QString::fromUtf8("训练进度"));
  EXPECT_TRUE(window.statusText().contains(QString::fromUtf8("就绪")))
      << window.statusText().toStdString();

  ASSERT_TRUE(language.set("en"));
  QCoreApplication::processEvents();
  EXPECT_EQ(panel->title(), "Fashion-MNIST MLP");
  EXPECT_EQ(window.windowTitle(), "DistLab - Distributed Learning Lab");
}

// A first start (no saved layout): the experiment panel is as wide as its form, so no value
// is cut off, and no view's controls make the window wider than its default size.
TEST(MainWindowTest, AFirstStartShowsTheWholeExperimentForm) {
  {
    QSettings settings;
    settings.remove("window");
  }
  Language language;
  MainWindow window(&language);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QTest::qWait(100);  // the first layout's events
  auto* dock = window.findChild<QDockWidget*>("experimentDock");
  auto* form = window.findChild<widgets::SpecForm*>();
  ASSERT_TRUE(dock && form);
  EXPECT_GE(dock->width(), form->sizeHint().width()) << "the form's values are cut off";
  EXPECT_LE(window.minimumSizeHint().width(), 1360);
}

// Every tab of every lesson, its title and its tooltip, in Chinese: a view whose tr() context
// differs from the one lupdate collected would stay English here.
TEST(MainWindowTest, EveryLessonsTabsAreTitledInChinese) {
  Language language;
  ASSERT_TRUE(language.set("zh_CN"));
  MainWindow window(&language);
  auto* tabs = window.findChild<QTabWidget*>();
  ASSERT_NE(tabs, nullptr);
  const auto hasChinese = [](const QString& text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00; });
  };
  for (const QString& lesson : shippedLessons()) {
    ASSERT_TRUE(window.openLesson(lesson)) << lesson.toStdString();
    for (int i = 0; i < tabs->count(); ++i) {
      EXPECT_TRUE(hasChinese(tabs->tabText(i))) << lesson.toStdString() << ": "
                                                << tabs->tabText(i).toStdString();
      EXPECT_TRUE(hasChinese(tabs->tabToolTip(i))) << lesson.toStdString() << ": "
                                                   << tabs->tabToolTip(i).toStdString();
    }
  }
  language.set("en");
}

// `distlab --run --report DIR` (or --screenshot) on a spec the window refuses: the problems on
// stderr, exit code 1, no report; the picture shows the marked field. Not a wait for a run that
// never starts.
TEST(MainWindowTest, AnUnattendedRunTheFormRefusesSaysWhyAndEnds) {
  RealEngine engine;
  const QString spec = engine.write("refused.json", R"({"name": "refused",
      "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "train_limit": 3},
      "model": {"arch": "mlp", "hidden": [32]}, "cluster": {"workers": 4}})");
  const QString report = QFileInfo(spec).absolutePath() + "/report";
  const QString picture = QFileInfo(spec).absolutePath() + "/refused.png";
  for (const QStringList& args : {QStringList{"--run", "--report", report, spec},
                                  QStringList{"--run", "--screenshot", picture, spec}}) {
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_CONFIG_HOME", QFileInfo(spec).absolutePath() + "/config");
    app.setProcessEnvironment(env);
    app.start(DISTLAB_APP_EXE, QStringList{"--lang", "en"} + args);
    ASSERT_TRUE(app.waitForFinished(60000)) << args.join(' ').toStdString();
    const QString err = QString::fromUtf8(app.readAllStandardError());
    EXPECT_EQ(app.exitCode(), 1) << err.toStdString();
    EXPECT_TRUE(err.contains("cluster.workers: 4 parts of 3 training rows")) << err.toStdString();
  }
  EXPECT_FALSE(QFileInfo::exists(report + "/report.html"));
  EXPECT_FALSE(QImage(picture).isNull());
}

TEST(MainWindowTest, TheExperimentPanelDecidesWhatRunsAndShowsProblemsInline) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  auto* form = window.specForm();
  // An impossible combination: LeNet-5 on blobs. Run refuses and the field says why.
  ASSERT_TRUE(form->choose("model.arch", "lenet5"));
  EXPECT_EQ(form->shownErrors().size(), 1);
  EXPECT_TRUE(form->shownErrors().value(0).startsWith("model.arch: \"lenet5\" needs an image data set"))
      << form->shownErrors().value(0).toStdString();
  window.run();
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().contains("problems")) << window.statusText().toStdString();
  EXPECT_EQ(window.specProblems(), form->shownErrors());  // what --run prints when it cannot start
  // A student switches to asynchronous training with three workers and runs.
  ASSERT_TRUE(form->choose("model.arch", "mlp"));
  EXPECT_TRUE(form->shownErrors().isEmpty());
  ASSERT_TRUE(form->choose("cluster.sync", "asp"));
  qobject_cast<QSpinBox*>(form->editorFor("cluster.workers"))->setValue(3);
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000));
  const QByteArray used = readFile(window.runController()->runFolder() + "/spec.json");
  EXPECT_TRUE(used.contains("\"sync\": \"asp\"")) << used.constData();
  EXPECT_TRUE(used.contains("\"workers\": 3")) << used.constData();
  EXPECT_EQ(readFile(window.runController()->runFolder() + "/events.jsonl").count("\"status\":\"joined\""), 3);
}

TEST(MainWindowTest, SavesTheEditedExperimentAndReopensItFromRecentFiles) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  ASSERT_TRUE(window.specForm()->choose("cluster.sync", "ssp"));
  QTemporaryDir dir;
  const QString path = dir.filePath("my experiment.json");
  ASSERT_TRUE(window.saveSpec(path));
  Lesson saved;
  QString error;
  ASSERT_TRUE(loadLesson(path, &saved, &error));
  EXPECT_TRUE(saved.specJson.contains("\"ssp\"")) << saved.specJson.constData();
  EXPECT_EQ(saved.name, "Fashion-MNIST MLP");
  // Saving into a folder that does not exist fails with a reason and keeps the old file.
  EXPECT_FALSE(window.saveSpec(dir.filePath("missing/x.json")));
  // The file is first in the recent list; opening it from there restores the edit.
  QMenu* recent = nullptr;
  for (auto* menu : window.findChildren<QMenu*>()) {
    if (menu->title() == "Recent experiments and runs") recent = menu;
  }
  ASSERT_NE(recent, nullptr);
  ASSERT_FALSE(recent->actions().isEmpty());
  EXPECT_EQ(recent->actions().first()->text(), "my experiment.json");
  window.newExperiment();
  EXPECT_EQ(qobject_cast<QComboBox*>(window.specForm()->editorFor("cluster.sync"))->currentData().toString(),
            "bsp");
  recent->actions().first()->trigger();
  EXPECT_EQ(qobject_cast<QComboBox*>(window.specForm()->editorFor("cluster.sync"))->currentData().toString(),
            "ssp");
}

TEST(MainWindowTest, PresentationModeEnlargesTheTextAndDarkThemeDarkensTheWindow) {
  Language language;
  MainWindow window(&language);
  QAction *presentation = nullptr, *dark = nullptr;
  for (auto* action : window.findChildren<QAction*>()) {
    if (action->text() == "&Presentation mode") presentation = action;
    if (action->text() == "&Dark theme") dark = action;
  }
  ASSERT_NE(presentation, nullptr);
  ASSERT_NE(dark, nullptr);
  presentation->setChecked(false);
  dark->setChecked(false);
  const double normal = QApplication::font().pointSizeF();
  const QColor lightWindow = QApplication::palette().color(QPalette::Window);
  presentation->setChecked(true);
  EXPECT_NEAR(QApplication::font().pointSizeF(), normal * 1.6, 0.01);
  dark->setChecked(true);
  EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 80);
  EXPECT_LT(window.chart()->chart()->backgroundBrush().color().lightness(), 80);
  presentation->setChecked(false);
  dark->setChecked(false);
  EXPECT_NEAR(QApplication::font().pointSizeF(), normal, 0.01);
  EXPECT_EQ(QApplication::palette().color(QPalette::Window), lightWindow);
}

TEST(MainWindowTest, TheEnginesProblemsAreShownInTheWindowsLanguage) {
  Language language;
  ASSERT_TRUE(language.set("zh_CN"));
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  auto* form = window.specForm();
  auto* slowdown = qobject_cast<QLineEdit*>(form->editorFor("cluster.slowdown"));
  slowdown->setText("3, 1");  // 2 entries for 4 workers
  emit slowdown->textEdited(slowdown->text());
  const QStringList shown = form->shownErrors();
  language.set("en");
  ASSERT_EQ(shown.size(), 1);
  EXPECT_EQ(shown[0],
            QString::fromUtf8(
                "cluster.slowdown: 有 2 项；允许：留空（所有工作节点相同）或每个工作节点一项（4 项）"))
      << shown[0].toStdString();
}

TEST(MainWindowTest, TheViewOnShowExportsAsValidPngSvgAndPdf) {
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  window.resize(1000, 700);
  window.show();  // laid out, so the view has its real size
  QCoreApplication::processEvents();
  window.chart()->addEpoch(1, 0.6, 0.5, 0.8);
  window.chart()->addEpoch(2, 0.4, 0.45, 0.85);
  QTemporaryDir dir;
  ASSERT_TRUE(window.exportCurrentView(dir.filePath("chart.png"), 2));
  const QImage png(dir.filePath("chart.png"));
  ASSERT_FALSE(png.isNull());
  EXPECT_EQ(png.size(), window.chart()->size() * 2);  // the view on show, at 2x
  ASSERT_TRUE(window.exportCurrentView(dir.filePath("chart.svg")));
  const QByteArray svg = readFile(dir.filePath("chart.svg"));
  QXmlStreamReader xml(svg);
  while (!xml.atEnd()) xml.readNext();
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  EXPECT_TRUE(svg.contains("<svg"));
  ASSERT_TRUE(window.exportCurrentView(dir.filePath("chart.pdf")));
  EXPECT_TRUE(readFile(dir.filePath("chart.pdf")).startsWith("%PDF"));
  EXPECT_FALSE(window.exportCurrentView(dir.filePath("chart.bmp")));     // not a format we write
  EXPECT_FALSE(window.exportCurrentView(dir.filePath("chart.png"), 9));  // scale out of range
}

TEST(MainWindowTest, RightClickOnAViewOffersItsPictureAndDataExports) {
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  window.resize(1000, 700);
  window.show();
  for (const QString view : {"traffic", "cluster"}) {
    ASSERT_TRUE(window.showView(view));
    QCoreApplication::processEvents();
    QWidget* target = view == "traffic" ? static_cast<QWidget*>(window.trafficView())
                                        : window.topologyView();
    QStringList items;
    QTimer::singleShot(200, [&items] {
      if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
        for (auto* action : menu->actions()) {
          if (!action->isSeparator()) items << action->text() + (action->isEnabled() ? "" : " (off)");
        }
        menu->close();
      }
    });
    // The cluster view keeps right-clicks on a worker for itself; this spot is beside them.
    const QPoint at(5, target->height() - 5);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, target->mapToGlobal(at));
    QApplication::sendEvent(target, &event);
    ASSERT_GE(items.size(), 3) << view.toStdString();
    EXPECT_TRUE(items[0].startsWith("Export picture")) << items[0].toStdString();
    for (const QString& table : tablesOfView(view)) {
      // No run yet: the data items are there but off.
      EXPECT_TRUE(items.contains("Export data as CSV (" + table + ")... (off)"))
          << items.join(" | ").toStdString();
    }
    EXPECT_TRUE(items.last().startsWith("Export &report")) << items.last().toStdString();
  }
}

TEST(MainWindowTest, AFailedRunShowsTheEnginesTypedReason) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.write(
      "missing.json", R"({"name": "no data", "dataset": {"name": "cifar10", "path": "/nonexistent"}})")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(20000));
  // The engine's RunEnded said why, typed; its own words name the missing folder.
  EXPECT_TRUE(window.statusText().startsWith("The run failed: the engine failed: "))
      << window.statusText().toStdString();
  EXPECT_TRUE(window.statusText().contains("/nonexistent")) << window.statusText().toStdString();
  EXPECT_TRUE(window.log()->toPlainText().contains("The run ended: the engine failed"));
  EXPECT_EQ(window.chart()->pointCount(), 0);
}

TEST(MainWindowTest, AnEngineThatDiesWithoutAWordIsReportedByItsExitCode) {
  FakeEngine engine("echo 'Segmentation fault' >&2\nexit 3\n");
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(10000));
  EXPECT_EQ(window.statusText().toStdString(),
            "The run failed: the training engine stopped unexpectedly (exit code 3)");
  // What it printed is kept for the failure's details, not parsed.
  EXPECT_EQ(window.runController()->engineOutput(), QStringList{"Segmentation fault"});
}

TEST(MainWindowTest, StopAndCloseLeaveNoProcessBehind) {
  // The engine starts a grandchild, as the cluster launcher will; stopping must end both.
  FakeEngine engine(
      "sleep 30 &\n"
      "echo $! > \"$(dirname \"$0\")/child\"\n"
      "echo $$ > \"$(dirname \"$0\")/engine\"\n"
      "wait\n");
  Language language;
  auto window = std::make_unique<MainWindow>(&language);
  ASSERT_TRUE(window->openLesson(kDefaultLesson));
  window->run();
  // "engine" is written last, so both pids are there once it is.
  for (int i = 0; i < 250 && !readFile(engine.filePath("engine")).endsWith('\n'); ++i) {
    QThread::msleep(20);
    QCoreApplication::processEvents();
  }
  const qint64 enginePid = readFile(engine.filePath("engine")).trimmed().toLongLong();
  const qint64 childPid = readFile(engine.filePath("child")).trimmed().toLongLong();
  ASSERT_GT(enginePid, 0);
  ASSERT_GT(childPid, 0);
  ASSERT_TRUE(window->isRunning());
  EXPECT_FALSE(processGone(childPid));
  window->close();  // closeEvent stops the run
  EXPECT_FALSE(window->isRunning());
  window.reset();
  EXPECT_TRUE(processGone(enginePid));
  for (int i = 0; i < 100 && !processGone(childPid); ++i) QThread::msleep(20);
  EXPECT_TRUE(processGone(childPid));
}

}  // namespace
}  // namespace distlab::app
