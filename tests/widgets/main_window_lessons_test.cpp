// The window running the lessons' own experiments and showing their typed results.
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
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
#include "widgets/ring_view.h"
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

// Lesson 4c through the window: the workers drawn as a ring, their chunks counted as RING in the
// traffic view, and the All-reduce tab with the formulas and what the engine measured.
TEST(MainWindowTest, TheAllReduceLessonDrawsTheRingAndComparesItWithAServer) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  QTemporaryDir dir;
  const QString path = dir.filePath("ring.json");
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "ring small", "seed": 2,
    "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
    "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
    "training": {"epochs": 2, "batch_size": 32, "lr": 0.1},
    "cluster": {"workers": 3, "sync": "allreduce", "eval_every": 5, "compare_workers": [2, 3]}})");
  file.close();
  ASSERT_TRUE(window.openLesson(path));
  auto* ring = window.findChild<widgets::RingView*>();
  ASSERT_NE(ring, nullptr);
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(90000)) << window.statusText().toStdString();
  EXPECT_TRUE(window.topologyView()->isRing());
  EXPECT_EQ(window.topologyView()->workerCount(), 3);
  const auto ringBytes = window.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Ring);
  EXPECT_GT(ringBytes, 0u);
  EXPECT_EQ(window.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push), 0u);
  ASSERT_TRUE(ring->hasData()) << window.statusText().toStdString();
  EXPECT_EQ(window.findChild<QTabWidget*>()->currentWidget(), ring);
  const auto& d = ring->data();
  EXPECT_EQ(d.runWorkers, 3);
  ASSERT_GE(d.points.size(), 7u);  // the formulas from 2 to 8 workers
  for (const auto& p : d.points) {
    EXPECT_NEAR(p.ringWorker, 2.0 * (p.workers - 1) / p.workers * (p.psWorker + 4), 1e-6);
    EXPECT_DOUBLE_EQ(p.psServer, 2.0 * p.workers * p.psWorker);
    // Measured where the lesson ran: the run itself (3) and the comparison (2, 3).
    EXPECT_EQ(std::isfinite(p.ringWorkerMeasured), p.workers <= 3) << p.workers;
    EXPECT_EQ(std::isfinite(p.psSeconds), p.workers <= 3) << p.workers;
  }
  // Each worker's chunks round the ring, as the traffic view counted them: the run's figure.
  EXPECT_NEAR(d.runBytesPerStep * 3 * 20, static_cast<double>(ringBytes), 1.0);
  EXPECT_TRUE(ring->summary().contains("3 workers in a ring")) << ring->summary().toStdString();
  if (const QByteArray shots = qgetenv("DISTLAB_SHOTS"); !shots.isEmpty()) {
    ring->resize(1200, 700);
    ring->grab().save(QString::fromLocal8Bit(shots) + "/ring_view.png");
  }
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
      << window.log()->toPlainText().toStdString();
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
