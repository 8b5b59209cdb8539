// The window driving real clusters: what each view, the log and the status bar show of them,
// control from the window, and the report of a run.
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "widgets/property_view.h"
#include "widgets/security_view.h"

#include "app/capture_store.h"
#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "app/report_export.h"
#include "app/run_controller.h"
#include "app/telemetry_hub.h"
#include "widgets/aggregation_view.h"
#include "widgets/averaging_view.h"
#include "widgets/client_shares_plot.h"
#include "widgets/convexity_view.h"
#include "widgets/data_view.h"
#include "widgets/federated_view.h"
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
      window.log()->toPlainText().contains("Data set blobs: 960 training and 240 test examples"))
      << window.log()->toPlainText().toStdString();
  // Every record of the stream was decoded, none unknown.
  EXPECT_EQ(window.runController()->hub()->unknownRecords(), 0u);
  EXPECT_EQ(window.runController()->hub()->recordsDecoded(),
            runEvents(window.runController()->runFolder()).size());
  // No process of the run remains: the workers' pids are in the run's events.
  for (int worker = 0; worker < 2; ++worker) {
    const qint64 pid = workerPid(window.runController()->runFolder(), worker);
    ASSERT_GT(pid, 0);
    for (int i = 0; i < 200 && !processGone(pid); ++i) QThread::msleep(10);
    EXPECT_TRUE(processGone(pid)) << pid;
  }
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

// Lesson 3 on real stage processes: the Cluster view draws the network split over its stages
// (from the run's ModelLayout record), counts each stage's updates, and the log names stages.
TEST(MainWindowTest, APipelineRunDrawsTheNetworkOverItsStagesInTheClusterView) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(
      engine.write("pipeline.json",
                   R"({"name": "pipeline", "seed": 5, "experiment": "model_parallel",
      "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
      "model": {"arch": "mlp", "hidden": [32, 16], "activation": "relu"},
      "training": {"epochs": 1, "batch_size": 32, "lr": 0.1},
      "model_parallel": {"stages": 2, "micro_batches": 4, "sweep_steps": 0}})")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(120000)) << window.statusText().toStdString();
  auto* topology = window.topologyView();
  ASSERT_TRUE(topology->hasModelLayout());
  ASSERT_EQ(topology->workerCount(), 2);
  // 3 layers with weights (32, 16, 4) over 2 stages; both stages took every update of the
  // epoch, so both show the same, last step.
  EXPECT_EQ(topology->workerLines(0)[0], "Stage 0");
  EXPECT_EQ(topology->workerLines(1)[0], "Stage 1");
  EXPECT_TRUE(topology->workerLines(0)[3].startsWith("layer"));
  EXPECT_EQ(topology->workerLines(0)[2], topology->workerLines(1)[2]);
  EXPECT_NE(topology->workerLines(0)[2], "step 0");
  const QString log = window.log()->toPlainText();
  EXPECT_TRUE(log.contains("Stage 1 joined")) << log.toStdString();
  EXPECT_FALSE(log.contains("Worker 1 joined")) << log.toStdString();
}

TEST(MainWindowTest, AFederatedRunShowsItsClientsRoundsAndDrift) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(
      window.openLesson(engine.write("federated.json",
                                     R"({"name": "federated", "seed": 4, "experiment": "federated",
      "dataset": {"name": "fashion-mnist", "train_limit": 600, "test_limit": 200},
      "model": {"arch": "mlp", "hidden": [16], "activation": "relu"},
      "training": {"batch_size": 20, "lr": 0.05},
      "cluster": {"workers": 2, "partition": "dirichlet", "dirichlet_alpha": 0.2},
      "fl": {"clients": 12, "fraction": 0.5, "rounds": 8, "local_steps": 3, "dropout": 0.2,
             "availability": 0.8, "eval_every": 4, "compare": true}})")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(120000)) << window.statusText().toStdString();
  auto* view = window.federatedView();
  ASSERT_NE(view, nullptr);
  EXPECT_EQ(view->participation()->rounds(), 8);
  EXPECT_EQ(view->participation()->clients(), 12);
  using Cell = widgets::ParticipationChart::Cell;
  const auto* grid = view->participation();
  EXPECT_GT(grid->count(Cell::Trained), 0);
  EXPECT_GT(grid->count(Cell::Offline), 0);
  // Every round sampled half of its online clients.
  for (int r = 0; r < 8; ++r) {
    int online = 0, sampled = 0;
    for (int c = 0; c < 12; ++c) {
      online += grid->cell(r, c) != Cell::Offline;
      sampled += grid->cell(r, c) != Cell::Offline && grid->cell(r, c) != Cell::Idle;
    }
    EXPECT_EQ(sampled, std::max(2, online / 2)) << "round " << r;
  }
  EXPECT_FALSE(view->cosinePoints().empty());
  // The Data view shows the twelve clients' shares, all 600 examples of them.
  ASSERT_TRUE(window.dataView()->showsClients());
  const auto* plot = window.dataView()->clientPlot();
  ASSERT_EQ(plot->clients(), 12);
  std::uint64_t total = 0;
  for (int c = 0; c < 12; ++c) total += plot->clientSize(c);
  EXPECT_EQ(total, 600u);
  EXPECT_TRUE(window.viewNames().contains("federated"));
  EXPECT_TRUE(window.showView("federated"));
  // The comparison: the run, FedProx, SCAFFOLD and IID data, evaluated at rounds 4 and 8.
  const auto& curves = view->comparison();
  ASSERT_EQ(curves.size(), 4u);
  EXPECT_EQ(curves[0].label, "FedAvg");
  EXPECT_EQ(curves[1].label, "FedProx");
  EXPECT_EQ(curves[2].label, "SCAFFOLD");
  EXPECT_EQ(curves[3].label, "FedAvg, IID");
  for (const auto& c : curves) {
    ASSERT_EQ(c.points.size(), 2u);
    EXPECT_EQ(c.points[1].first, 8.0);
  }
  EXPECT_EQ(view->comparisonChart()->series().size(), 4);
}

// Pause pressed before Run: the run starts held, so every check below happens while nothing
// trains (no race with a run that ends in about a second), then a live run is paused again.
TEST(MainWindowTest, ARunStartedPausedStepsOneRoundThenResumesAndPausesAgain) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  QAction* pause = nullptr;
  for (QAction* a : window.findChildren<QAction*>()) {
    if (a->shortcut() == QKeySequence(Qt::Key_F6)) pause = a;
  }
  ASSERT_NE(pause, nullptr);
  // A pipeline has no server to hold it: Pause stays off before its run.
  ASSERT_TRUE(window.openLesson(engine.write("pipeline.json", R"({"version": 1,
      "name": "pipeline", "experiment": "model_parallel", "dataset": {"name": "blobs",
      "samples": 256}, "model": {"arch": "mlp", "hidden": [8]}, "model_parallel": {"stages": 2}})")));
  EXPECT_FALSE(pause->isEnabled());
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5])")));
  EXPECT_TRUE(pause->isEnabled());
  pause->trigger();  // what pressing it does
  EXPECT_FALSE(window.isRunning());
  EXPECT_TRUE(window.statusText().contains("starts paused")) << window.statusText().toStdString();
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  EXPECT_TRUE(window.statusText().contains("paused")) << window.statusText().toStdString();
  EXPECT_FALSE(window.statusText().contains("right away")) << window.statusText().toStdString();
  EXPECT_TRUE(pause->isChecked());
  const QString events = window.runController()->runFolder() + "/events.jsonl";
  auto count = [&](const char* text) { return readFile(events).count(text); };
  ASSERT_TRUE(waitFor([&] { return count("\"status\":\"joined\"") == 2; }, 30000));
  QTest::qWait(400);
  EXPECT_EQ(count("\"e\":\"staleness\""), 0);  // held: nothing applied
  EXPECT_EQ(count("\"command\":\"pause\""), 1);
  window.stepOneRound();
  EXPECT_TRUE(waitFor([&] { return count("\"e\":\"staleness\"") == 2; }, 5000));
  EXPECT_TRUE(window.isRunning());
  EXPECT_EQ(ended.count(), 0);
  window.setPaused(false);
  window.setPaused(true);  // a live run, a few milliseconds after it went on
  EXPECT_TRUE(waitFor([&] { return count("\"command\":\"pause\"") == 2; }, 5000));
  window.setPaused(false);
  ASSERT_TRUE(ended.wait(60000));
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
  EXPECT_EQ(count("\"command\":\"resume\""), 2);
  EXPECT_FALSE(pause->isChecked());  // the next run is not armed
}

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
  // A relation that holds at any speed, not a ratio a busy machine breaks: the straggler's
  // capped link delays every round for the fast worker, never the other way round.
  EXPECT_GT(waitingNs(2), waitingNs(1))
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
  const QString log = window.log()->toPlainText();
  EXPECT_TRUE(
      log.contains("Secure aggregation: the 2 workers exchanged their public keys and shares"))
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
  window.setPaused(true);  // started held: the worker is killed before the run could end
  window.run();
  auto* topology = window.topologyView();
  ASSERT_EQ(topology->workerCount(), 2);
  // Wait until worker 1 runs, and find its pid in the run's events.
  qint64 pid = 0;
  ASSERT_TRUE(waitFor(
      [&] {
        if (topology->state(1) != widgets::TopologyView::State::Running) return false;
        pid = workerPid(window.runController()->runFolder(), 1);
        return pid > 0;
      },
      30000));
  topology->requestAction(1, widgets::TopologyView::Action::Kill);  // what the menu item does
  EXPECT_TRUE(waitFor([&] { return processGone(pid); }, 10000)) << pid;
  EXPECT_TRUE(
      waitFor([&] { return topology->state(1) == widgets::TopologyView::State::Dead; }, 10000));
  window.setPaused(false);
  ASSERT_TRUE(ended.wait(60000));
  EXPECT_TRUE(window.statusText().startsWith("Finished")) << window.statusText().toStdString();
  EXPECT_EQ(topology->state(0), widgets::TopologyView::State::Finished);
}

// A finished run's folder opens in another window with what the live run showed: the same
// curves, spans and traffic; a folder cut short opens what it has and says so.
TEST(MainWindowTest, ARunFolderOpensWithWhatTheLiveRunShowed) {
  RealEngine engine;
  Language language;
  MainWindow live(&language);
  ASSERT_TRUE(live.openLesson(engine.lesson()));
  QSignalSpy ended(&live, &MainWindow::runEnded);
  live.run();
  ASSERT_TRUE(ended.wait(60000)) << live.statusText().toStdString();
  const QString folder = live.runController()->runFolder();
  const int points = live.chart()->pointCount();
  const auto spans = live.timeline()->store().spanCount();
  const auto pushBytes = live.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push);
  ASSERT_GT(points, 0);
  ASSERT_GT(spans, 0u);

  QTemporaryDir copy;  // the live window's folder goes with it: open a copy
  ASSERT_TRUE(copyRunFolder(folder, copy.path()));
  MainWindow opened(&language);
  ASSERT_TRUE(opened.openLesson(kDefaultLesson));
  ASSERT_TRUE(opened.openRun(copy.path()));
  EXPECT_EQ(opened.chart()->pointCount(), points);
  EXPECT_EQ(opened.timeline()->store().spanCount(), spans);
  EXPECT_EQ(opened.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push), pushBytes);
  EXPECT_TRUE(opened.statusText().startsWith("Finished")) << opened.statusText().toStdString();
  EXPECT_EQ(opened.runController()->runFolder(), copy.path());  // exports read it
  EXPECT_FALSE(opened.isRunning());

  // Cut short in the middle of a line, before its end: what is there, and a word on what is not.
  QFile events(copy.filePath("events.jsonl"));
  ASSERT_TRUE(events.open(QIODevice::ReadWrite));
  const QByteArray all = events.readAll();
  events.resize(all.size() / 2);
  events.close();
  ASSERT_TRUE(opened.openRun(copy.path()));
  EXPECT_GT(opened.timeline()->store().spanCount(), 0u);
  EXPECT_LT(opened.timeline()->store().spanCount(), spans);
  EXPECT_TRUE(opened.statusText().contains("its log ends before the run did"))
      << opened.statusText().toStdString();

  // No log at all: refused, saying why.
  QTemporaryDir empty;
  EXPECT_FALSE(opened.openRun(empty.path()));
  EXPECT_TRUE(opened.statusText().contains("events.jsonl")) << opened.statusText().toStdString();
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
  // Bytes in the SI unit that suits them, as the status bar says them.
  EXPECT_TRUE(html.contains(QRegularExpression(
      R"(<th>Bytes sent \(both ways\)</th><td>[0-9][0-9.,]* (kB|MB|GB)</td>)")))
      << html.toStdString();

  // One view's data: traffic by message type, whose PUSH bytes are the view's.
  ASSERT_TRUE(window.exportViewData("traffic_by_type.csv", dir.filePath("types.csv")));
  std::uint64_t pushBytes = 0;
  for (const QByteArray& line : csvLines(dir.filePath("types.csv"))) {
    const auto cells = line.split(',');
    if (cells[0] == "all" && cells[1] == "push") pushBytes = cells[3].toULongLong();
  }
  EXPECT_EQ(pushBytes, window.trafficView()->bytesOfKind(widgets::TrafficView::Kind::Push));
  EXPECT_FALSE(window.exportViewData("no_such.csv", dir.filePath("x.csv")));

  // The timeline as a Chrome trace: valid JSON, one complete event per span the view holds.
  QString error;
  ASSERT_TRUE(
      exportRunTrace(window.runController()->runFolder(), dir.filePath("trace.json"), &error))
      << error.toStdString();
  const auto trace = QJsonDocument::fromJson(readFile(dir.filePath("trace.json")));
  ASSERT_TRUE(trace.isObject());
  std::size_t spans = 0;
  for (const auto& e : trace.object()["traceEvents"].toArray()) {
    spans += e.toObject()["ph"] == "X" && e.toObject()["cat"] == "span";
  }
  EXPECT_EQ(spans, window.timeline()->store().spanCount());
  EXPECT_FALSE(exportRunTrace(dir.filePath("nothing"), dir.filePath("t.json"), &error));
  EXPECT_TRUE(error.contains("events.jsonl")) << error.toStdString();
}

// The log in Chinese, through a whole run with a worker killed from the window: every line is
// the window's own translation of a typed record, so not one English sentence gets through.
TEST(MainWindowTest, TheChineseLogOfARunWithAKilledWorkerHoldsNoEnglishSentence) {
  RealEngine engine;
  Language language;
  ASSERT_TRUE(language.set("zh_CN"));
  MainWindow window(&language);
  ASSERT_TRUE(window.openLesson(engine.lesson(R"(, "bandwidth_mbps": [0.5, 0.5, 0.5],
      "workers": 3, "sync": "ssp", "partition": "with-replacement")")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.setPaused(true);  // started held: the worker is slowed and killed while the run waits
  window.run();
  ASSERT_TRUE(
      waitFor([&] { return workerPid(window.runController()->runFolder(), 2) > 0; }, 30000));
  window.stepOneRound();
  window.topologyView()->requestAction(2, widgets::TopologyView::Action::Slow);
  window.topologyView()->requestAction(2, widgets::TopologyView::Action::Kill);
  window.setPaused(false);
  ASSERT_TRUE(ended.wait(60000)) << window.statusText().toStdString();
  const QString log = window.log()->toPlainText();
  language.set("en");
  // Three Latin words in a row make an English sentence; identifiers (bsp, blobs, pid) do not.
  const QRegularExpression english("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
  for (const QString& line : log.split('\n', Qt::SkipEmptyParts)) {
    EXPECT_FALSE(english.match(line).hasMatch()) << line.toStdString();
  }
  for (const char* expected :
       {"工作节点 2 已死亡：在窗口中被结束", "工作节点 1 已加入", "集群已启动",
        "的训练样本不分给任何工作节点", "已暂停", "已继续", "运行结束"}) {
    EXPECT_TRUE(log.contains(QString::fromUtf8(expected))) << expected << "\n" << log.toStdString();
  }
}

}  // namespace
}  // namespace distlab::app

namespace distlab::app {
namespace {

// Lesson 8 in the window: a real run with a malicious worker, judged by Multi-Krum, fills the
// Security tab live, and the lesson's comparison lands in its table.
TEST(MainWindowTest, APoisonedRunFillsTheSecurityDashboardAndItsComparison) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(
      window.openLesson(engine.write("security.json",
                                     R"({"name": "poison", "seed": 4, "experiment": "security",
      "dataset": {"name": "fashion-mnist", "train_limit": 1000, "test_limit": 200},
      "model": {"arch": "mlp", "hidden": [16], "activation": "relu"},
      "training": {"epochs": 1, "batch_size": 20, "lr": 0.05},
      "cluster": {"workers": 5, "sync": "bsp", "eval_every": 5},
      "security": {"attack": "sign-flip", "attackers": [2], "aggregator": "multi-krum",
                   "compare": "rules"}})")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(120000)) << window.statusText().toStdString();
  auto* view = window.securityView();
  ASSERT_NE(view, nullptr);
  // 1000 examples over 5 workers in batches of 20: 10 rounds, each judged.
  using Fate = widgets::VerdictGrid::Fate;
  const auto* grid = view->grid();
  EXPECT_EQ(grid->rounds(), 10);
  EXPECT_EQ(grid->workers(), 5);
  EXPECT_TRUE(grid->isAttacker(2));
  EXPECT_FALSE(grid->isAttacker(0));
  for (int r = 0; r < grid->rounds(); ++r) EXPECT_EQ(grid->fate(r, 2), Fate::Excluded) << r;
  EXPECT_DOUBLE_EQ(view->recall(), 1.0);
  EXPECT_DOUBLE_EQ(view->precision(), 1.0);
  EXPECT_EQ(view->attackerCosines().size(), 10u);
  EXPECT_LT(view->attackerCosines().back().second, view->honestCosines().back().second);
  // The live run, the clean mean and six other rules (Bulyan needs 7 workers for f = 1).
  EXPECT_EQ(view->comparisonTable()->rowCount(), 8);
  EXPECT_EQ(view->comparisonTable()->item(1, 0)->text(), "no attack");  // the id "none", named
  EXPECT_TRUE(window.viewNames().contains("security"));
  EXPECT_TRUE(window.showView("security"));
  EXPECT_TRUE(window.log()->toPlainText().contains("malicious workers: 2"));
}

// Lesson 8c in the window: the property lesson's runs on a real cluster land in the Property
// tab, a row and a ROC curve a protection, the victim's rounds scored.
TEST(MainWindowTest, ThePropertyLessonShowsTheAttacksAucForEachProtection) {
  RealEngine engine;
  Language language;
  MainWindow window(&language);
  ASSERT_TRUE(
      window.openLesson(engine.write("property.json",
                                     R"({"name": "property", "seed": 8, "experiment": "property",
      "dataset": {"name": "fashion-mnist", "train_limit": 600, "test_limit": 500},
      "model": {"arch": "mlp", "hidden": [16], "activation": "relu"},
      "training": {"epochs": 1, "batch_size": 8, "lr": 0.05},
      "cluster": {"workers": 2, "sync": "bsp", "eval_every": 10},
      "privacy": {"capture_worker": 1, "capture_count": 30, "defense": "noise",
                  "sweep_strengths": [1]}})")));
  QSignalSpy ended(&window, &MainWindow::runEnded);
  window.run();
  ASSERT_TRUE(ended.wait(120000)) << window.statusText().toStdString();
  auto* view = window.propertyView();
  ASSERT_NE(view, nullptr);
  ASSERT_EQ(view->table()->rowCount(), 3);  // none, noise 1, secure aggregation
  EXPECT_EQ(view->table()->item(0, 0)->text(), "no protection");
  EXPECT_EQ(view->table()->item(2, 0)->text(), "secure aggregation");
  EXPECT_EQ(view->table()->item(0, 3)->text(), "30");
  EXPECT_EQ(view->rocChart()->series().size(), 4);
  EXPECT_EQ(view->data().scores.size(), 30u);
  EXPECT_TRUE(window.viewNames().contains("property"));
  EXPECT_TRUE(window.showView("property"));
  EXPECT_TRUE(view->summary().contains("With secure aggregation: AUC"))
      << view->summary().toStdString();
}

}  // namespace
}  // namespace distlab::app
