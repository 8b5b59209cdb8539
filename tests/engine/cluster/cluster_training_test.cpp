// Real clusters on loopback that train: the same result as one process, every kind of
// telemetry, the report, and the sync rules' guarantees.
#include <sys/resource.h>

#include <cmath>

#include "cluster_fixture.h"
#include "core/atomic_file.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

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
  EXPECT_EQ(workerStates(ev, WorkerStatus::Joined).size(), 3u);
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 3u);
  EXPECT_EQ(eventsOf<RunEnded>(ev).size(), 1u);
  const auto applied = appliedPerWorker(ev);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(applied.at(k), stepsOf(k)) << k;
  // Partition statistics: shuffle-split gives every row to one worker, twice (two epochs).
  const auto parts = eventsOf<PartitionShare>(ev);
  ASSERT_EQ(parts.size(), 6u);
  std::size_t rows = 0;
  for (const auto& p : parts) rows += p.epoch == 0 ? p.size : 0;
  EXPECT_EQ(rows, 960u);  // 80% of 1200 for training
  std::vector<double> unused;
  for (const auto& s : eventsOf<SplitSummary>(ev)) unused.push_back(s.unusedFraction);
  EXPECT_EQ(unused, (std::vector<double>{0.0, 0.0}));  // shuffle-split: nobody's row is left out
  // Spans from the workers (compute, push, pull) and the server (aggregate, evaluate).
  std::map<SpanKind, int> spans;
  for (const auto& s : eventsOf<Span>(ev)) {
    ++spans[s.kind];
    EXPECT_LE(s.startNs, s.endNs);
  }
  for (auto kind : {SpanKind::Compute, SpanKind::Push, SpanKind::Pull, SpanKind::Aggregate,
                    SpanKind::Evaluate}) {
    EXPECT_GT(spans[kind], 0) << enumName(kind);
  }
  // Traffic measured on the sockets: every PUSH carries the model's floats.
  std::uint64_t pushes = 0, pushBytes = 0, pulls = 0, params = 0;
  for (const auto& t : eventsOf<Traffic>(ev)) {
    if (t.message == MessageType::Push) {
      ++pushes;
      pushBytes += t.wireBytes;
    }
    pulls += t.message == MessageType::Pull;
    params += t.message == MessageType::Params;
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
  for (const auto& t : eventsOf<Traffic>(ev)) measured[std::to_string(t.worker)] += t.wireBytes;
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
  for (const auto& t : eventsOf<Traffic>(ev)) pushes += t.message == MessageType::Push;
  EXPECT_EQ(pushes, applied.at(0) + applied.at(1));
  EXPECT_GT(lastAccuracy(ev), 0.5);
}

// The test set is scored in its own thread while the workers go on; each evaluation must stand
// where its snapshot was taken. BSP, 2 workers, full batches of 32: update v is 64 v examples.
TEST_F(ClusterRunTest, AnEvaluationIsPlacedAtTheUpdateItScoredNotWhereTheRunIsWhenItEnds) {
  // A large test set (11,520 examples) and a small training set (1,280): scoring takes longer
  // than many rounds.
  auto run = start(R"({"name": "placement", "seed": 5,
    "dataset": {"name": "blobs", "samples": 12800, "classes": 4, "noise": 0.6,
                "test_fraction": 0.9},
    "model": {"arch": "mlp", "hidden": [256, 256], "activation": "tanh"},
    "training": {"epochs": 20, "batch_size": 32, "lr": 0.05},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 10, "heartbeat_ms": 100}})");
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto evaluations = eventsOf<Evaluation>(events());
  ASSERT_GE(evaluations.size(), 3u);
  for (const auto& e : evaluations) {
    EXPECT_EQ(e.samples, e.update * 64) << "update " << e.update;
    EXPECT_DOUBLE_EQ(e.epoch, static_cast<double>(e.update * 64) / 1280.0) << e.update;
  }
}

// cluster.encoder: each PUSH takes the encoder's bytes on the wire, stands for the model's floats,
// and the model trains about as well as with plain floats.
TEST_F(ClusterRunTest, AnEncodedUpdateTakesFewerBytesOnTheWireAndTrainsAsWell) {
  std::map<std::string, double> accuracy;
  for (const std::string encoder : {"float32", "fp16", "int8"}) {
    SCOPED_TRACE(encoder);
    auto run = start(smallSpec(R"("workers": 2, "sync": "bsp", "encoder": ")" + encoder + "\"", 3));
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
    const std::size_t n = buildModelFor(m_spec, data.train).parameterCount();
    const std::size_t payload = encoder == "float32" ? 4 * n : encoder == "fp16" ? 2 * n : 4 + n;
    const std::size_t head = kFrameHeaderSize + bulkPrefixSize(MessageType::Push);
    const auto ev = events();
    std::size_t pushes = 0;
    for (const auto& t : eventsOf<Traffic>(ev)) {
      if (t.message != MessageType::Push) continue;
      ++pushes;
      ASSERT_EQ(t.wireBytes, head + payload);
      ASSERT_EQ(t.rawBytes, head + 4 * n);
    }
    EXPECT_EQ(pushes, stepsOf(0) + stepsOf(1));
    accuracy[encoder] = lastAccuracy(ev);
    std::filesystem::remove_all(out());
  }
  EXPECT_GT(accuracy["float32"], 0.8);
  EXPECT_NEAR(accuracy["fp16"], accuracy["float32"], 0.02);
  EXPECT_NEAR(accuracy["int8"], accuracy["float32"], 0.05);
}

// Issue 20: top-1% sparsification on a real cluster pushes 50 times fewer bytes; alone it
// costs accuracy, with error feedback it trains as well as plain floats.
TEST_F(ClusterRunTest, TopOnePercentWithErrorFeedbackTrainsAsWellInAFiftiethOfTheBytes) {
  std::map<std::string, double> accuracy, pushed;
  for (const std::string variant : {"float32", "topk", "topk+ef"}) {
    SCOPED_TRACE(variant);
    const std::string encoder = variant == "float32" ? "float32" : "topk";
    auto run = start(R"({"name": "ef", "seed": 3,
      "dataset": {"name": "fashion-mnist", "train_limit": 6000, "test_limit": 1000},
      "model": {"arch": "mlp", "hidden": [64]},
      "training": {"epochs": 3, "batch_size": 32, "lr": 0.1},
      "cluster": {"workers": 2, "sync": "bsp", "eval_every": 50, "heartbeat_ms": 100,
                  "peer_timeout_ms": 5000, "encoder": ")" + encoder +
                     R"(", "compress_ratio": 0.01, "error_feedback": )" +
                     (variant == "topk+ef" ? "true" : "false") + "}}");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    const auto ev = events();
    for (const auto& t : eventsOf<Traffic>(ev)) {
      if (t.message != MessageType::Push) continue;
      pushed[variant] += static_cast<double>(t.wireBytes);
      if (encoder == "topk") {
        ASSERT_LT(t.wireBytes * 50, t.rawBytes);
      }
    }
    accuracy[variant] = lastAccuracy(ev);
    std::filesystem::remove_all(out());
  }
  EXPECT_GT(pushed["float32"], 50 * pushed["topk+ef"]);
  EXPECT_GT(accuracy["float32"], 0.7);
  EXPECT_GT(accuracy["topk+ef"], accuracy["topk"] + 0.03);
  EXPECT_GT(accuracy["topk+ef"], accuracy["float32"] - 0.03);
}

TEST_F(ClusterRunTest, AOneWorkerRunPollsForItsMessagesInsteadOfSleepingAndTrainsTheSame) {
  // Forced on and off (comm/busy_poll.h): the same parameters, and the polling run's processes
  // (reaped into our children's usage) sleep far less often, as no message needs a wake-up.
  std::map<std::string, std::string> params;
  std::map<std::string, long> sleeps;
  for (const char* mode : {"0", "1"}) {
    setenv("DISTLAB_BUSY_POLL", mode, 1);
    rusage before{}, after{};
    getrusage(RUSAGE_CHILDREN, &before);
    auto run = start(smallSpec(R"("workers": 1, "sync": "bsp", "eval_every": 1000)", 4));
    unsetenv("DISTLAB_BUSY_POLL");
    ASSERT_GT(run->waitForPort(), 0) << log();
    ASSERT_EQ(run->wait(120s), 0) << log();
    getrusage(RUSAGE_CHILDREN, &after);
    sleeps[mode] = after.ru_nvcsw - before.ru_nvcsw;
    params[mode] = readBinaryFile(out() + "/params.f32", "params");
    std::filesystem::remove_all(out());
  }
  EXPECT_EQ(params["1"], params["0"]);
  EXPECT_LT(2 * sleeps["1"], sleeps["0"]) << "polling " << sleeps["1"] << ", sleeping "
                                          << sleeps["0"];
}

TEST_F(ClusterRunTest, SspNeverAppliesAnUpdateStalerThanItsBound) {
  // Worker 0 is the straggler: slower compute and a 0.3 Mbit/s link (~25 ms a step).
  auto run = start(smallSpec(R"("workers": 3, "sync": "ssp", "staleness": 2,
                                 "slowdown": [5, 1, 1], "bandwidth_mbps": [0.3, 0, 0])"));
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_EQ(run->wait(180s), 0) << log();
  std::uint64_t widest = 0;
  for (const auto& s : eventsOf<Staleness>(events())) widest = std::max(widest, s.clockGap);
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
    // From each PUSH that asked for the next parameters to the PARAMS that answered it: a gap
    // of 20 us or more is one wait span, exactly that long; a shorter one is not drawn.
    constexpr std::int64_t kDrawnNs = 20'000;
    std::int64_t asked = -1, waitEnd = -1;
    int waitSpans = 0, gaps = 0;
    for (const auto& s : spans) {
      if (s.kind == SpanKind::Push) asked = s.endNs;
      if (s.kind == SpanKind::Wait && asked >= 0) {  // not the first, from the first PULL
        ++waitSpans;
        EXPECT_EQ(s.startNs, asked) << "worker " << k;  // it starts when the push was sent
        waitEnd = s.endNs;
      }
      if (s.kind == SpanKind::Pull && asked >= 0) {
        ++gaps;
        if (s.startNs - asked >= kDrawnNs) {
          EXPECT_EQ(waitEnd, s.startNs) << "worker " << k;  // and ends when the answer came
        } else {
          EXPECT_EQ(waitEnd, -1) << "worker " << k << ": a wait under 20 us was drawn";
        }
        asked = waitEnd = -1;
      }
    }
    ASSERT_GT(gaps, 0) << k;
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
  for (const auto& t : eventsOf<Traffic>(ev)) {
    if (t.message == MessageType::Params) paramsSent.push_back(t.timeNs);
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
  for (const auto& s : eventsOf<Staleness>(events())) widest = std::max(widest, s.clockGap);
  EXPECT_GT(widest, 5u);
}

// cluster.transport: the floats of PARAMS and PUSH through shared memory or through the socket
// give the same training, bit for bit, and the traffic telemetry the same bytes.
TEST_F(ClusterRunTest, SharedMemoryAndTcpTrainTheSameAndCountTheSameBytes) {
  // BSP: the workers read the parameters from one shared region (PARAMS carry no floats);
  // local SGD: each worker's model goes through its own mailboxes.
  for (const std::string sync : {"bsp", "local-sgd"}) {
    SCOPED_TRACE(sync);
    std::map<std::string, std::string> params;
    std::map<std::string, std::map<MessageType, std::uint64_t>> bytes;
    for (const std::string transport : {"tcp", "shared-memory"}) {
      SCOPED_TRACE(transport);
      auto run = start(smallSpec(R"("workers": 2, "local_steps": 2, "sync": ")" + sync +
                                     R"(", "transport": ")" + transport + "\"",
                                 2));
      ASSERT_GT(run->waitForPort(), 0) << log();
      ASSERT_EQ(run->wait(120s), 0) << log();
      const bool shared = log().find("floats through shared memory") != std::string::npos;
      EXPECT_EQ(shared, transport == "shared-memory") << log();
      const bool region = log().find("reads the parameters from the shared region") !=
                          std::string::npos;
      EXPECT_EQ(region, shared && sync == "bsp") << log();
      params[transport] = fileText(out() + "/params.f32");
      for (const auto& t : eventsOf<Traffic>(events())) bytes[transport][t.message] += t.wireBytes;
      // The regions' names went with the run: nothing is left in /dev/shm.
      const std::string coordinator = "distlab-params-" + std::to_string(run->pid()) + "-";
      for (int k = 0; k < 2; ++k) {
        const pid_t worker = workerPid(events(), k);
        ASSERT_GT(worker, 0);
        for (const auto& e : std::filesystem::directory_iterator("/dev/shm")) {
          const std::string name = e.path().filename().string();
          EXPECT_NE(name.rfind("distlab-" + std::to_string(worker) + "-", 0), 0u) << name;
          EXPECT_NE(name.rfind(coordinator, 0), 0u) << name;
        }
      }
      std::filesystem::remove_all(out());
      std::filesystem::remove(path("stderr.txt"));  // the next run's log starts empty
    }
    EXPECT_FALSE(params["tcp"].empty());
    EXPECT_EQ(params["tcp"], params["shared-memory"]);
    EXPECT_GT(bytes["tcp"][MessageType::Params], 0u);
    EXPECT_EQ(bytes["tcp"][MessageType::Params], bytes["shared-memory"][MessageType::Params]);
    EXPECT_EQ(bytes["tcp"][MessageType::Push], bytes["shared-memory"][MessageType::Push]);
  }
}

}  // namespace
}  // namespace distlab::engine
