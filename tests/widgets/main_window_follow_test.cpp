// Following a run started outside the window (as under mpirun): the window connects to its
// coordinator as a monitor with the run's token and shows it as if it had started it.
#include <QPlainTextEdit>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "widgets/timeline_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"
#include "window_test_support.h"

namespace distlab::app {
namespace {

using namespace testing;

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

/// `distlab-engine run SPEC --out DIR` with the token in its environment, as a user (or
/// mpirun's rank 0) starts it; waits until its log says where the coordinator listens.
class OutsideRun {
 public:
  OutsideRun(const QString& spec, const QString& dir) : m_dir(dir) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DISTLAB_RUN_TOKEN", kToken);
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(DISTLAB_ENGINE_EXE, {"run", spec, "--out", dir});
  }
  ~OutsideRun() {
    if (m_process.state() != QProcess::NotRunning) {
      m_process.kill();
      m_process.waitForFinished(5000);
    }
  }
  bool listening() {
    return waitFor(
        [&] {
          for (const auto& e : runEvents(m_dir)) {
            if (const auto* s = std::get_if<engine::RunStarted>(&e); s && s->port > 0) return true;
          }
          return false;
        },
        30000);
  }
  /// The exit code once it ends within `ms` (-1 if it does not).
  int exitCode(int ms) {
    return waitFor([&] { return m_process.state() == QProcess::NotRunning; }, ms)
               ? m_process.exitCode()
               : -1;
  }

 private:
  QString m_dir;
  QProcess m_process;
};

// A run going on its own is followed to its end: the chart, timeline and traffic fill as for a
// run of the window, the end is "Finished", and what was shown is what its folder holds.
TEST(MainWindowFollowTest, ARunStartedElsewhereIsFollowedToItsEnd) {
  RealEngine engine;
  QTemporaryDir dir;
  // Capped links make a round take ~30 ms, so the run is still going when the window joins.
  OutsideRun run(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5])"), dir.path());
  ASSERT_TRUE(run.listening());
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  ASSERT_TRUE(window.followRun(dir.path(), kToken)) << window.statusText().toStdString();
  EXPECT_TRUE(window.isRunning());
  EXPECT_TRUE(window.runController()->isFollowing());
  EXPECT_TRUE(window.log()->toPlainText().contains("Following the run in"));
  ASSERT_TRUE(ended.wait(90000)) << window.statusText().toStdString();
  EXPECT_EQ(run.exitCode(30000), 0);
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
  EXPECT_GT(window.chart()->pointCount(), 0);
  EXPECT_GT(window.timeline()->store().spanCount(), 0u);

  MainWindow opened(&language);
  ASSERT_TRUE(opened.openLesson(kDefaultLesson));
  ASSERT_TRUE(opened.openRun(dir.path()));
  EXPECT_EQ(window.chart()->pointCount(), opened.chart()->pointCount());
  EXPECT_EQ(window.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push),
            opened.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push));
}

// A run with no monitor endpoint (lesson 6's federated rounds) is followed in its log as it
// grows, with no token: the same verdict and the same chart as opening its folder afterwards.
TEST(MainWindowFollowTest, ARunWithoutAServerIsFollowedInItsLog) {
  RealEngine engine;
  QTemporaryDir dir;
  const QString spec = engine.write("federated.json", R"({"name": "federated, followed", "seed": 7,
    "experiment": "federated",
    "dataset": {"name": "fashion-mnist", "train_limit": 6000, "test_limit": 500},
    "model": {"arch": "mlp", "hidden": [64], "activation": "tanh"},
    "training": {"batch_size": 16, "lr": 0.05},
    "cluster": {"workers": 2, "partition": "shuffle-split"},
    "fl": {"clients": 8, "rounds": 30, "local_epochs": 2}})");
  OutsideRun run(spec, dir.path());
  ASSERT_TRUE(waitFor([&] { return !runEvents(dir.path()).empty(); }, 30000));
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  ASSERT_TRUE(window.followRun(dir.path(), QByteArray())) << window.statusText().toStdString();
  EXPECT_TRUE(window.runController()->followsLog());
  EXPECT_TRUE(window.isRunning());
  EXPECT_TRUE(window.log()->toPlainText().contains("Following the log of the run"));
  // Generous: on a slow machine, or in a sanitizer build, the run takes many times as long.
  ASSERT_TRUE(ended.wait(300000)) << window.statusText().toStdString();
  EXPECT_EQ(run.exitCode(30000), 0);
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
  EXPECT_GT(window.chart()->pointCount(), 0);

  MainWindow opened(&language);
  ASSERT_TRUE(opened.openLesson(kDefaultLesson));
  ASSERT_TRUE(opened.openRun(dir.path()));
  EXPECT_EQ(window.chart()->pointCount(), opened.chart()->pointCount());
}

// Stop while following asks the coordinator to stop: the outside run ends, as stopped.
TEST(MainWindowFollowTest, StopAsksTheFollowedRunToStop) {
  RealEngine engine;
  QTemporaryDir dir;
  OutsideRun run(engine.lesson(R"(, "bandwidth_mbps": [0.2, 0.2])"), dir.path());
  ASSERT_TRUE(run.listening());
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  ASSERT_TRUE(window.followRun(dir.path(), kToken));
  ASSERT_TRUE(waitFor([&] { return window.chart()->pointCount() >= 1; }, 30000));
  window.stop();
  EXPECT_FALSE(window.isRunning());
  EXPECT_EQ(run.exitCode(30000), 0);
  bool stopped = false;
  for (const auto& e : runEvents(dir.path())) {
    if (const auto* end = std::get_if<engine::RunEnded>(&e)) {
      stopped = end->reason == engine::EndReason::Stopped;
    }
  }
  EXPECT_TRUE(stopped);
}

// Nothing to follow, or no right to: refused, saying why, and the window stays idle.
TEST(MainWindowFollowTest, AWrongTokenAnEndedRunOrAnEmptyFolderIsRefusedSayingWhy) {
  RealEngine engine;
  QTemporaryDir dir;
  OutsideRun run(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5])"), dir.path());
  ASSERT_TRUE(run.listening());
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(kDefaultLesson));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  ASSERT_TRUE(window.followRun(dir.path(), "ffffffffffffffffffffffffffffffff"));
  ASSERT_TRUE(ended.wait(30000));
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().contains("did not accept the token"))
      << window.statusText().toStdString();

  ASSERT_EQ(run.exitCode(90000), 0);
  EXPECT_FALSE(window.followRun(dir.path(), kToken));
  EXPECT_TRUE(window.statusText().contains("has ended")) << window.statusText().toStdString();

  QTemporaryDir empty;
  EXPECT_FALSE(window.followRun(empty.path(), kToken));
  EXPECT_TRUE(window.statusText().contains("events.jsonl")) << window.statusText().toStdString();
  EXPECT_FALSE(window.isRunning());
}

}  // namespace
}  // namespace distlab::app
