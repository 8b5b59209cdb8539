#include <QChart>
#include <QFile>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

#include <gtest/gtest.h>

#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "widgets/lesson_panel.h"
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

TEST(MainWindowTest, RunFeedsTheEngineOutputIntoChartStatusAndLog) {
  FakeEngine engine(
      "echo \"$@\" > \"$(dirname \"$0\")/args\"\n"
      "cp \"$2\" \"$(dirname \"$0\")/spec\"\n"
      "echo 'loading fake data...' >&2\n"
      "echo 'epoch 1/2 train_loss 0.9 test_loss 0.8 test_accuracy 0.7 samples_per_s 1000 "
      "elapsed_s 0.1'\n"
      "sleep 1\n"
      "echo 'epoch 2/2 train_loss 0.5 test_loss 0.6 test_accuracy 0.8125 samples_per_s 1500 "
      "elapsed_s 0.2'\n");
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  // While training, the status bar shows the last epoch's accuracy and samples/s.
  for (int i = 0; i < 250 && window.chart()->pointCount() == 0; ++i) {
    QThread::msleep(20);
    QCoreApplication::processEvents();
  }
  ASSERT_EQ(window.chart()->pointCount(), 1);
  EXPECT_TRUE(window.isRunning());
  EXPECT_EQ(window.statusText(), "Epoch 1 of 2: test accuracy 70.00%, 1000 samples/s");
  ASSERT_TRUE(ended.wait(10000));
  EXPECT_FALSE(window.isRunning());
  EXPECT_EQ(window.chart()->pointCount(), 2);
  EXPECT_TRUE(window.statusText().contains("81.25")) << window.statusText().toStdString();
  EXPECT_TRUE(window.findChild<QPlainTextEdit*>()->toPlainText().contains("loading fake data"));
  // The engine got `train SPEC --out DIR` with the lesson's spec.
  const QByteArray args = readFile(engine.filePath("args"));
  EXPECT_TRUE(args.startsWith("train ")) << args.constData();
  EXPECT_TRUE(args.contains(" --out ")) << args.constData();
  Lesson lesson;
  QString error;
  ASSERT_TRUE(loadLesson(kDefaultLesson, &lesson, &error));
  EXPECT_EQ(readFile(engine.filePath("spec")), lesson.specJson);
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
