// `mpirun -np N+1 distlab-engine mpi SPEC`: the same spec under OpenMPI, rank 0 the coordinator
// and the other ranks its workers. It must train exactly as the same spec launched by `run`, and
// a rank killed under mpirun must end the job, not hang it. Skipped, saying why, where mpirun or
// an MPI build is missing.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

constexpr const char* kMpirun = "/usr/bin/mpirun";

/// The pids of a job's `distlab-engine mpi` processes, by MPI rank (from their environment): those
/// writing to `outDir`, so another test's job running beside this one is left alone.
std::map<int, pid_t> mpiRanks(const std::string& outDir) {
  std::map<int, pid_t> ranks;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream cmdline(entry.path() / "cmdline");
    std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
    if (args.find(std::string(DISTLAB_ENGINE_EXE) + '\0' + "mpi" + '\0') != 0) continue;
    if (args.find(std::string("--out") + '\0' + outDir + '\0') == std::string::npos) continue;
    std::ifstream environ(entry.path() / "environ");
    std::string env((std::istreambuf_iterator<char>(environ)), std::istreambuf_iterator<char>());
    const std::string key = std::string(1, '\0') + "OMPI_COMM_WORLD_RANK=";
    const std::string padded = std::string(1, '\0') + env;  // every variable after a NUL
    const auto at = padded.find(key);
    if (at == std::string::npos) continue;
    ranks[std::atoi(padded.c_str() + at + key.size())] = std::stoi(name);
  }
  return ranks;
}

class MpiRunTest : public ClusterRunTest {
 protected:
  void SetUp() override {
    ClusterRunTest::SetUp();
    if (!std::filesystem::exists(kMpirun)) GTEST_SKIP() << "no " << kMpirun << " (openmpi-bin)";
    const CommandResult built = runShell(std::string(DISTLAB_ENGINE_EXE) + " mpi /dev/null");
    if (built.output.find("built without MPI") != std::string::npos) {
      GTEST_SKIP() << "distlab-engine was built without MPI (libopenmpi-dev)";
    }
    // CI runs as root, which mpirun refuses unless told it is meant.
    ::setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
    ::setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  }
  std::unique_ptr<EngineProcess> mpirun(int ranks, const std::string& spec, const std::string& out,
                                        const std::string& frames = "tcp") {
    return std::make_unique<EngineProcess>(
        std::vector<std::string>{"mpi", writeSpec(spec), "--out", out, "--frames", frames}, kToken,
        path("stderr.txt").string(), "",
        std::vector<std::string>{kMpirun, "--oversubscribe", "-np", std::to_string(ranks)});
  }

  /// Bytes of one kind of frame that crossed the transport, both ways, as the events say.
  static std::uint64_t frameBytes(const std::vector<Event>& all, MessageType type) {
    std::uint64_t bytes = 0;
    for (const auto& t : eventsOf<Traffic>(all)) bytes += t.message == type ? t.wireBytes : 0;
    return bytes;
  }
  /// Three ranks: the coordinator and two workers, 20 BSP updates with momentum, the frames on
  /// `frames`. The parameters are those of the same spec run by `run` (which starts its own
  /// workers, on TCP) to 1e-6, and so are the bytes of every PUSH and PARAMS.
  void expectTrainsAsUnderRun(const std::string& frames) {
    const std::string spec =
        smallSpec(R"("workers": 2, "sync": "bsp", "transport": "tcp")", 2, R"(, "momentum": 0.9)");
    auto job = mpirun(3, spec, path("mpi").string(), frames);
    ASSERT_EQ(job->wait(180s), 0) << log();
    const auto underMpi = readFloats(path("mpi").string() + "/params.f32");
    auto local = start(spec);
    ASSERT_EQ(local->wait(120s), 0) << log();
    const auto underRun = readFloats(out() + "/params.f32");
    ASSERT_FALSE(underRun.empty());
    ASSERT_EQ(underMpi.size(), underRun.size());
    EXPECT_LE(relativeDifference(underMpi, underRun), 1e-6);
    EXPECT_GE(stepsOf(0), 20u);
    const auto all = readEvents(path("mpi").string() + "/events.jsonl");
    EXPECT_EQ(workerStates(all, WorkerStatus::Joined).size(), 2u);
    EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
    const auto local_ = readEvents(out() + "/events.jsonl");
    EXPECT_GT(frameBytes(all, MessageType::Push), 0u);
    EXPECT_EQ(frameBytes(all, MessageType::Push), frameBytes(local_, MessageType::Push));
    EXPECT_EQ(frameBytes(all, MessageType::Params), frameBytes(local_, MessageType::Params));
  }
  void expectKilledRankEndsTheJob(const std::string& frames);
};

TEST_F(MpiRunTest, BspUnderMpirunTrainsAsTheSameSpecUnderRun) { expectTrainsAsUnderRun("tcp"); }

// The same with every frame an MPI message (MpiPipe on the workers, MpiHub on rank 0).
TEST_F(MpiRunTest, BspWithMpiFramesTrainsAsTheSameSpecUnderRun) { expectTrainsAsUnderRun("mpi"); }

// Asynchronous pushes and pulls cross on MPI frames (several sends in flight to a rank at once):
// the run completes with both workers' steps, and the log names the ranks' MPI origin.
TEST_F(MpiRunTest, AspWithMpiFramesCompletes) {
  auto job = mpirun(3, smallSpec(R"("workers": 2, "sync": "asp")", 3), path("mpi").string(), "mpi");
  ASSERT_EQ(job->wait(180s), 0) << log();
  const auto all = readEvents(path("mpi").string() + "/events.jsonl");
  EXPECT_EQ(workerStates(all, WorkerStatus::Joined).size(), 2u);
  EXPECT_EQ(workerStates(all, WorkerStatus::Finished).size(), 2u);
  EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
  EXPECT_FALSE(eventsOf<Staleness>(all).empty());
  EXPECT_EQ(log().find("shared memory"), std::string::npos) << "MPI frames carry their floats";
}

// cluster.sync allreduce under mpirun: four ranks, rank 0 testing the model, three workers
// summing their gradients with MPI_Allreduce (not the TCP ring: no RING frame is sent). After 20
// updates with momentum their parameters are those of BSP on the parameter server under `run`,
// to 1e-6.
TEST_F(MpiRunTest, AllreduceUnderMpirunSumsWithMpiAllreduceAsBspWould) {
  const std::string ring =
      smallSpec(R"("workers": 3, "sync": "allreduce")", 2, R"(, "momentum": 0.9)");
  auto job = mpirun(4, ring, path("mpi").string());
  ASSERT_EQ(job->wait(180s), 0) << log();
  EXPECT_NE(log().find("MPI_Allreduce"), std::string::npos) << log();
  const auto underMpi = readFloats(path("mpi").string() + "/params.f32");
  std::string bsp = ring;
  bsp.replace(bsp.find(R"("sync": "allreduce")"), 19, R"("sync": "bsp")");
  auto local = start(bsp);
  ASSERT_EQ(local->wait(120s), 0) << log();
  const auto onServer = readFloats(out() + "/params.f32");
  ASSERT_FALSE(onServer.empty());
  ASSERT_EQ(underMpi.size(), onServer.size());
  EXPECT_LE(relativeDifference(underMpi, onServer), 1e-6);
  EXPECT_GE(stepsOf(0), 20u);
  const auto all = readEvents(path("mpi").string() + "/events.jsonl");
  EXPECT_EQ(eventsOf<RunStarted>(all).front().sync, "allreduce");
  EXPECT_EQ(workerStates(all, WorkerStatus::Joined).size(), 3u);
  EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
  EXPECT_EQ(frameBytes(all, MessageType::Ring), 0u);
}

// Lesson 6's federated rounds under mpirun: rank 0 runs the rounds, ranks 1 and 2 are the
// worker processes that train the sampled clients. The model after 3 rounds is the one `run`
// reaches with the same spec, to the bit; a wrong -np is refused saying what to run.
TEST_F(MpiRunTest, FederatedRoundsUnderMpirunEndAsUnderRun) {
  const std::string spec = R"({"name": "federated under mpi", "seed": 7, "experiment": "federated",
    "dataset": {"name": "fashion-mnist", "train_limit": 100, "test_limit": 200},
    "model": {"arch": "mlp", "hidden": [16], "activation": "tanh"},
    "training": {"batch_size": 25, "lr": 0.1},
    "cluster": {"workers": 2, "partition": "shuffle-split"},
    "fl": {"clients": 4, "rounds": 3, "local_epochs": 1}})";
  auto job = mpirun(3, spec, path("mpi").string());
  ASSERT_EQ(job->wait(180s), 0) << log();
  auto local = start(spec);
  ASSERT_EQ(local->wait(120s), 0) << log();
  const auto underMpi = readFloats(path("mpi").string() + "/params.f32");
  ASSERT_FALSE(underMpi.empty());
  EXPECT_EQ(underMpi, readFloats(out() + "/params.f32"));
  const auto all = readEvents(path("mpi").string() + "/events.jsonl");
  EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
  EXPECT_EQ(workerStates(all, WorkerStatus::Joined).size(), 2u);

  auto wrong = mpirun(4, spec, path("mpi4").string());
  const auto code = wrong->wait(60s);
  ASSERT_TRUE(code.has_value()) << log();
  EXPECT_NE(*code, 0);
  EXPECT_NE(log().find("this federated spec runs 2 processes besides rank 0 but mpirun started 3: "
                       "run mpirun -np 3"),
            std::string::npos)
      << log();
}

// Stop from a monitor (the window following the run) while the workers are mid-step on MPI
// frames, with pushes too large for MPI to buffer: rank 0 keeps taking their frames until each
// rank has said goodbye, so the job ends cleanly, as stopped, well before any deadline.
TEST_F(MpiRunTest, StopWithMpiFramesEndsTheJobCleanly) {
  const std::string spec = R"({"name": "stopped under mpi", "seed": 3,
    "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
    "model": {"arch": "mlp", "hidden": [512], "activation": "tanh"},
    "training": {"epochs": 100000, "batch_size": 32, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "asp", "eval_every": 50, "heartbeat_ms": 100,
                "peer_timeout_ms": 3000}})";
  auto job = mpirun(3, spec, path("mpi").string(), "mpi");
  const std::string events = path("mpi").string() + "/events.jsonl";
  int port = 0;
  ASSERT_TRUE(waitUntil(
      [&] {
        if (!std::filesystem::exists(events)) return false;
        const auto all = readEvents(events);
        for (const auto& s : eventsOf<RunStarted>(all)) port = s.port;
        return port > 0 && eventsOf<Staleness>(all).size() > 20;
      },
      60s))
      << log();
  Monitor monitor(port);
  monitor.send(ControlCommand::Stop);
  const auto code = job->wait(60s);
  ASSERT_TRUE(code.has_value()) << "the job hangs\n" << log();
  EXPECT_EQ(*code, 0) << log();
  EXPECT_EQ(eventsOf<RunEnded>(readEvents(events)).back().reason, EndReason::Stopped);
  EXPECT_EQ(log().find("did not say goodbye"), std::string::npos) << log();
}

// A spec for more workers than mpirun started is refused by rank 0, and the whole job ends.
TEST_F(MpiRunTest, ASpecForOtherRanksEndsTheJobSayingWhatToRun) {
  auto job = mpirun(3, smallSpec(R"("workers": 4, "sync": "bsp")"), path("mpi").string());
  const auto code = job->wait(60s);
  ASSERT_TRUE(code.has_value()) << log();
  EXPECT_NE(*code, 0);
  EXPECT_NE(log().find("cluster.workers is 4 but mpirun started 2 workers besides rank 0: run "
                       "mpirun -np 5"),
            std::string::npos)
      << log();
}

// Worker 1 (rank 2) killed mid-run: mpirun ends the job, rank 0 included, well before the
// deadline. Rank 0 says first which worker died, in its log and in the run's events (mpirun then
// kills it at once: OpenMPI follows SIGTERM with SIGKILL unless told to wait, so the run folder
// may end there, a run that did not complete).
TEST_F(MpiRunTest, ARankKilledUnderMpirunEndsTheJobWithoutAHang) {
  expectKilledRankEndsTheJob("tcp");
}

// With MPI frames nothing is a connection: mpirun's SIGTERM reaches rank 0, which records the
// run as interrupted before it goes, and the job still ends well before the deadline.
TEST_F(MpiRunTest, ARankKilledWithMpiFramesEndsTheJobWithoutAHang) {
  expectKilledRankEndsTheJob("mpi");
}

void MpiRunTest::expectKilledRankEndsTheJob(const std::string& frames) {
  auto job = mpirun(3, smallSpec(R"("workers": 2, "sync": "bsp", "transport": "tcp")", 100000),
                    path("mpi").string(), frames);
  const std::string events = path("mpi").string() + "/events.jsonl";
  std::map<int, pid_t> ranks;
  ASSERT_TRUE(waitUntil(
      [&] {
        ranks = mpiRanks(path("mpi").string());
        return ranks.size() == 3 && std::filesystem::exists(events) &&
               !eventsOf<Staleness>(readEvents(events)).empty();
      },
      60s))
      << log();
  ASSERT_EQ(::kill(ranks.at(2), SIGKILL), 0);
  const auto code = job->wait(60s);
  ASSERT_TRUE(code.has_value()) << "the job hangs\n" << log();
  EXPECT_NE(*code, 0);
  const auto all = readEvents(events);
  if (frames == "tcp") {
    bool died = false;
    for (const auto& w : workerStates(all, WorkerStatus::Died)) died |= w.worker == 1;
    EXPECT_TRUE(died) << log();
    EXPECT_NE(log().find("worker 1 died"), std::string::npos) << log();
  }
  for (const auto& [rank, pid] : ranks) {
    const auto process = pid;  // clang 14 cannot capture a structured binding
    EXPECT_TRUE(waitUntil([&] { return !processAlive(process); }, 10s))
        << "rank " << rank << " left";
  }
}

}  // namespace
}  // namespace distlab::engine
