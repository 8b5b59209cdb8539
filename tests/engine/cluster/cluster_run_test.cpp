// Real clusters on loopback: `distlab-engine run` with its worker processes, checked through
// its exit code, stdout, events.jsonl, metrics.csv and params.f32, and through /proc.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "aggregate/averaging_lesson.h"
#include "cluster/push_capture.h"
#include "cluster/worker_schedule.h"
#include "comm/blocking_channel.h"
#include "comm/handshake.h"
#include "core/spec.h"
#include "data/load.h"
#include "engine_process.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using testing::EngineProcess;
using testing::processAlive;
using testing::readEvents;
using testing::waitUntil;

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

// A small, fast classification run; `cluster` is merged into the spec's cluster section.
std::string smallSpec(const std::string& cluster, int epochs = 2,
                      const std::string& training = "") {
  return R"({"name": "cluster test", "seed": 3,
    "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
    "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
    "training": {"epochs": )" +
         std::to_string(epochs) + R"(, "batch_size": 32, "lr": 0.1)" + training + R"(},
    "cluster": {"eval_every": 20, "heartbeat_ms": 100, "peer_timeout_ms": 3000, )" +
         cluster + "}}";
}

template <class T>
std::vector<T> eventsOf(const std::vector<Event>& events) {
  std::vector<T> out;
  for (const auto& e : events) {
    if (const auto* t = std::get_if<T>(&e)) out.push_back(*t);
  }
  return out;
}

std::vector<Lifecycle> lifecycles(const std::vector<Event>& events, LifecycleKind kind) {
  std::vector<Lifecycle> out;
  for (const auto& l : eventsOf<Lifecycle>(events)) {
    if (l.kind == kind) out.push_back(l);
  }
  return out;
}

std::map<int, std::size_t> appliedPerWorker(const std::vector<Event>& events) {
  std::map<int, std::size_t> count;
  for (const auto& s : eventsOf<StalenessRecord>(events)) ++count[s.worker];
  return count;
}

// The pid the coordinator reported when the worker joined ("joined, pid 1234").
pid_t workerPid(const std::vector<Event>& events, int rank) {
  for (const auto& l : lifecycles(events, LifecycleKind::Joined)) {
    const auto at = l.detail.find("pid ");
    if (l.worker == rank && at != std::string::npos) return std::atoi(l.detail.c_str() + at + 4);
  }
  return 0;
}

// A file's bytes, for comparing what two writers produced.
std::string fileText(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::vector<std::string>> csvRows(const std::string& p) {
  std::string text = fileText(p);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << p;  // UTF-8 with a byte-order mark
  std::vector<std::vector<std::string>> rows;
  std::stringstream lines(text.substr(3));
  for (std::string line; std::getline(lines, line);) rows.push_back(testing::splitCsvLine(line));
  return rows;
}

class ClusterRunTest : public testing::TempDirTest {
 protected:
  std::string writeSpec(const std::string& text) {
    const auto p = path("spec.json").string();
    std::ofstream(p) << text;
    m_spec = loadSpecText(text);
    return p;
  }
  std::unique_ptr<EngineProcess> start(const std::string& specText,
                                       std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", writeSpec(specText), "--out", out()};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<EngineProcess>(args, kToken, path("stderr.txt").string());
  }
  std::string out() const { return path("run").string(); }
  std::vector<Event> events() const { return readEvents(out() + "/events.jsonl"); }
  std::string log() const {
    std::ifstream in(path("stderr.txt"));
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  /// `distlab-engine invert` on an inversion spec into path("attack"): its results.csv rows,
  /// header first (none when the attack failed).
  std::vector<std::vector<std::string>> attackWith(const std::string& specText) {
    const std::string spec = path("invert.json").string();
    std::ofstream(spec) << specText;
    EngineProcess invert({"invert", spec, "--out", path("attack").string()}, kToken,
                         path("stderr.txt").string());
    const auto code = invert.wait(120s);
    EXPECT_EQ(code, 0) << log();
    if (code != 0) return {};
    return csvRows(path("attack").string() + "/results.csv");
  }
  std::uint64_t stepsOf(int rank) {
    const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
    return WorkerSchedule(m_spec, data.train, rank).totalSteps();
  }
  Spec m_spec;
};

TEST_F(ClusterRunTest, BspWithOneWorkerEqualsSingleProcessTrainingOnTheSameBatches) {
  auto run = start(smallSpec(R"("workers": 1, "sync": "bsp")", 2, R"(, "momentum": 0.9)"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();

  // The reference: one process, the worker's batches, the server's optimizer.
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  Model model = buildModelFor(m_spec, data.train);
  auto optimizer = makeOptimizer(m_spec.training);
  WorkerSchedule schedule(m_spec, data.train, 0);
  Matrix x, targets, dOut;
  std::vector<int> labels;
  for (std::uint64_t step = 0; step < schedule.totalSteps(); ++step) {
    gatherBatch(data.train, schedule.batch(step), x, labels, targets);
    const Matrix& y = model.forward(x);
    computeLoss(LossKind::CrossEntropy, y, {labels, nullptr}, &dOut);
    model.backward(dOut);
    optimizer->step(model.parameters(), model.gradients());
  }
  std::ifstream in(out() + "/params.f32", std::ios::binary);
  std::vector<float> distributed(model.parameterCount());
  in.read(reinterpret_cast<char*>(distributed.data()),
          static_cast<std::streamsize>(distributed.size() * sizeof(float)));
  ASSERT_TRUE(in.good());
  float worst = 0.0f;
  for (std::size_t i = 0; i < distributed.size(); ++i) {
    worst = std::max(worst, std::abs(distributed[i] - model.parameters()[i]));
  }
  EXPECT_LE(worst, 1e-6f);
  EXPECT_EQ(appliedPerWorker(events())[0], schedule.totalSteps());
}

TEST_F(ClusterRunTest, AnAsynchronousRunWritesEveryKindOfTelemetry) {
  auto run = start(smallSpec(R"("workers": 3, "sync": "asp")"));
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto ev = events();
  EXPECT_EQ(lifecycles(ev, LifecycleKind::Joined).size(), 3u);
  EXPECT_EQ(lifecycles(ev, LifecycleKind::Finished).size(), 3u);
  EXPECT_EQ(lifecycles(ev, LifecycleKind::RunFinished).size(), 1u);
  const auto applied = appliedPerWorker(ev);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(applied.at(k), stepsOf(k)) << k;
  // Partition statistics: shuffle-split gives every row to one worker, twice (two epochs).
  const auto parts = eventsOf<PartitionRecord>(ev);
  ASSERT_EQ(parts.size(), 6u);
  std::size_t rows = 0;
  for (const auto& p : parts) rows += p.epoch == 0 ? p.stats.size : 0;
  EXPECT_EQ(rows, 960u);  // 80% of 1200 for training
  std::vector<double> unused;
  for (const auto& m : eventsOf<Metric>(ev)) {
    if (m.name == "unused_fraction") unused.push_back(m.value);
  }
  EXPECT_EQ(unused, (std::vector<double>{0.0, 0.0}));  // shuffle-split: nobody's row is left out
  // Spans from the workers (compute, push, pull) and the server (aggregate, evaluate).
  std::map<SpanKind, int> spans;
  for (const auto& s : eventsOf<Span>(ev)) {
    ++spans[s.kind];
    EXPECT_LE(s.startNs, s.endNs);
  }
  for (auto kind : {SpanKind::Compute, SpanKind::Push, SpanKind::Pull, SpanKind::Aggregate,
                    SpanKind::Evaluate}) {
    EXPECT_GT(spans[kind], 0) << spanKindName(kind);
  }
  // Traffic measured on the sockets: every PUSH carries the model's floats.
  std::uint64_t pushes = 0, pushBytes = 0, pulls = 0, params = 0;
  for (const auto& t : eventsOf<TrafficRecord>(ev)) {
    if (t.type == MessageType::Push) {
      ++pushes;
      pushBytes += t.bytes;
    }
    pulls += t.type == MessageType::Pull;
    params += t.type == MessageType::Params;
  }
  EXPECT_EQ(pushes, stepsOf(0) + stepsOf(1) + stepsOf(2));
  // A worker sends one PULL, before its first step; after that each PUSH but the last asks for
  // the next parameters itself, and every step got its PARAMS.
  EXPECT_EQ(pulls, 3u);
  EXPECT_EQ(params, pushes);
  const std::uint64_t modelBytes = (2 * 32 + 32 + 32 * 4 + 4) * 4;
  // header, then kind, pullNext, base version, samples and count before the floats
  EXPECT_EQ(pushBytes, pushes * (12 + 1 + 1 + 8 + 4 + 4 + modelBytes));
  // metrics.csv: the header and one row per evaluation; the model learned something.
  std::ifstream csv(out() + "/metrics.csv");
  std::string header, line, last;
  std::getline(csv, header);
  EXPECT_EQ(header.rfind("version,epoch,elapsed_s", 0), 0u);
  int rowsInCsv = 0;
  while (std::getline(csv, line)) {
    ++rowsInCsv;
    last = line;
  }
  EXPECT_GE(rowsInCsv, 1);  // the final evaluation at least; a busy evaluator skips requests
  std::vector<std::string> fields;
  std::stringstream ss(last);
  for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
  ASSERT_EQ(fields.size(), 10u);
  EXPECT_GT(std::stod(fields[7]), 0.5);  // test accuracy, 4 classes
}

TEST_F(ClusterRunTest, RunWithReportWritesTheTablesSpecAndSummaryOfTheRun) {
  const std::string report = path("report").string();
  auto run = start(smallSpec(R"("workers": 2, "sync": "asp")"), {"--report", report});
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  for (const auto& table : reportTables()) {
    const auto rows = csvRows(report + "/" + table.fileName);
    ASSERT_GE(rows.size(), 2u) << table.fileName;  // a header and at least one row
    const auto header = table.make({}).header;  // data.csv adds a column per class after it
    ASSERT_GE(rows[0].size(), header.size()) << table.fileName;
    EXPECT_TRUE(std::equal(header.begin(), header.end(), rows[0].begin())) << table.fileName;
  }
  EXPECT_EQ(fileText(report + "/spec.json"), fileText(out() + "/spec.json"));
  // The traffic table's last cumulative count of each worker is every byte the sockets measured.
  const auto ev = events();
  std::map<std::string, std::uint64_t> measured, tabled;
  for (const auto& t : eventsOf<TrafficRecord>(ev)) measured[std::to_string(t.worker)] += t.bytes;
  const auto traffic = csvRows(report + "/traffic.csv");
  for (std::size_t r = 1; r < traffic.size(); ++r) tabled[traffic[r][1]] = std::stoull(traffic[r][5]);
  EXPECT_EQ(tabled, measured);
  // The summary's accuracy is the last evaluation's, as in metrics.csv.
  const auto metrics = fileText(out() + "/metrics.csv");
  const auto lastLine = metrics.substr(metrics.rfind('\n', metrics.size() - 2) + 1);
  std::vector<std::string> fields;
  std::stringstream ss(lastLine);
  for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
  const std::string summary = fileText(report + "/summary.json");
  const auto at = summary.find("\"final_test_accuracy\": ");
  ASSERT_NE(at, std::string::npos) << summary;
  EXPECT_NEAR(std::stod(summary.substr(at + 23)), std::stod(fields[7]), 1e-6) << summary;
  EXPECT_NE(summary.find("\"workers\": 2"), std::string::npos) << summary;
  // `distlab-engine report` on the run folder writes the same files.
  EngineProcess again({"report", out(), "--out", path("again").string()}, kToken,
                      path("stderr.txt").string());
  ASSERT_EQ(again.wait(60s), 0) << log();
  for (const auto& table : reportTables()) {
    EXPECT_EQ(fileText(path("again").string() + "/" + table.fileName),
              fileText(report + "/" + table.fileName))
        << table.fileName;
  }
}

// Lesson 1 on the real cluster: 2 workers, each batch its whole half of the 100 people, 3 steps.
// BSP must follow 3 steps of the lesson's gradient averaging, local SGD with tau = 3 the lesson's
// model averaging (float on the wire vs double in the lesson).
TEST_F(ClusterRunTest, TheClusterFollowsLessonOnesGradientAndModelAveraging) {
  const std::string lesson = R"({"name": "lesson 1 on the cluster", "seed": 11,
    "dataset": {"name": "height-weight", "samples": 125, "noise": 0.5},
    "model": {"arch": "linear"},
    "training": {"epochs": 3, "batch_size": 50, "lr": 0.1, "loss": "mse", "shuffle": false},
    "cluster": {"workers": 2, "reshuffle_every": 100, "eval_every": 1000, "heartbeat_ms": 100,
                "peer_timeout_ms": 3000, )";
  std::map<std::string, Line> result;
  for (const std::string sync : {"bsp", "local-sgd"}) {
    auto run = start(lesson + R"("sync": ")" + sync + R"(", "local_steps": 3}})");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    std::ifstream in(out() + "/params.f32", std::ios::binary);
    float params[2] = {0, 0};  // the dense layer's weight (b), then its bias (a)
    in.read(reinterpret_cast<char*>(params), sizeof params);
    ASSERT_TRUE(in.good());
    result[sync] = {params[1], params[0]};
  }
  // The lesson's computation on the same halves from the same initial model.
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  Model model = buildModelFor(m_spec, data.train);
  ASSERT_EQ(model.parameterCount(), 2u);
  std::vector<Points> clients(2);
  for (int k = 0; k < 2; ++k) {
    WorkerSchedule schedule(m_spec, data.train, k);
    ASSERT_EQ(schedule.totalSteps(), 3u);
    for (const auto row : schedule.batch(0)) {
      clients[k].height.push_back(data.train.x(row, 0));
      clients[k].weight.push_back(data.train.targets(row, 0));
    }
  }
  AveragingOptions o;
  o.start = {model.parameters()[1], model.parameters()[0]};
  o.lr = 0.1;
  o.rounds = 1;
  o.localSteps = 3;
  const AveragingRun lesson1 = runAveraging(clients, o);
  auto distance = [](const Line& x, const Line& y) { return std::hypot(x.a - y.a, x.b - y.b); };
  const Line& ga = lesson1.gradientAveraging[1];
  const Line& ma = lesson1.modelAveraging[1];
  // Each run lands on its own method's result, ten times closer than the methods are apart.
  const double apart = distance(ga, ma);
  EXPECT_LT(distance(result["bsp"], ga), apart / 10) << apart;
  EXPECT_LT(distance(result["local-sgd"], ma), apart / 10) << apart;
  EXPECT_LT(distance(result["bsp"], ga), 1e-4 * std::hypot(ga.a, ga.b));
}

// Lesson 5 at small size: four real clusters, one per aggregation method, and their curves.
TEST_F(ClusterRunTest, LessonFiveRunsAllFourAggregationMethodsAndWritesTheirCurves) {
  auto run = start(R"({"name": "lesson 5 small", "seed": 2, "experiment": "aggregation",
    "dataset": {"name": "fashion-mnist", "train_limit": 2000, "test_limit": 500},
    "model": {"arch": "mlp", "hidden": [32], "activation": "relu", "init": "he"},
    "training": {"epochs": 2, "batch_size": 50, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "local-sgd", "local_steps": 5, "eval_every": 1,
                "distill_steps": 20, "heartbeat_ms": 100, "peer_timeout_ms": 3000}})");
  ASSERT_EQ(run->wait(180s), 0) << log();
  std::map<std::string, int> points;
  const auto curves = csvRows(out() + "/aggregation.csv");
  ASSERT_FALSE(curves.empty());
  EXPECT_EQ(curves[0], (std::vector<std::string>{"method", "round", "epoch", "elapsed_s",
                                                 "test_loss", "test_accuracy", "bytes"}));
  std::map<std::string, double> lastEpoch;
  for (std::size_t r = 1; r < curves.size(); ++r) {
    ++points[curves[r][0]];
    lastEpoch[curves[r][0]] = std::stod(curves[r][2]);
  }
  for (const char* method : {"S-DNN", "MA-DNN", "E-DNN", "EC-DNN"}) {
    EXPECT_GE(points[method], 1) << method;  // asked every round; a busy evaluator skips some
    EXPECT_NEAR(lastEpoch[method], 2.0, 1e-3) << method;  // each curve ends at the budget
  }
  std::map<std::string, std::vector<std::string>> summary;
  for (const auto& row : csvRows(out() + "/aggregation_summary.csv")) summary[row[0]] = row;
  const std::uint64_t model = (784 * 32 + 32 + 32 * 10 + 10);
  EXPECT_EQ(summary["S-DNN"][1], "1");
  EXPECT_EQ(summary["MA-DNN"][3], std::to_string(model));
  EXPECT_EQ(summary["E-DNN"][3], std::to_string(2 * model));  // the ensemble is K models
  EXPECT_EQ(summary["EC-DNN"][3], std::to_string(model));     // compressed back to one
  EXPECT_EQ(std::filesystem::file_size(out() + "/E-DNN/params.f32"), 2 * model * sizeof(float));
  EXPECT_EQ(std::filesystem::file_size(out() + "/EC-DNN/params.f32"), model * sizeof(float));
  for (const auto& [method, row] : summary) {
    if (method != "method") {
      EXPECT_GT(std::stod(row[2]), 0.5) << method;  // they all learn
    }
  }
}

// The privacy lesson's threat: the server keeps worker 0's PUSH of step 3 from a live 2-worker
// run (batch 1) and inverts it.
TEST_F(ClusterRunTest, AWorkersCapturedPushFromALiveRunIsInvertedToItsTrainingImage) {
  const std::string model = R"("model": {"arch": "mlp", "hidden": [256], "activation": "sigmoid",
    "init": "uniform", "init_range": [-0.05, 0.05]},
    "dataset": {"name": "fashion-mnist", "train_limit": 200, "test_limit": 100})";
  auto run = start(R"({"name": "capture", "seed": 4, )" + model + R"(,
    "training": {"epochs": 1, "batch_size": 1, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 1000, "heartbeat_ms": 100,
                "peer_timeout_ms": 3000},
    "privacy": {"capture_worker": 0, "capture_step": 3}})");
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const PushCapture capture = readPushCapture(out() + "/capture");
  EXPECT_EQ(capture.worker, 0);
  EXPECT_EQ(capture.step, 3u);
  EXPECT_EQ(capture.baseVersion, 3u);  // BSP: the push is computed on version 3
  ASSERT_EQ(capture.rows.size(), 1u);
  const auto results = attackWith(R"({"name": "invert", "seed": 4, "experiment": "inversion", )" +
                                  model + R"(, "privacy": {"attack": "dlg", "capture_from": ")" +
                                  out() + R"(", "iterations": 300}})");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1][0], std::to_string(capture.rows[0]));  // the captured training row
  EXPECT_EQ(results[1][1], results[1][2]);                     // its label recovered
  EXPECT_GE(std::stod(results[1][4]), 30.0);                   // and the image: PSNR
}

// Secure aggregation on the real cluster: the workers exchange X25519 keys through the server,
// mask every push, and the model trains exactly as without masks (the same updates, to the
// fixed point's resolution), while the push the server keeps gives the attack nothing.
TEST_F(ClusterRunTest, SecureAggregationTrainsTheSameModelAndLeavesTheServerOnlyNoise) {
  const std::string model = R"("model": {"arch": "mlp", "hidden": [64], "activation": "sigmoid",
    "init": "uniform", "init_range": [-0.05, 0.05]},
    "dataset": {"name": "fashion-mnist", "train_limit": 300, "test_limit": 200})";
  std::map<bool, double> accuracy;
  for (const bool secure : {false, true}) {
    auto run = start(R"({"name": "secure", "seed": 4, )" + model + R"(,
      "training": {"epochs": 1, "batch_size": 1, "lr": 0.5},
      "cluster": {"workers": 3, "sync": "bsp", "eval_every": 1000, "heartbeat_ms": 100,
                  "peer_timeout_ms": 3000},
      "privacy": {"capture_worker": 0, "capture_step": 5, "secure_aggregation": )" +
                     std::string(secure ? "true" : "false") + "}}");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    for (const auto& m : eventsOf<Metric>(events())) {
      if (m.name == "test_accuracy") accuracy[secure] = m.value;
    }
    const auto exchanged = lifecycles(events(), LifecycleKind::KeysExchanged);
    EXPECT_EQ(exchanged.size(), secure ? 1u : 0u);
    EXPECT_TRUE(lifecycles(events(), LifecycleKind::RoundLost).empty());
    if (!secure) continue;
    const PushCapture capture = readPushCapture(out() + "/capture");
    EXPECT_TRUE(capture.masked);
    const auto results = attackWith(
        R"({"name": "invert", "seed": 4, "experiment": "inversion", )" + model +
        R"(, "privacy": {"attack": "dlg", "capture_from": ")" + out() + R"(", "iterations": 100}})");
    ASSERT_EQ(results.size(), 2u);
    EXPECT_LT(std::stod(results[1][4]), 10.0);  // PSNR: the masked push hides the image
  }
  EXPECT_GT(accuracy[false], 0.4);
  EXPECT_NEAR(accuracy[true], accuracy[false], 0.011);  // the same model, up to rounding
}

// Without dropout recovery a lost worker ends a securely aggregated run, with the reason.
TEST_F(ClusterRunTest, SecureAggregationEndsTheRunWhenAWorkerDies) {
  std::string spec = smallSpec(R"("workers": 3, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5, 0.5])", 6);
  spec.insert(spec.size() - 1, R"(, "privacy": {"secure_aggregation": true})");
  auto run = start(spec);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 3; }, 60s)) << log();
  const pid_t victim = workerPid(events(), 2);
  ASSERT_GT(victim, 0);
  ::kill(victim, SIGKILL);
  EXPECT_NE(run->wait(120s), 0) << log();
  const auto ended = lifecycles(events(), LifecycleKind::RunFinished);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_NE(ended[0].detail.find("secure aggregation: worker 2 left"), std::string::npos)
      << ended[0].detail;
}

// Under ASP the server has usually moved on when a push arrives; the capture keeps the
// parameters that were sent to the worker, so the stale gradient is still inverted exactly.
TEST_F(ClusterRunTest, AnAsynchronousPushIsCapturedWithTheParametersItWasComputedOn) {
  const std::string model = R"("model": {"arch": "mlp", "hidden": [256], "activation": "sigmoid",
    "init": "uniform", "init_range": [-0.05, 0.05]},
    "dataset": {"name": "fashion-mnist", "train_limit": 4000, "test_limit": 100})";
  // Slowed 5x, worker 1 pushes long after the others moved the server on, unless the scheduler
  // started it well before them (then its early steps are not stale): such a run is tried again.
  PushCapture capture;
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::filesystem::remove_all(out());
    auto run = start(R"({"name": "asp capture", "seed": 4, )" + model + R"(,
      "training": {"epochs": 1, "batch_size": 1, "lr": 0.1},
      "cluster": {"workers": 4, "sync": "asp", "eval_every": 1000, "heartbeat_ms": 100,
                  "peer_timeout_ms": 3000, "slowdown": [1, 5, 1, 1]},
      "privacy": {"capture_worker": 1, "capture_step": 20}})");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    capture = readPushCapture(out() + "/capture");
    EXPECT_EQ(capture.worker, 1);
    EXPECT_EQ(capture.step, 20u);  // the step asked for, however stale
    if (capture.baseVersion < capture.serverVersion) break;
  }
  ASSERT_LT(capture.baseVersion, capture.serverVersion) << "never stale in 3 runs";
  const auto results = attackWith(
      R"({"name": "invert", "seed": 4, "experiment": "inversion", )" + model +
      R"(, "privacy": {"attack": "idlg", "capture_from": ")" + out() + R"(", "iterations": 300}})");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1][1], results[1][2]);
  EXPECT_GE(std::stod(results[1][4]), 30.0) << "base version " << capture.baseVersion
                                            << ", server at " << capture.serverVersion;
}

// The privacy lesson's price, on the real cluster: every worker noises its gradient before the
// PUSH, and the model learns less.
TEST_F(ClusterRunTest, WorkersThatNoiseTheirGradientsTrainAWorseModel) {
  std::map<std::string, double> accuracy;
  for (const std::string defense : {"none", "noise"}) {
    auto run = start(R"({"name": "defended", "seed": 3,
      "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
      "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
      "training": {"epochs": 2, "batch_size": 32, "lr": 0.1},
      "cluster": {"workers": 2, "sync": "bsp", "eval_every": 20, "heartbeat_ms": 100,
                  "peer_timeout_ms": 3000},
      "privacy": {"defense": ")" + defense + R"(", "defense_strength": 2.0}})");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    for (const auto& m : eventsOf<Metric>(events())) {
      if (m.name == "test_accuracy") accuracy[defense] = m.value;
    }
  }
  EXPECT_GT(accuracy["none"], 0.85);
  EXPECT_LT(accuracy["noise"], accuracy["none"] - 0.1);
}

TEST_F(ClusterRunTest, SamplingWithReplacementLeavesAboutOneInEExamplesToNoWorker) {
  auto run = start(smallSpec(R"("workers": 4, "sync": "bsp", "partition": "with-replacement")"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  std::vector<double> unused;
  for (const auto& m : eventsOf<Metric>(events())) {
    if (m.name == "unused_fraction") unused.push_back(m.value);
  }
  ASSERT_EQ(unused.size(), 2u);                          // a new draw every epoch
  for (double u : unused) EXPECT_NEAR(u, 0.3679, 0.06);  // (1 - 1/n)^n, n = 960: sd ~0.016
  EXPECT_NE(unused[0], unused[1]);
}

TEST_F(ClusterRunTest, LocalSgdAveragesModelsEveryTauStepsAndLearns) {
  auto run = start(smallSpec(R"("workers": 2, "sync": "local-sgd", "local_steps": 4)", 3));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto ev = events();
  const auto applied = appliedPerWorker(ev);
  for (int k = 0; k < 2; ++k) {
    EXPECT_EQ(applied.at(k), (stepsOf(k) + 3) / 4) << k;  // one model push per 4 local steps
  }
  std::uint64_t pushes = 0;
  for (const auto& t : eventsOf<TrafficRecord>(ev)) pushes += t.type == MessageType::Push;
  EXPECT_EQ(pushes, applied.at(0) + applied.at(1));
  double accuracy = 0;
  for (const auto& m : eventsOf<Metric>(ev)) {
    if (m.name == "test_accuracy") accuracy = m.value;
  }
  EXPECT_GT(accuracy, 0.5);
}

TEST_F(ClusterRunTest, APeerWithAWrongTokenIsRejectedAndTheRunGoesOn) {
  auto run = start(smallSpec(R"("workers": 1, "sync": "bsp")"), {"--external-workers"});
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  {
    BlockingChannel intruder;
    intruder.connect("127.0.0.1", static_cast<std::uint16_t>(port), 5000);
    intruder.send(Hello{PeerRole::Worker, 0, 0});
    const auto challenge = std::get<Challenge>(intruder.receive());
    const auto mac = authAnswer("not the token", challenge.nonce, 0, kProtocolVersion);
    intruder.send(Auth{std::vector<std::uint8_t>(mac.begin(), mac.end())});
    const auto verdict = intruder.receive();
    ASSERT_TRUE(std::holds_alternative<Shutdown>(verdict));
    EXPECT_NE(std::get<Shutdown>(verdict).reason.find("authentication failed"), std::string::npos);
  }
  {
    // A client of another protocol: its first bytes are not a frame; it is cut off and reported.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    ASSERT_EQ(::write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
    char reply[64];
    EXPECT_EQ(::read(fd, reply, sizeof reply), 0);  // closed without an answer
    ::close(fd);
  }
  EngineProcess worker({"worker", "--connect", "127.0.0.1:" + std::to_string(port), "--rank", "0"},
                       kToken, path("stderr.txt").string());
  EXPECT_EQ(worker.wait(120s), 0) << log();
  EXPECT_EQ(run->wait(120s), 0) << log();
  const auto ev = events();
  EXPECT_EQ(lifecycles(ev, LifecycleKind::AuthFailed).size(), 1u);
  const auto rejected = lifecycles(ev, LifecycleKind::Rejected);
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_NE(rejected[0].detail.find("wrong magic"), std::string::npos) << rejected[0].detail;
  EXPECT_EQ(lifecycles(ev, LifecycleKind::Finished).size(), 1u);
}

TEST_F(ClusterRunTest, SspNeverAppliesAnUpdateStalerThanItsBound) {
  // Worker 0 is the straggler: slower compute and a 0.3 Mbit/s link (~25 ms a step).
  auto run = start(smallSpec(R"("workers": 3, "sync": "ssp", "staleness": 2,
                                 "slowdown": [5, 1, 1], "bandwidth_mbps": [0.3, 0, 0])"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(180s), 0) << log();
  std::uint64_t widest = 0;
  for (const auto& s : eventsOf<StalenessRecord>(events())) widest = std::max(widest, s.clockGap);
  EXPECT_EQ(widest, 2u);  // the fast workers ran ahead as far as allowed, never further
}

TEST_F(ClusterRunTest, AWorkersWaitSpansCoverItsTimeFromAskingToTheAnswer) {
  // BSP with a straggler: the fast workers wait at every barrier.
  auto run = start(smallSpec(R"("workers": 3, "sync": "bsp", "slowdown": [4, 1, 1])"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  std::map<int, std::vector<Span>> lanes;
  for (const auto& s : eventsOf<Span>(events())) {
    if (s.lane >= 0) lanes[s.lane].push_back(s);
  }
  for (int k = 0; k < 3; ++k) {
    auto& spans = lanes[k];
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.startNs < b.startNs; });
    // From each PUSH that asked for the next parameters to the PARAMS that answered it.
    std::int64_t asked = -1, gaps = 0, waits = 0;
    int waitSpans = 0;
    for (const auto& s : spans) {
      if (s.kind == SpanKind::Push) asked = s.endNs;
      if (s.kind == SpanKind::Wait && asked >= 0) {  // not the first, from the first PULL
        ++waitSpans;
        waits += s.endNs - s.startNs;
        EXPECT_EQ(s.startNs, asked) << "worker " << k;  // it starts when the push was sent
      }
      if (s.kind == SpanKind::Pull && asked >= 0) {
        gaps += s.startNs - asked;
        asked = -1;
      }
    }
    ASSERT_GT(gaps, 0) << k;
    // Every gap is a wait, but those under 20 us, which are not drawn.
    EXPECT_GE(static_cast<double>(waits), 0.95 * static_cast<double>(gaps)) << k;
    EXPECT_LE(waits, gaps) << k;
    if (k > 0) {
      EXPECT_GE(waitSpans, static_cast<int>(stepsOf(k)) / 2) << k;  // the fast ones wait
    }
  }
}

TEST_F(ClusterRunTest, TheServersAggregateSpansHoldNoSending) {
  auto run = start(smallSpec(R"("workers": 2, "sync": "bsp")"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto ev = events();
  std::vector<std::int64_t> paramsSent;
  for (const auto& t : eventsOf<TrafficRecord>(ev)) {
    if (t.type == MessageType::Params) paramsSent.push_back(t.timeNs);
  }
  std::sort(paramsSent.begin(), paramsSent.end());
  int aggregates = 0;
  for (const auto& s : eventsOf<Span>(ev)) {
    if (s.kind != SpanKind::Aggregate) continue;
    ++aggregates;
    // The round's PARAMS go out after the span, not inside it.
    const auto first = std::lower_bound(paramsSent.begin(), paramsSent.end(), s.startNs);
    EXPECT_TRUE(first == paramsSent.end() || *first > s.endNs) << "version " << s.step;
  }
  EXPECT_EQ(aggregates, static_cast<int>(stepsOf(0)));
}

TEST_F(ClusterRunTest, AspLetsFastWorkersRunFarAheadOfAStraggler) {
  auto run = start(smallSpec(R"("workers": 3, "sync": "asp", "slowdown": [5, 1, 1],
                                 "bandwidth_mbps": [0.3, 0, 0])"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(180s), 0) << log();
  std::uint64_t widest = 0;
  for (const auto& s : eventsOf<StalenessRecord>(events())) widest = std::max(widest, s.clockGap);
  EXPECT_GT(widest, 5u);
}

class KillTest : public ClusterRunTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(KillTest, KillNineOfAWorkerLosesNoneOfTheOtherWorkersUpdates) {
  // Capped links (0.5 Mbit/s: ~30 ms a step) make the run last long enough to kill a worker.
  auto run = start(smallSpec(std::string(R"("workers": 3, "bandwidth_mbps": [0.5, 0.5, 0.5],
                                            "slowdown": [1, 2, 1], "sync": ")") +
                                 GetParam() + "\"",
                             6));
  ASSERT_GT(run->waitForPort(), 0) << log();
  pid_t victim = 0;
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto ev = events();
        victim = workerPid(ev, 1);
        return victim > 0 && appliedPerWorker(ev)[1] >= 10;
      },
      60s))
      << log();
  ASSERT_EQ(::kill(victim, SIGKILL), 0);
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto ev = events();
  const auto died = lifecycles(ev, LifecycleKind::Died);
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(died[0].worker, 1);
  const auto applied = appliedPerWorker(ev);
  EXPECT_EQ(applied.at(0), stepsOf(0));
  EXPECT_EQ(applied.at(2), stepsOf(2));
  EXPECT_LT(applied.at(1), stepsOf(1));
  EXPECT_EQ(lifecycles(ev, LifecycleKind::Finished).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(EveryPolicy, KillTest, ::testing::Values("bsp", "asp", "ssp"));

class OrphanTest : public ClusterRunTest, public ::testing::WithParamInterface<int> {};

TEST_P(OrphanTest, NoWorkerOutlivesTheCoordinator) {
  auto run = start(smallSpec(R"("workers": 3, "sync": "bsp", "slowdown": [3, 3, 3])", 50));
  ASSERT_GT(run->waitForPort(), 0) << log();
  std::vector<pid_t> pids;
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto ev = events();
        pids.clear();
        for (int k = 0; k < 3; ++k) pids.push_back(workerPid(ev, k));
        return std::count(pids.begin(), pids.end(), 0) == 0;
      },
      60s))
      << log();
  run->signal(GetParam());
  const auto code = run->wait(30s);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(*code, 128 + GetParam());
  for (pid_t pid : pids) {
    EXPECT_TRUE(waitUntil([&] { return !processAlive(pid); }, 10s)) << pid;
  }
}

INSTANTIATE_TEST_SUITE_P(Signals, OrphanTest, ::testing::Values(SIGINT, SIGTERM, SIGKILL));

// A monitor: authenticates like a worker, receives telemetry, sends CONTROL.
class Monitor {
 public:
  explicit Monitor(int port) {
    m_channel.connect("127.0.0.1", static_cast<std::uint16_t>(port), 5000);
    m_channel.send(Hello{PeerRole::Monitor, 0, 0});
    const auto challenge = std::get<Challenge>(m_channel.receive());
    const auto mac = authAnswer(kToken, challenge.nonce, 0, kProtocolVersion);
    m_channel.send(Auth{std::vector<std::uint8_t>(mac.begin(), mac.end())});
    EXPECT_TRUE(std::holds_alternative<Welcome>(m_channel.receive()));
  }
  void send(ControlCommand command, int target = 0, double value = 0) {
    m_channel.send(
        Control{static_cast<std::uint8_t>(command), static_cast<std::uint32_t>(target), value});
  }
  /// Telemetry until SHUTDOWN (the run's end).
  std::vector<Event> drain() {
    std::vector<Event> events;
    for (;;) {
      const Message m = m_channel.receive();
      if (const auto* t = std::get_if<Telemetry>(&m)) {
        decodeBatch({reinterpret_cast<const char*>(t->events.data()), t->events.size()}, events);
      }
      if (std::holds_alternative<Shutdown>(m)) return events;
    }
  }

 private:
  BlockingChannel m_channel;
};

TEST_F(ClusterRunTest, AMonitorPausesStepsOneRoundKillsAWorkerAndResumes) {
  auto run =
      start(smallSpec(R"("workers": 3, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5, 0.5])", 6));
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  Monitor monitor(port);
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 5; }, 60s)) << log();
  monitor.send(ControlCommand::Pause);
  // Paused: once the round in flight is in, nothing more is applied.
  std::size_t settled = 0;
  ASSERT_TRUE(waitUntil(
      [&] {
        const std::size_t before = eventsOf<StalenessRecord>(events()).size();
        ::usleep(300'000);
        settled = eventsOf<StalenessRecord>(events()).size();
        return settled == before;
      },
      10s));
  monitor.send(ControlCommand::Step);  // exactly one more round: one push from each worker
  EXPECT_TRUE(
      waitUntil([&] { return eventsOf<StalenessRecord>(events()).size() == settled + 3; }, 10s));
  ::usleep(300'000);
  EXPECT_EQ(eventsOf<StalenessRecord>(events()).size(), settled + 3);

  const pid_t victim = workerPid(events(), 2);
  ASSERT_GT(victim, 0);
  monitor.send(ControlCommand::Kill, 2);
  EXPECT_TRUE(waitUntil([&] { return !processAlive(victim); }, 10s));
  monitor.send(ControlCommand::Resume);
  const auto seen = monitor.drain();
  ASSERT_EQ(run->wait(120s), 0) << log();
  EXPECT_EQ(lifecycles(seen, LifecycleKind::Died).size(), 1u);
  EXPECT_EQ(lifecycles(seen, LifecycleKind::Finished).size(), 2u);
  EXPECT_EQ(lifecycles(seen, LifecycleKind::Paused).size(), 1u);
  // The monitor saw the same stream as events.jsonl, up to the SHUTDOWN frames sent after its
  // last batch.
  const auto notShutdown = [](const std::vector<Event>& all) {
    return std::count_if(all.begin(), all.end(), [](const Event& e) {
      const auto* t = std::get_if<TrafficRecord>(&e);
      return !t || t->type != MessageType::Shutdown;
    });
  };
  EXPECT_EQ(notShutdown(seen), notShutdown(events()));
}

// A captured push of the cluster's own lenet5 (convolutions, max pooling) is attacked on that
// network in float through the R-operator: its label comes back (iDLG), and the fit lowers the
// gradient distance; max pooling keeps the image itself mostly hidden (RESULTS.md).
TEST_F(ClusterRunTest, ALenetPushIsAttackedOnTheClustersOwnNetwork) {
  auto run = start(R"({"name": "lenet capture", "seed": 4,
    "dataset": {"name": "fashion-mnist", "train_limit": 60, "test_limit": 100},
    "model": {"arch": "lenet5", "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.5, 0.5]},
    "training": {"epochs": 1, "batch_size": 1, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 1000, "heartbeat_ms": 100,
                "peer_timeout_ms": 3000},
    "privacy": {"capture_worker": 0, "capture_step": 3}})");
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  Spec attack = loadSpecFile(out() + "/spec.json");
  attack.experiment = "inversion";
  attack.privacy.captureFrom = out();
  attack.privacy.iterations = 100;
  const auto results = attackWith(specToString(attack));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1][0], std::to_string(readPushCapture(out() + "/capture").rows.at(0)));
  EXPECT_EQ(results[1][1], results[1][2]);  // the label
  const auto curve = csvRows(path("attack").string() + "/attack.csv");
  ASSERT_GT(curve.size(), 3u);
  EXPECT_LT(std::stod(curve.back()[2]), 0.5 * std::stod(curve[1][2]));  // the distance fell
}

// The capture asked for from the window: a monitor's CONTROL Capture makes the server keep worker
// 1's next PUSH in a folder of its own (with the spec), reported as a "captured" event, and that
// folder alone is enough to rebuild the training image.
TEST_F(ClusterRunTest, AMonitorCapturesAWorkersNextPushWhichIsInvertedFromItsFolder) {
  auto run = start(R"({"name": "capture by command", "seed": 4,
    "model": {"arch": "mlp", "hidden": [64], "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.05, 0.05]},
    "dataset": {"name": "fashion-mnist", "train_limit": 30, "test_limit": 100},
    "training": {"epochs": 1, "batch_size": 1, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 1000, "heartbeat_ms": 100,
                "peer_timeout_ms": 3000, "bandwidth_mbps": [16, 16]}})");
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  Monitor monitor(port);
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[1] >= 2; }, 60s)) << log();
  monitor.send(ControlCommand::Capture, 1);
  const auto seen = monitor.drain();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto captured = lifecycles(seen, LifecycleKind::Captured);
  ASSERT_EQ(captured.size(), 1u) << log();
  EXPECT_EQ(captured[0].worker, 1);
  const std::string folder = out() + "/" + captured[0].detail;
  const PushCapture capture = readPushCapture(folder);
  EXPECT_EQ(capture.worker, 1);
  EXPECT_GE(capture.step, 2u);
  EXPECT_EQ(captured[0].detail, "captures/worker-1-step-" + std::to_string(capture.step));
  ASSERT_EQ(capture.rows.size(), 1u);
  // The folder's spec is the run's; turned into an inversion spec it attacks the folder.
  const Spec runSpec = loadSpecFile(folder + "/spec.json");
  EXPECT_EQ(runSpec.name, "capture by command");
  Spec attack = runSpec;
  attack.experiment = "inversion";
  attack.privacy.captureFrom = folder;
  const auto results = attackWith(specToString(attack));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1][0], std::to_string(capture.rows[0]));
  EXPECT_EQ(results[1][1], results[1][2]);
  EXPECT_GE(std::stod(results[1][4]), 30.0);
}

TEST_F(ClusterRunTest, AKilledWorkerRestartedFromTheMonitorRejoinsAndFinishes) {
  auto run =
      start(smallSpec(R"("workers": 3, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5, 0.5])", 6));
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  Monitor monitor(port);
  pid_t victim = 0;
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto ev = events();
        victim = workerPid(ev, 1);
        return victim > 0 && appliedPerWorker(ev)[1] >= 5;
      },
      60s));
  monitor.send(ControlCommand::Kill, 1);
  ASSERT_TRUE(waitUntil([&] { return !lifecycles(events(), LifecycleKind::Died).empty(); }, 10s));
  monitor.send(ControlCommand::Restart, 1);
  const auto seen = monitor.drain();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto rejoined = lifecycles(seen, LifecycleKind::Rejoined);
  ASSERT_EQ(rejoined.size(), 1u);
  EXPECT_EQ(rejoined[0].worker, 1);
  EXPECT_EQ(rejoined[0].detail.find("pid " + std::to_string(victim)), std::string::npos);
  EXPECT_EQ(lifecycles(seen, LifecycleKind::Finished).size(), 3u);  // the new process too
  EXPECT_FALSE(processAlive(victim));
}

TEST_F(ClusterRunTest, AFrozenWorkerIsDeclaredDeadAfterThePeerTimeoutAndTheBarrierGoesOn) {
  auto run = start(smallSpec(
      R"("workers": 2, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5], "peer_timeout_ms": 1000)", 6));
  ASSERT_GT(run->waitForPort(), 0) << log();
  pid_t frozen = 0;
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto ev = events();
        frozen = workerPid(ev, 0);
        return frozen > 0 && appliedPerWorker(ev)[0] >= 5;
      },
      60s));
  ::kill(frozen, SIGSTOP);  // alive but silent: only the heartbeat deadline can tell
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto died = lifecycles(events(), LifecycleKind::Died);
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(died[0].worker, 0);
  EXPECT_NE(died[0].detail.find("no heartbeat"), std::string::npos) << died[0].detail;
  EXPECT_EQ(appliedPerWorker(events())[1], stepsOf(1));
  EXPECT_TRUE(waitUntil([&] { return !processAlive(frozen); }, 10s));  // stopped, then killed
}

TEST_F(ClusterRunTest, BspWithFourWorkersReaches84PercentOnFashionMnistInTheDefaultLesson) {
  std::ifstream preset(std::string(DISTLAB_SOURCE_DIR) + "/resources/presets/default.json");
  const std::string text((std::istreambuf_iterator<char>(preset)),
                         std::istreambuf_iterator<char>());
  const Spec spec = loadSpecText(text);
  ASSERT_EQ(spec.cluster.workers, 4);
  ASSERT_EQ(spec.cluster.sync, "bsp");
  auto run = start(text);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(1200s), 0) << log();
  std::ifstream csv(out() + "/metrics.csv");
  std::string line, last;
  while (std::getline(csv, line)) last = line;
  std::vector<std::string> fields;
  std::stringstream ss(last);
  for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
  ASSERT_EQ(fields.size(), 10u) << last;
  EXPECT_GE(std::stod(fields[7]), 0.84) << last;
}

}  // namespace
}  // namespace distlab::engine
