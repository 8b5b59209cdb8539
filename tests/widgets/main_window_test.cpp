#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "telemetry/run_tables.h"

#include "app/capture_store.h"
#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "app/report_export.h"
#include "app/run_controller.h"
#include "widgets/aggregation_view.h"
#include "widgets/averaging_view.h"
#include "widgets/convexity_view.h"
#include "widgets/privacy_view.h"
#include "widgets/data_view.h"
#include "widgets/lesson_panel.h"
#include "widgets/spec_form.h"
#include "widgets/staleness_view.h"
#include "widgets/timeline_view.h"
#include "widgets/topology_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace distlab::app {
namespace {

// A stand-in for distlab-engine on the PATH: a shell script with the given body.
class FakeEngine {
 public:
  explicit FakeEngine(const QByteArray& body) : m_oldPath(qgetenv("PATH")) {
    QFile script(m_dir.filePath("distlab-engine"));
    EXPECT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n" + body);
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("PATH", m_dir.path().toUtf8() + ":" + m_oldPath);
  }
  ~FakeEngine() { qputenv("PATH", m_oldPath); }
  QString filePath(const QString& name) const { return m_dir.filePath(name); }

 private:
  QTemporaryDir m_dir;
  QByteArray m_oldPath;
};

QByteArray readFile(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool processGone(qint64 pid) {
  // A zombie (killed, not yet reaped by whoever inherited it) counts as gone.
  const QByteArray stat = readFile(QString("/proc/%1/stat").arg(pid));
  return stat.isEmpty() || stat.contains(") Z ");
}

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

// The real distlab-engine from the build tree, first on the PATH for the window to find.
class RealEngine {
 public:
  RealEngine() : m_oldPath(qgetenv("PATH")) {
    qputenv("PATH", QFileInfo(DISTLAB_ENGINE_EXE).absolutePath().toUtf8() + ":" + m_oldPath);
  }
  ~RealEngine() { qputenv("PATH", m_oldPath); }
  /// A small lesson file: 4 classes of blobs, 2 workers, `extra` merged into "cluster".
  QString lesson(const QByteArray& extra = "") {
    const QString path = m_dir.filePath("lesson.json");
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"name": "small cluster", "description": "blobs on two workers", "seed": 5,
      "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
      "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
      "training": {"epochs": 3, "batch_size": 32, "lr": 0.1},
      "cluster": {"workers": 2, "sync": "bsp", "eval_every": 5, "heartbeat_ms": 100)" +
               extra + "}}");
    return path;
  }

 private:
  QTemporaryDir m_dir;
  QByteArray m_oldPath;
};

template <class Pred>
bool waitFor(Pred pred, int ms) {
  for (int waited = 0; !pred(); waited += 10) {
    if (waited > ms) return false;
    QThread::msleep(10);
    QCoreApplication::processEvents();
  }
  return true;
}

TEST(MainWindowTest, ARealClusterRunFeedsChartStatusAndLog) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  // Links of 1 Mbit/s make each round take ~10 ms: unthrottled, the 45 rounds of this tiny
  // model can end before the evaluator thread has woken for the first request, and a busy
  // evaluator skips to the newest one, so only the final evaluation would be drawn.
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [1, 1])")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  EXPECT_FALSE(window.isRunning());
  // 3 epochs of 15 rounds, an evaluation asked for every 5 rounds and one at the end; a machine
  // so loaded that the evaluator sleeps through ~50 ms would still see fewer.
  EXPECT_GE(window.chart()->pointCount(), 2);
  const auto* accuracy = window.chart()->accuracySeries();
  EXPECT_GT(accuracy->at(accuracy->count() - 1).y(), 0.5);
  EXPECT_NEAR(accuracy->at(accuracy->count() - 1).x(), 3.0, 1e-9);  // the last point: epoch 3
  EXPECT_TRUE(window.statusText().startsWith("Finished: test accuracy"))
      << window.statusText().toStdString();
  EXPECT_TRUE(
      window.findChild<QPlainTextEdit*>()->toPlainText().contains("Loading the data set blobs"));
  // No process of the run remains: the workers' pids are in the run's events.
  const QByteArray events = readFile(window.runController()->runFolder() + "/events.jsonl");
  int workers = 0;
  for (qsizetype at = events.indexOf("pid "); at >= 0; at = events.indexOf("pid ", at + 4)) {
    const qint64 pid = events.mid(at + 4, 12).split(',').first().split('"').first().toLongLong();
    ASSERT_GT(pid, 0);
    ++workers;
    for (int i = 0; i < 200 && !processGone(pid); ++i) QThread::msleep(10);
    EXPECT_TRUE(processGone(pid)) << pid;
  }
  EXPECT_EQ(workers, 2);
}

TEST(MainWindowTest, TheLogOfARunIsInTheWindowsLanguage) {
  RealEngine engine;
  Language language;
  ASSERT_TRUE(language.set("zh_CN"));
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000));
  const QString log = window.findChild<QPlainTextEdit*>()->toPlainText();
  language.set("en");
  EXPECT_TRUE(log.contains(QString::fromUtf8("次更新"))) << log.toStdString();
  EXPECT_TRUE(log.contains(QString::fromUtf8("工作节点 1 已加入"))) << log.toStdString();
  EXPECT_TRUE(log.contains(QString::fromUtf8("运行结束：所有工作节点都已完成")))
      << log.toStdString();
  EXPECT_TRUE(log.contains(QString::fromUtf8("集群已启动（2 个工作节点，bsp，shuffle-split 划分")))
      << log.toStdString();
  EXPECT_TRUE(log.contains(QString::fromUtf8("正在加载数据集 blobs"))) << log.toStdString();
  EXPECT_TRUE(
      log.contains(QString::fromUtf8("第 1 轮的数据划分：0.0% 的训练样本不分给任何工作节点")))
      << log.toStdString();
  // The engine's English copies of the same lines are not repeated.
  EXPECT_FALSE(log.contains("update 5 (")) << log.toStdString();
  EXPECT_FALSE(log.contains("server: ")) << log.toStdString();
  EXPECT_FALSE(log.contains("loading ")) << log.toStdString();
  EXPECT_FALSE(log.contains("done: ")) << log.toStdString();
}

TEST(MainWindowTest, TheChartIsDrawnDuringALiveRun) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5])")));
  window.resize(1200, 800);
  window.show();
  window.run();
  ASSERT_TRUE(waitFor([&] { return window.chart()->pointCount() >= 2; }, 30000));
  ASSERT_TRUE(window.isRunning());  // live, not finished
  // The accuracy line's green is on the screen, not only in its legend marker.
  const QImage image = window.chart()->grab().toImage();
  const QColor green = window.chart()->accuracySeries()->pen().color();
  int greenPixels = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) greenPixels += image.pixelColor(x, y) == green;
  }
  EXPECT_GT(greenPixels, 300);
  window.stop();
  EXPECT_FALSE(window.isRunning());
}

TEST(MainWindowTest, TheExperimentPanelDecidesWhatRunsAndShowsProblemsInline) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  auto* form = window.specForm();
  // An impossible combination: LeNet-5 on blobs. Run refuses and the field says why.
  qobject_cast<QComboBox*>(form->editorFor("model.arch"))->setCurrentText("lenet5");
  EXPECT_EQ(form->shownErrors().size(), 1);
  EXPECT_TRUE(form->shownErrors().value(0).startsWith("model.arch: LeNet-5 needs an image"))
      << form->shownErrors().value(0).toStdString();
  window.run();
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().contains("problems")) << window.statusText().toStdString();
  // A student switches to asynchronous training with three workers and runs.
  qobject_cast<QComboBox*>(form->editorFor("model.arch"))->setCurrentText("mlp");
  EXPECT_TRUE(form->shownErrors().isEmpty());
  qobject_cast<QComboBox*>(form->editorFor("cluster.sync"))->setCurrentText("asp");
  qobject_cast<QSpinBox*>(form->editorFor("cluster.workers"))->setValue(3);
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000));
  const QByteArray used = readFile(window.runController()->runFolder() + "/spec.json");
  EXPECT_TRUE(used.contains("\"sync\": \"asp\"")) << used.constData();
  EXPECT_TRUE(used.contains("\"workers\": 3")) << used.constData();
  EXPECT_EQ(readFile(window.runController()->runFolder() + "/events.jsonl").count("\"joined\""), 3);
}

TEST(MainWindowTest, SavesTheEditedExperimentAndReopensItFromRecentFiles) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  qobject_cast<QComboBox*>(window.specForm()->editorFor("cluster.sync"))->setCurrentText("ssp");
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
    if (menu->title() == "Recent experiments") recent = menu;
  }
  ASSERT_NE(recent, nullptr);
  ASSERT_FALSE(recent->actions().isEmpty());
  EXPECT_EQ(recent->actions().first()->text(), "my experiment.json");
  window.newExperiment();
  EXPECT_EQ(qobject_cast<QComboBox*>(window.specForm()->editorFor("cluster.sync"))->currentText(),
            "bsp");
  recent->actions().first()->trigger();
  EXPECT_EQ(qobject_cast<QComboBox*>(window.specForm()->editorFor("cluster.sync"))->currentText(),
            "ssp");
}

TEST(MainWindowTest, PauseHoldsTheClusterAndStepRunsOneRound) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  // Capped links make a round take ~30 ms, so the run is still going when we pause it.
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5])")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(waitFor([&] { return window.chart()->pointCount() >= 1; }, 30000));
  window.setPaused(true);
  EXPECT_TRUE(window.statusText().contains("paused")) << window.statusText().toStdString();
  const QString events = window.runController()->runFolder() + "/events.jsonl";
  auto count = [&](const char* text) { return readFile(events).count(text); };
  ASSERT_TRUE(waitFor([&] { return count("\"kind\":\"paused\"") == 1; }, 5000));
  window.stepOneRound();
  EXPECT_TRUE(waitFor([&] { return count("\"kind\":\"stepped\"") == 1; }, 5000));
  EXPECT_TRUE(window.isRunning());
  EXPECT_EQ(ended.count(), 0);  // held, not finished
  window.setPaused(false);
  ASSERT_TRUE(ended.wait(60000));
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
}

TEST(MainWindowTest, AFailedRunShowsTheEnginesReason) {
  FakeEngine engine("echo 'error: dataset fashion-mnist not found' >&2\nexit 1\n");
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(10000));
  EXPECT_TRUE(window.statusText().contains("dataset fashion-mnist not found"))
      << window.statusText().toStdString();
  EXPECT_TRUE(window.findChild<QPlainTextEdit*>()->toPlainText().contains("The run failed"));
  EXPECT_EQ(window.chart()->pointCount(), 0);
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

namespace distlab::app {
namespace {

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


}  // namespace
}  // namespace distlab::app

namespace distlab::app {
namespace {

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
                "cluster.slowdown: 4 个工作节点却有 2 项：每个节点一项，或留空表示全部相同"))
      << shown[0].toStdString();
}


}  // namespace
}  // namespace distlab::app

namespace distlab::app {
namespace {

TEST(MainWindowTest, WithAStragglerTheTimelineShowsTheFastWorkersWaiting) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  // Worker 0 on a 0.3 Mbit/s link: under BSP the other two wait for it every round.
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [0.3, 0])")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000));
  const auto& store = window.timeline()->store();
  ASSERT_EQ(store.laneCount(), 3);  // server, worker 0, worker 1
  auto waitingNs = [&](int lane) {
    std::int64_t total = 0;
    for (const auto& s : store.lane(lane)) total += s.kind == 3 ? s.endNs - s.startNs : 0;
    return total;
  };
  EXPECT_GT(waitingNs(2), 10 * waitingNs(1) + 1'000'000)
      << "fast worker " << waitingNs(2) << " ns, straggler " << waitingNs(1) << " ns";
  // The Data tab holds the split: 960 training rows over two workers, none left out.
  EXPECT_EQ(window.dataView()->workerCount(), 2);
  double rows = 0;
  for (int w = 0; w < 2; ++w) {
    for (int c = 0; c < 4; ++c) rows += window.dataView()->barValue(w, c);
  }
  EXPECT_EQ(rows, 960.0);
  EXPECT_TRUE(window.dataView()->summary().startsWith("0.0% of the training examples"))
      << window.dataView()->summary().toStdString();
  // Under BSP every applied push started with every worker level: no clock gap.
  EXPECT_GT(window.stalenessView()->count(), 0u);
  EXPECT_EQ(window.stalenessView()->gapCount(0), window.stalenessView()->count());
  // Traffic: every applied push crossed the socket once and was counted.
  const std::uint64_t pushes = window.trafficView()->messages(0, widgets::TrafficView::Kind::Push) +
                               window.trafficView()->messages(1, widgets::TrafficView::Kind::Push);
  EXPECT_EQ(pushes, window.stalenessView()->count());
}


}  // namespace
}  // namespace distlab::app

namespace distlab::app {
namespace {

// The form's secure-aggregation box: the run masks its pushes and says so in the log.
TEST(MainWindowTest, TheSecureAggregationBoxRunsAMaskedClusterAndSaysSo) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  auto* box = qobject_cast<QCheckBox*>(window.specForm()->editorFor("privacy.secure_aggregation"));
  ASSERT_NE(box, nullptr);
  box->setChecked(true);
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000));
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
  const QString log = window.findChild<QPlainTextEdit*>()->toPlainText();
  EXPECT_TRUE(log.contains("Secure aggregation: the workers exchanged their public keys (2 "
                           "public keys)"))
      << log.toStdString();
  EXPECT_TRUE(readFile(window.runController()->runFolder() + "/spec.json")
                  .contains("\"secure_aggregation\": true"));
}

TEST(MainWindowTest, KillingAWorkerFromTheClusterViewKillsItsProcessAndTheRunGoesOn) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5])")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  auto* topology = window.topologyView();
  ASSERT_EQ(topology->workerCount(), 2);
  // Wait until worker 1 runs, and find its pid in the run's events.
  const QString events = window.runController()->runFolder() + "/events.jsonl";
  qint64 pid = 0;
  ASSERT_TRUE(waitFor(
      [&] {
        if (topology->state(1) != widgets::TopologyView::State::Running) return false;
        const QByteArray text = readFile(events);
        const qsizetype at = text.indexOf("\"w\":1,\"kind\":\"joined\"");
        if (at < 0) return false;
        const qsizetype p = text.indexOf("pid ", at);
        pid = text.mid(p + 4, 12).split('"').first().toLongLong();
        return pid > 0 && window.chart()->pointCount() >= 1;
      },
      30000));
  topology->requestAction(1, widgets::TopologyView::Action::Kill);  // what the menu item does
  EXPECT_TRUE(waitFor([&] { return processGone(pid); }, 10000)) << pid;
  EXPECT_TRUE(
      waitFor([&] { return topology->state(1) == widgets::TopologyView::State::Dead; }, 10000));
  ASSERT_TRUE(ended.wait(60000));
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
  EXPECT_EQ(topology->state(0), widgets::TopologyView::State::Finished);
}


}  // namespace
}  // namespace distlab::app

namespace distlab::app {
namespace {

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


// The lines of a CSV file written for spreadsheets (UTF-8 with a byte-order mark, CRLF).
QList<QByteArray> csvLines(const QString& path) {
  const QByteArray text = readFile(path);
  EXPECT_TRUE(text.startsWith("\xEF\xBB\xBF")) << path.toStdString();
  QList<QByteArray> lines = text.mid(3).split('\n');
  if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
  for (auto& line : lines) line = line.trimmed();
  return lines;
}

bool validSvg(const QString& path) {
  const QByteArray svg = readFile(path);
  QXmlStreamReader xml(svg);
  while (!xml.atEnd()) xml.readNext();
  return !xml.hasError() && svg.contains("<svg");
}

TEST(MainWindowTest, AfterARunTheReportFolderHoldsEveryViewTheDataAndAReportPage) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson()));
  window.resize(1100, 760);
  window.show();
  QTemporaryDir dir;
  EXPECT_FALSE(window.exportReport(dir.filePath("early")));  // nothing has run yet
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  const QString status = window.statusText();
  window.showView("traffic");
  const QString report = dir.filePath("report");
  ASSERT_TRUE(window.exportReport(report)) << window.statusText().toStdString();
  EXPECT_EQ(window.findChild<QTabWidget*>()->currentIndex(), 4);  // the view on show stays
  for (const QString view : {"training", "timeline", "data", "staleness", "traffic", "cluster"}) {
    const QImage png(report + "/" + view + ".png");
    ASSERT_FALSE(png.isNull()) << view.toStdString();
    EXPECT_EQ(png.size(), window.trafficView()->size() * 2) << view.toStdString();
    EXPECT_TRUE(validSvg(report + "/" + view + ".svg")) << view.toStdString();
  }
  for (const QString view : {"averaging", "aggregation", "convexity", "privacy"}) {
    EXPECT_FALSE(QFileInfo::exists(report + "/" + view + ".png")) << view.toStdString();  // hidden
  }
  for (const auto& table : engine::reportTables()) {
    const auto lines = csvLines(report + "/" + table.fileName);
    ASSERT_GE(lines.size(), 2) << table.fileName;  // the header and rows
    EXPECT_TRUE(lines[0].startsWith(QByteArray::fromStdString(table.make({}).header[0]) + ","))
        << table.fileName;
  }
  EXPECT_EQ(readFile(report + "/spec.json"),
            readFile(window.runController()->runFolder() + "/spec.json"));
  const QString html = QString::fromUtf8(readFile(report + "/report.html"));
  QXmlStreamReader page(html);  // our report.html is well-formed, so it parses as XML too
  while (!page.atEnd()) page.readNext();
  EXPECT_FALSE(page.hasError()) << page.errorString().toStdString();
  EXPECT_TRUE(html.contains("small cluster"));
  EXPECT_TRUE(html.contains("<img src=\"timeline.png\""));
  EXPECT_TRUE(html.contains("<a href=\"traffic_by_type.csv\">"));
  // The final accuracy in the page is the one the window's status bar reports.
  const auto at = status.indexOf("test accuracy ");
  ASSERT_GE(at, 0) << status.toStdString();
  const QString percent = status.mid(at + 14).section('%', 0, 0);
  EXPECT_TRUE(html.contains("<td>" + percent + " %</td>")) << percent.toStdString();

  // One view's data: traffic by message type, whose PUSH bytes are the view's.
  ASSERT_TRUE(window.exportViewData("traffic_by_type.csv", dir.filePath("types.csv")));
  std::uint64_t pushBytes = 0;
  for (const QByteArray& line : csvLines(dir.filePath("types.csv"))) {
    const auto cells = line.split(',');
    if (cells[0] == "all" && cells[1] == "push") pushBytes = cells[3].toULongLong();
  }
  EXPECT_EQ(pushBytes, window.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push));
  EXPECT_FALSE(window.exportViewData("no_such.csv", dir.filePath("x.csv")));
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

TEST(MainWindowTest, LessonOneComputesTheThreeOneStepResultsAndShowsThemEqual) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(":/presets/lesson1-averaging.json"));
  auto* tabs = window.findChild<QTabWidget*>();
  EXPECT_EQ(tabs->currentWidget(), window.averagingView());  // the lesson's own view comes forward
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  const auto& d = window.averagingView()->data();
  ASSERT_EQ(d.gradientAveraging.size(), 31u);  // the start and 30 rounds
  ASSERT_EQ(d.people.size(), 100u);
  // Central descent from (0, 2), worked out here from the people the engine used.
  double ga = 0, gb = 0;
  for (const auto& p : d.people) {
    const double e = p.weight - (2.0 * p.height + 0.0);
    ga += -2 * e / 100;
    gb += -2 * e * p.height / 100;
  }
  EXPECT_NEAR(d.oneStepCentral.x(), 0.0 - 0.1 * ga, 1e-9);
  EXPECT_NEAR(d.oneStepCentral.y(), 2.0 - 0.1 * gb, 1e-9);
  EXPECT_NEAR(d.oneStepModelAveraging.x(), d.oneStepCentral.x(), 1e-9);
  EXPECT_NEAR(d.oneStepGradientAveraging.y(), d.oneStepCentral.y(), 1e-9);
  EXPECT_NEAR(d.oneStepPlainMean.x(), d.oneStepCentral.x(), 1e-9);  // 50 and 50: no difference
  EXPECT_TRUE(window.statusText().startsWith("Lesson 1 computed. Equal"))
      << window.statusText().toStdString();
  for (std::size_t r = 0; r < d.averagedModelLoss.size(); ++r) {
    EXPECT_LE(d.averagedModelLoss[r], d.meanClientLoss[r]) << r;  // convex: never worse
  }
}

TEST(MainWindowTest, LessonFiveComparesTheFourAggregationMethodsFromRealClusters) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  QTemporaryDir dir;
  const QString path = dir.filePath("lesson5.json");
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "lesson 5 small", "seed": 2, "experiment": "aggregation",
    "dataset": {"name": "blobs", "samples": 1000, "classes": 4, "noise": 0.8},
    "model": {"arch": "mlp", "hidden": [16], "activation": "tanh"},
    "training": {"epochs": 2, "batch_size": 25, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "local-sgd", "local_steps": 4, "eval_every": 1,
                "distill_steps": 10, "heartbeat_ms": 100}})");
  file.close();
  ASSERT_TRUE(window.openLesson(path));
  EXPECT_EQ(window.findChild<QTabWidget*>()->currentWidget(), window.aggregationView());
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(90000)) << window.statusText().toStdString();
  ASSERT_TRUE(window.aggregationView()->hasData()) << window.statusText().toStdString();
  for (const QString method : {"S-DNN", "MA-DNN", "E-DNN", "EC-DNN"}) {
    auto* series = window.aggregationView()->series(method);
    ASSERT_NE(series, nullptr) << method.toStdString();
    // An evaluation is asked for every round, but a busy evaluator skips to the newest request:
    // on a loaded machine only the final one is sure. The curve ends at the budget: 2 epochs.
    ASSERT_GE(series->count(), 1) << method.toStdString();
    EXPECT_NEAR(series->at(series->count() - 1).x(), 2.0, 1e-6) << method.toStdString();
  }
  EXPECT_TRUE(window.aggregationView()->verdict().startsWith("The paper's claim"));
}

TEST(MainWindowTest, TheConvexityLessonShowsBothCasesFromTheEngine) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  QTemporaryDir dir;
  const QString path = dir.filePath("convexity.json");
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "convexity small", "seed": 3, "experiment": "convexity",
    "dataset": {"name": "blobs", "samples": 800, "classes": 4, "noise": 0.8},
    "model": {"arch": "mlp", "hidden": [16], "activation": "tanh"},
    "training": {"epochs": 3, "batch_size": 32, "lr": 0.1},
    "cluster": {"workers": 2, "local_steps": 10}})");
  file.close();
  ASSERT_TRUE(window.openLesson(path));
  EXPECT_EQ(window.findChild<QTabWidget*>()->currentWidget(), window.convexityView());
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  ASSERT_TRUE(window.convexityView()->hasData()) << window.statusText().toStdString();
  for (int c = 0; c < 2; ++c) {
    ASSERT_EQ(window.convexityView()->series(c, 0)->count(), 3);  // one point per round
    for (int r = 0; r < 3; ++r) {
      // The ensemble is never worse than the mean of its members (Jensen), in both cases.
      EXPECT_LE(window.convexityView()->series(c, 2)->at(r).y(),
                window.convexityView()->series(c, 1)->at(r).y() + 1e-9);
    }
  }
}

TEST(MainWindowTest, ThePrivacyLessonRebuildsThePrivateImagesFromTheirGradient) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  QTemporaryDir dir;
  const QString path = dir.filePath("privacy.json");
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "privacy small", "seed": 5, "experiment": "inversion",
    "dataset": {"name": "fashion-mnist", "train_limit": 1000, "test_limit": 200},
    "model": {"arch": "mlp", "hidden": [64], "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.05, 0.05]},
    "training": {"epochs": 1, "batch_size": 64, "lr": 0.5},
    "privacy": {"attack": "dlg", "defense": "noise", "images": [0, 1], "iterations": 200,
                "sweep_strengths": [0.1]}})");
  file.close();
  ASSERT_TRUE(window.openLesson(path));
  EXPECT_EQ(window.findChild<QTabWidget*>()->currentWidget(), window.privacyView());
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  ASSERT_TRUE(window.privacyView()->hasData()) << window.statusText().toStdString();
  auto* table = window.privacyView()->table();
  ASSERT_EQ(table->rowCount(), 2);
  for (int r = 0; r < 2; ++r) {
    EXPECT_EQ(table->item(r, 1)->text(), table->item(r, 2)->text());  // labels recovered
    EXPECT_GE(table->item(r, 3)->text().section(' ', 0, 0).toDouble(), 30.0);  // PSNR
  }
  EXPECT_GT(window.privacyView()->psnrSeries()->count(), 10);  // the attack's curve
  EXPECT_EQ(window.privacyView()->progressIteration(), 0);  // the final grid replaced the live one
  EXPECT_EQ(window.privacyView()->utilityAccuracySeries()->count(), 1);  // noise 0.1
  // The data behind the view, for a report: the engine's own tables.
  ASSERT_TRUE(window.exportViewData("results.csv", dir.filePath("results.csv")));
  EXPECT_TRUE(readFile(dir.filePath("results.csv")).contains("image,label,recovered_label"));
  EXPECT_FALSE(window.exportViewData("aggregation.csv", dir.filePath("x.csv")));  // not this run's
  ASSERT_TRUE(window.exportViewData("reconstruction.png", dir.filePath("grid.png")));
  EXPECT_EQ(QImage(dir.filePath("grid.png")).size(), QImage(window.runController()->runFolder() +
                                                            "/reconstruction.png").size());
  // The report of an attack, which has no cluster telemetry: its pictures and its own tables.
  ASSERT_TRUE(window.exportReport(dir.filePath("report"))) << window.statusText().toStdString();
  for (const char* name : {"privacy.png", "privacy.svg", "results.csv", "attack.csv",
                           "privacy_utility.csv", "reconstruction.png", "report.html"}) {
    EXPECT_TRUE(QFileInfo::exists(dir.filePath("report/") + name)) << name;
  }

  // The view's own controls: another image, with noise of std 0.1 on its gradient.
  auto* images = window.privacyView()->findChild<QLineEdit*>();
  ASSERT_NE(images, nullptr);
  EXPECT_EQ(images->text(), "0, 1");  // shown from the spec
  QComboBox* defense = nullptr;
  for (auto* box : window.privacyView()->findChildren<QComboBox*>()) {
    if (box->findData("topk") >= 0) defense = box;
  }
  ASSERT_NE(defense, nullptr);
  images->setText("0, x");
  QPushButton* attack = nullptr;
  for (auto* b : window.privacyView()->findChildren<QPushButton*>()) attack = b;
  ASSERT_NE(attack, nullptr);
  attack->click();  // a bad field: nothing runs, the status says why
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().startsWith("Images: \"x\"")) << window.statusText().toStdString();
  images->setText("3");
  defense->setCurrentIndex(defense->findData("noise"));
  window.privacyView()->findChild<QDoubleSpinBox*>()->setValue(0.1);
  QSignalSpy again(&window, &MainWindow::runEnded);
  attack->click();
  ASSERT_TRUE(again.wait(60000)) << window.statusText().toStdString();
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_EQ(table->item(0, 0)->text(), "3");
  EXPECT_LT(table->item(0, 3)->text().section(' ', 0, 0).toDouble(), 15.0);  // defended
}

// The honest-but-curious server, from the window: the cluster view's menu captures worker 1's
// next push during a run, the window keeps it beyond the run, and the Privacy tab attacks it.
TEST(MainWindowTest, APushCapturedFromTheClusterViewIsAttackedInThePrivacyTab) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  QTemporaryDir dir;
  const QString path = dir.filePath("capture.json");
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "capture in the window", "seed": 4,
    "dataset": {"name": "fashion-mnist", "train_limit": 30, "test_limit": 100},
    "model": {"arch": "mlp", "hidden": [64], "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.05, 0.05]},
    "training": {"epochs": 1, "batch_size": 1, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 1000, "bandwidth_mbps": [16, 16]}})");
  file.close();
  ASSERT_TRUE(window.openLesson(path));
  // Captures of earlier sessions are offered again, but not selected.
  const int before = window.privacyView()->captureCount();
  EXPECT_EQ(window.privacyView()->selectedCapture(), -1);
  EXPECT_LE(before, kKeptCaptures);
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  auto* topology = window.topologyView();
  ASSERT_TRUE(waitFor(
      [&] { return topology->state(1) == widgets::TopologyView::State::Running; }, 30000));
  topology->requestAction(1, widgets::TopologyView::Action::Capture);  // the menu item
  ASSERT_TRUE(waitFor([&] { return window.privacyView()->selectedCapture() >= 0; }, 30000))
      << window.statusText().toStdString();
  ASSERT_TRUE(ended.wait(60000));
  // Offered and selected: the newest of at most kKeptCaptures (older ones are pruned).
  EXPECT_EQ(window.privacyView()->captureCount(), std::min(before + 1, kKeptCaptures));
  EXPECT_EQ(window.privacyView()->selectedCapture(), window.privacyView()->captureCount() - 1);
  // Kept outside the run folder, which the next run replaces.
  QString error;
  const QJsonObject target = window.privacyView()->applySettings({}, &error);
  EXPECT_TRUE(target["privacy"].toObject()["capture_from"].toString().startsWith(
      captureStoreRoot()));
  EXPECT_EQ(target["name"].toString(), "capture in the window");  // the run's own spec
  QPushButton* attack = nullptr;
  for (auto* b : window.privacyView()->findChildren<QPushButton*>()) attack = b;
  ASSERT_NE(attack, nullptr);
  QSignalSpy attacked(&window, &MainWindow::runEnded);
  attack->click();
  ASSERT_TRUE(attacked.wait(60000)) << window.statusText().toStdString();
  ASSERT_TRUE(window.privacyView()->hasData()) << window.statusText().toStdString();
  auto* table = window.privacyView()->table();
  ASSERT_EQ(table->rowCount(), 1);  // the worker's batch of one
  EXPECT_EQ(table->item(0, 1)->text(), table->item(0, 2)->text());  // its label
  EXPECT_GE(table->item(0, 3)->text().section(' ', 0, 0).toDouble(), 30.0);  // and its image
  EXPECT_TRUE(readFile(window.runController()->runFolder() + "/spec.json").contains("capture_from"));
  // Back to the test images: the capture is no longer attacked.
  QComboBox* targetBox = nullptr;
  for (auto* box : window.privacyView()->findChildren<QComboBox*>()) {
    if (box->count() > 1 && box->itemData(0).toInt() == -1) targetBox = box;
  }
  ASSERT_NE(targetBox, nullptr);
  targetBox->setCurrentIndex(0);
  const QJsonObject images = window.privacyView()->applySettings(window.specForm()->spec(), &error);
  EXPECT_FALSE(images["privacy"].toObject().contains("capture_from"));
}

}  // namespace
}  // namespace distlab::app
