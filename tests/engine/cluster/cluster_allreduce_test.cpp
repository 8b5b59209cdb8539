// cluster.sync allreduce on loopback: no server, the workers sum their gradients round a ring.
// It must train exactly as BSP on the parameter server, send each worker 2(N-1)/N of the model
// a step, and end cleanly, naming the worker, when one of the ring dies.
#include <cmath>
#include <csignal>

#include "cluster_fixture.h"
#include "comm/ring_allreduce.h"
#include "lessons/cluster/ring_worker.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

class AllReduceRunTest : public ClusterRunTest {
 protected:
  /// Runs the spec to its end into out(); returns params.f32.
  std::vector<float> train(const std::string& spec) {
    auto run = start(spec);
    EXPECT_EQ(run->wait(120s), 0) << log();
    return readFloats(out() + "/params.f32");
  }
  /// The parameters BSP on the parameter server reaches with the same spec (in another folder).
  std::vector<float> trainOnServer(std::string spec) {
    spec.replace(spec.find(R"("sync": "allreduce")"), 19, R"("sync": "bsp")");
    std::filesystem::rename(out(), path("ring"));
    auto params = train(spec);
    std::filesystem::rename(out(), path("server"));
    std::filesystem::rename(path("ring"), out());
    return params;
  }
};

// Three and four workers (a ring of 3: chunks of unequal lengths), 20 updates each: the ring's
// models are the server's to 1e-6, the run moved, and the server's own records say 20 updates.
TEST_F(AllReduceRunTest, TrainsToTheParametersOfBspOnTheParameterServer) {
  for (int workers : {3, 4}) {
    SCOPED_TRACE(workers);
    // 960 training rows: 320 (or 240) a worker, 10 (or 8) steps an epoch.
    const int epochs = workers == 3 ? 2 : 3;
    const std::string spec =
        smallSpec(R"("workers": )" + std::to_string(workers) + R"(, "sync": "allreduce")", epochs,
                  R"(, "momentum": 0.9)");
    const auto ring = train(spec);
    EXPECT_GE(stepsOf(0), 20u);
    const auto server = trainOnServer(spec);
    ASSERT_EQ(ring.size(), server.size());
    ASSERT_FALSE(ring.empty());
    double diff = 0.0, norm = 0.0, moved = 0.0;
    const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
    const Model initial = buildModelFor(m_spec, data.train);
    for (std::size_t i = 0; i < ring.size(); ++i) {
      diff += std::pow(double{ring[i]} - server[i], 2);
      norm += std::pow(double{server[i]}, 2);
      moved += std::pow(double{server[i]} - initial.parameters()[i], 2);
    }
    EXPECT_LE(std::sqrt(diff / norm), 1e-6);
    EXPECT_GT(std::sqrt(moved / norm), 1e-2);  // equal because nothing trained proves nothing
    const auto all = events();
    const auto started = eventsOf<RunStarted>(all);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].sync, "allreduce");
    EXPECT_EQ(started[0].workers, workers);
    ASSERT_FALSE(eventsOf<Evaluation>(all).empty());
    EXPECT_EQ(eventsOf<Evaluation>(all).back().update, ringSteps(m_spec, data.train));
    EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
    // The data view's records, as a server's run has them: each worker's share.
    EXPECT_EQ(eventsOf<PartitionShare>(all).size(), static_cast<std::size_t>(workers) * epochs);
    std::filesystem::remove_all(out());
    std::filesystem::remove_all(path("server"));
  }
}

// Each worker sends, every step, the chunks of 2(N-1) all-reduce steps: all but one chunk
// twice, 2(N-1)/N of the model and its weight, each in a RING frame of 32 bytes of header.
TEST_F(AllReduceRunTest, EachWorkerSendsTwoNMinusOneOverNOfTheModelAStep) {
  const int n = 4;
  const std::string spec = smallSpec(R"("workers": 4, "sync": "allreduce")", 1);
  train(spec);
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  const std::size_t floats = buildModelFor(m_spec, data.train).parameterCount() + 1;
  ASSERT_NE(floats % n, 0u);  // chunks of unequal lengths
  const std::uint64_t steps = ringSteps(m_spec, data.train);
  std::map<int, std::uint64_t> sent, frames;
  for (const auto& t : eventsOf<Traffic>(events())) {
    if (t.message != MessageType::Ring) continue;
    EXPECT_EQ(t.kind, TrafficKind::Updates);
    sent[t.worker] += t.wireBytes;
    ++frames[t.worker];
  }
  ASSERT_EQ(sent.size(), static_cast<std::size_t>(n));
  for (int rank = 0; rank < n; ++rank) {
    // Reduce-scatter passes on chunks rank, rank-1, ...; all-gather chunks rank+1, rank, ...
    std::uint64_t chunkFloats = 0;
    for (int s = 0; s < n - 1; ++s) {
      for (int c : {(rank - s + n) % n, (rank + 1 - s + n) % n}) {
        chunkFloats += ringChunkBegin(floats, n, c + 1) - ringChunkBegin(floats, n, c);
      }
    }
    EXPECT_EQ(frames[rank], steps * 2 * (n - 1)) << rank;
    EXPECT_EQ(sent[rank], steps * (chunkFloats * 4 + 2 * (n - 1) * (kFrameHeaderSize + 20)))
        << rank;
    EXPECT_NEAR(static_cast<double>(chunkFloats), 2.0 * (n - 1) / n * floats, 2.0 * (n - 1));
  }
  // The lesson's table says the same, next to the parameter server's 2N models a step.
  const auto rows = csvRows(out() + "/ring_bytes_per_step.csv");
  ASSERT_GE(rows.size(), 8u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"workers", "ps_server_link", "ps_worker",
                                               "ring_worker", "ring_worker_measured"}));
  for (const auto& row : rows) {
    if (row[0] != std::to_string(n)) continue;
    EXPECT_DOUBLE_EQ(std::stod(row[1]), 2.0 * n * (floats - 1) * 4);  // N pushes up, N models down
    EXPECT_DOUBLE_EQ(std::stod(row[2]), (floats - 1) * 4.0);          // a worker's PUSH
    EXPECT_DOUBLE_EQ(std::stod(row[3]), 2.0 * (n - 1) / n * floats * 4);
    EXPECT_NEAR(std::stod(row[4]),
                static_cast<double>(sent[0] + sent[1] + sent[2] + sent[3]) / (n * steps), 1e-6);
  }
}

// cluster.ring_segments 3: every chunk goes round in three pieces, each passed on as it
// arrives. The same floats cross (in three times the RING frames) and the models are the same
// bits as with whole chunks: each float is summed in the same order.
TEST_F(AllReduceRunTest, ChunksInPiecesSendTheSameFloatsAndGiveTheSameBits) {
  const int n = 4, segments = 3;
  const auto whole = train(smallSpec(R"("workers": 4, "sync": "allreduce")", 1));
  auto traffic = [&] {
    std::map<int, std::pair<std::uint64_t, std::uint64_t>> bytesAndFrames;
    for (const auto& t : eventsOf<Traffic>(events())) {
      if (t.message != MessageType::Ring) continue;
      bytesAndFrames[t.worker].first += t.wireBytes - kFrameHeaderSize - 20;  // the floats
      ++bytesAndFrames[t.worker].second;
    }
    return bytesAndFrames;
  };
  const auto wholeTraffic = traffic();
  std::filesystem::remove_all(out());
  const auto pieces =
      train(smallSpec(R"("workers": 4, "sync": "allreduce", "ring_segments": 3)", 1));
  ASSERT_FALSE(whole.empty());
  EXPECT_EQ(pieces, whole);
  const auto piecesTraffic = traffic();
  ASSERT_EQ(piecesTraffic.size(), static_cast<std::size_t>(n));
  for (int rank = 0; rank < n; ++rank) {
    EXPECT_EQ(piecesTraffic.at(rank).first, wholeTraffic.at(rank).first) << rank;
    EXPECT_EQ(piecesTraffic.at(rank).second, segments * wholeTraffic.at(rank).second) << rank;
  }
}

// The lesson's comparison: at each worker count, BSP on a server and the ring for the same
// steps, each worker's bytes a step against the formulas (the ring's exact to the frame), and
// the time a step of each.
TEST_F(AllReduceRunTest, TheComparisonMeasuresBothTopologiesAtEachWorkerCount) {
  train(smallSpec(R"("workers": 2, "sync": "allreduce", "compare_workers": [2, 3])", 1));
  const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
  const double model =
      4.0 * static_cast<double>(buildModelFor(m_spec, data.train).parameterCount());
  const auto rows = csvRows(out() + "/ps_vs_ring.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"workers", "ps_worker_sends", "ring_worker_sends",
                                      "ps_server_link", "ps_worker_sends_measured",
                                      "ring_worker_sends_measured", "ps_server_link_measured",
                                      "ps_seconds_per_step", "ring_seconds_per_step"}));
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const double n = std::stod(rows[r][0]);
    EXPECT_EQ(n, r + 1.0);
    EXPECT_DOUBLE_EQ(std::stod(rows[r][1]), model);
    EXPECT_DOUBLE_EQ(std::stod(rows[r][2]), 2.0 * (n - 1) / n * (model + 4));
    EXPECT_DOUBLE_EQ(std::stod(rows[r][3]), 2.0 * n * model);
    // A PUSH a step (with its PULL, clock and telemetry) from each worker to the server.
    EXPECT_GE(std::stod(rows[r][4]), model);
    // The ring: its chunks, and a 32-byte frame head for each of the 2(N-1) a step.
    EXPECT_NEAR(std::stod(rows[r][5]), std::stod(rows[r][2]) + 2 * (n - 1) * 32, 4.0);
    EXPECT_GE(std::stod(rows[r][6]), 2.0 * n * model);
    EXPECT_GT(std::stod(rows[r][7]), 0.0);
    EXPECT_GT(std::stod(rows[r][8]), 0.0);
  }
  // Their run folders stay beside the lesson's for whoever wants the detail.
  EXPECT_TRUE(std::filesystem::exists(out() + "/compare/ps-3/metrics.csv"));
}

// A worker killed mid-run: the ring cannot sum without it. The run ends at once with a reason
// that names it and how it ended, and no process of the ring is left behind.
TEST_F(AllReduceRunTest, AKilledWorkerEndsTheRunNamingItAndLeavesNoProcess) {
  auto run = start(smallSpec(R"("workers": 3, "sync": "allreduce", "eval_every": 100000)", 100000));
  std::vector<pid_t> pids;
  ASSERT_TRUE(waitUntil(
      [&] {
        pids.clear();
        for (const auto& w : workerStates(events(), WorkerStatus::Joined)) pids.push_back(w.pid);
        return pids.size() == 3 && !eventsOf<Span>(events()).empty();
      },
      60s))
      << log();
  const pid_t victim = workerPid(events(), 1);
  ASSERT_EQ(::kill(victim, SIGKILL), 0);
  EXPECT_EQ(run->wait(60s), 1) << log();
  const auto ended = eventsOf<RunEnded>(events());
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::RingWorkerLost);
  EXPECT_EQ(ended[0].worker, 1);
  EXPECT_EQ(ended[0].code, -SIGKILL);
  EXPECT_NE(log().find("worker 1 killed by signal 9"), std::string::npos) << log();
  for (pid_t pid : pids) {
    EXPECT_TRUE(waitUntil([&] { return !processAlive(pid); }, 5s)) << "orphan worker " << pid;
  }
}

TEST_F(AllReduceRunTest, ServerOnlyFieldsAreRefusedNamingTheFieldAndWhatIsAllowed) {
  Spec spec;
  const auto problems = parseSpec(
      smallSpec(R"("workers": 3, "sync": "allreduce", "encoder": "topk", "restarts": 1)"), spec);
  std::map<std::string, std::string> byField;
  for (const auto& p : problems) byField[p.path] = p.message;
  ASSERT_TRUE(byField.count("cluster.encoder")) << problems.size();
  EXPECT_NE(byField["cluster.encoder"].find("needs a parameter server"), std::string::npos);
  EXPECT_NE(byField["cluster.encoder"].find("allowed with it: float32"), std::string::npos);
  EXPECT_TRUE(byField.count("cluster.restarts"));
  Spec inversion;
  std::string text = smallSpec(R"("sync": "allreduce")");
  text.insert(1, R"("experiment": "inversion", )");
  bool refused = false;
  for (const auto& p : parseSpec(text, inversion)) {
    refused |= p.path == "cluster.sync" && p.code == "allreduce_needs_cluster";
  }
  EXPECT_TRUE(refused);
}

}  // namespace
}  // namespace distlab::engine
