// Real clusters on loopback under faults and control: killed, frozen and restarted workers,
// strangers at the door, a monitor that pauses and steps, a coordinator that dies.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

/// A plain TCP connection to the coordinator, as any local process could open (-1: refused).
int connectLoopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// A worker killed mid-run under secure aggregation: the survivors reveal their shares of its
// mask key, the server rebuilds it and removes its masks from every round it misses, and the
// run trains on to the end (a sum with a stray mask would read as noise of the fixed-point
// range and wreck the model).
TEST_F(ClusterRunTest, SecureAggregationRebuildsAKilledWorkersMaskKeyAndTrainsOn) {
  std::string spec =
      smallSpec(R"("workers": 4, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5, 0.5, 0.5])", 4);
  spec.insert(spec.size() - 1, R"(, "privacy": {"secure_aggregation": true})");
  auto run = start(spec);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 3; }, 60s)) << log();
  const pid_t victim = workerPid(events(), 3);
  ASSERT_GT(victim, 0);
  ::kill(victim, SIGKILL);
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto ev = events();
  const auto rebuilt = eventsOf<Notice>(ev);
  ASSERT_EQ(rebuilt.size(), 1u) << log();
  EXPECT_EQ(rebuilt[0].kind, NoticeKind::MaskKeyRebuilt);
  EXPECT_EQ(rebuilt[0].worker, 3);
  EXPECT_GE(rebuilt[0].count, 3u);  // the threshold: ceil(0.6 x 4)
  EXPECT_TRUE(eventsOf<RoundsLost>(ev).empty()) << log();
  const auto applied = appliedPerWorker(ev);
  EXPECT_GT(applied.at(0), applied.at(3) + 10);  // the survivors went on without it
  const auto evaluations = eventsOf<Evaluation>(ev);
  ASSERT_GE(evaluations.size(), 2u);
  EXPECT_TRUE(std::isfinite(evaluations.back().testLoss));
  EXPECT_LT(evaluations.back().testLoss, evaluations.front().testLoss);
  EXPECT_GT(evaluations.back().testAccuracy, 0.8) << log();
}

// With fewer survivors than the threshold the key cannot be rebuilt: the run ends, saying so.
TEST_F(ClusterRunTest, SecureAggregationEndsTheRunWhenTooFewWorkersAreLeftToRebuildAKey) {
  std::string spec =
      smallSpec(R"("workers": 3, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5, 0.5])", 6);
  spec.insert(spec.size() - 1,
              R"(, "privacy": {"secure_aggregation": true, "secagg_threshold": 1})");
  auto run = start(spec);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 3; }, 60s)) << log();
  const pid_t victim = workerPid(events(), 2);
  ASSERT_GT(victim, 0);
  ::kill(victim, SIGKILL);
  EXPECT_NE(run->wait(120s), 0) << log();
  const auto ended = eventsOf<RunEnded>(events());
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::SecureAggregationDropout);
  EXPECT_EQ(ended[0].worker, 2);
  EXPECT_EQ(ended[0].code, 3);  // the workers needed
  EXPECT_NE(log().find("error: secure aggregation: worker 2 left, and fewer than the 3"),
            std::string::npos)
      << log();
}

// A dropped-out worker's mask key was given away: it may not come back and push again.
TEST_F(ClusterRunTest, ADroppedOutWorkerOfASecureRunCannotRejoin) {
  std::string spec =
      smallSpec(R"("workers": 3, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5, 0.5])", 4);
  spec.insert(spec.size() - 1,
              R"(, "privacy": {"secure_aggregation": true, "secagg_threshold": 0.6})");
  auto run = start(spec, {"--external-workers"});
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  const auto workerArgs = [&](int rank) {
    return std::vector<std::string>{"worker", "--connect", "127.0.0.1:" + std::to_string(port),
                                    "--rank", std::to_string(rank)};
  };
  std::vector<std::unique_ptr<EngineProcess>> workers;
  for (int rank = 0; rank < 3; ++rank) {
    workers.push_back(
        std::make_unique<EngineProcess>(workerArgs(rank), kToken, path("stderr.txt").string()));
  }
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 3; }, 60s)) << log();
  workers[2]->signal(SIGKILL);
  ASSERT_TRUE(waitUntil([&] { return !eventsOf<Notice>(events()).empty(); }, 60s)) << log();
  EngineProcess again(workerArgs(2), kToken, path("stderr.txt").string());
  EXPECT_TRUE(again.wait(60s).has_value());
  EXPECT_EQ(workers[0]->wait(180s), 0) << log();
  EXPECT_EQ(workers[1]->wait(180s), 0) << log();
  EXPECT_EQ(run->wait(180s), 0) << log();
  const auto refused = eventsOf<ConnectionRefused>(events());
  ASSERT_EQ(refused.size(), 1u) << log();
  EXPECT_EQ(refused[0].reason, RefusalReason::RankDroppedOut);
  EXPECT_EQ(refused[0].worker, 2);
}

// Workers started by hand need the run's token: without one, and with no terminal to show a
// made-up one on, the run is refused at once with the reason, and nothing listens.
TEST_F(ClusterRunTest, ExternalWorkersWithoutATokenAreRefusedWhenNobodyCouldLearnOne) {
  EngineProcess run({"run", writeSpec(smallSpec(R"("workers": 2, "sync": "bsp")")), "--out", out(),
                     "--external-workers"},
                    "", path("stderr.txt").string());
  EXPECT_EQ(run.waitForPort(10s), 0);
  EXPECT_NE(run.wait(30s), 0);
  EXPECT_NE(log().find("--external-workers (cluster.launch_workers false): set DISTLAB_RUN_TOKEN"),
            std::string::npos)
      << log();
  const auto ended = eventsOf<RunEnded>(events());
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::Failed);
  // Launched workers get a made-up token from the coordinator itself: that run just works.
  std::filesystem::remove_all(out());
  EngineProcess launched(
      {"run", writeSpec(smallSpec(R"("workers": 2, "sync": "bsp")", 1)), "--out", out()}, "",
      path("stderr.txt").string());
  EXPECT_EQ(launched.wait(120s), 0) << log();
}

// Anyone on the machine can open connections: 200 idle ones while the workers join must not keep
// them out. The oldest idle ones make room, the first drops are recorded and the rest counted.
TEST_F(ClusterRunTest, IdleConnectionsCannotBlockTheJoin) {
  auto run = start(smallSpec(R"("workers": 4, "sync": "bsp")", 2));
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  std::vector<int> idle;
  for (int k = 0; k < 200; ++k) {
    const int fd = connectLoopback(port);
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  EXPECT_EQ(run->wait(120s), 0) << log();
  for (const int fd : idle) ::close(fd);
  const auto ev = events();
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 4u);
  std::size_t dropped = 0;
  for (const auto& r : eventsOf<ConnectionRefused>(ev)) {
    if (r.reason != RefusalReason::TooManyStrangers) continue;
    ++dropped;
    EXPECT_EQ(r.limit, 4u + 4u + 64u);
  }
  EXPECT_EQ(dropped, 20u);  // the first ones, typed; the log has the total
  EXPECT_NE(log().find("connections in all were dropped before authenticating"), std::string::npos)
      << log();
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
    EXPECT_NE(std::get<Shutdown>(verdict).reason.find("wrong_token"), std::string::npos);
  }
  {
    // A client of another protocol: its first bytes are not a frame; it is cut off and reported.
    const int fd = connectLoopback(port);
    ASSERT_GE(fd, 0);
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
  const auto refused = eventsOf<ConnectionRefused>(ev);
  ASSERT_EQ(refused.size(), 2u);
  EXPECT_EQ(refused[0].reason, RefusalReason::WrongToken);
  EXPECT_EQ(refused[0].from, "127.0.0.1");
  EXPECT_EQ(refused[1].reason, RefusalReason::DroppedBeforeAuth);  // not a frame: wrong magic
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 1u);
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
  const auto died = workerStates(ev, WorkerStatus::Died);
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(died[0].worker, 1);
  const auto applied = appliedPerWorker(ev);
  EXPECT_EQ(applied.at(0), stepsOf(0));
  EXPECT_EQ(applied.at(2), stepsOf(2));
  EXPECT_LT(applied.at(1), stepsOf(1));
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 2u);
  // Without restarts its remaining share is not trained, and the run says so: the steps it
  // never pushed and their rows, counted from its share apart from the engine's schedule.
  const auto untrained = eventsOf<ShareUntrained>(ev);
  ASSERT_EQ(untrained.size(), 1u);
  EXPECT_EQ(untrained[0].worker, 1);
  EXPECT_EQ(untrained[0].cause, UntrainedCause::NotRestarted);
  EXPECT_EQ(untrained[0].totalSteps, stepsOf(1));
  EXPECT_EQ(untrained[0].steps, stepsOf(1) - applied.at(1));
  EXPECT_EQ(untrained[0].examples, rowsOfSteps(ev, 1, 32, applied.at(1), stepsOf(1)));
  const std::string said = run->readAll(5s);
  EXPECT_NE(said.find("untrained: worker 1: " + std::to_string(untrained[0].steps) + " of " +
                      std::to_string(stepsOf(1)) + " steps untrained (" +
                      std::to_string(untrained[0].examples) + " examples, lost and not restarted)"),
            std::string::npos)
      << said;
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

// Started with --paused, no worker takes a step until the monitor says so: nothing is applied
// however long it waits, Step applies exactly one round, Resume lets the run finish.
TEST_F(ClusterRunTest, ARunStartedPausedWaitsForTheMonitorBeforeItsFirstStep) {
  auto run = start(smallSpec(R"("workers": 2, "sync": "bsp")", 2), {"--paused"});
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  Monitor monitor(port);
  ASSERT_TRUE(
      waitUntil([&] { return workerStates(events(), WorkerStatus::Joined).size() == 2; }, 60s))
      << log();
  ::usleep(500'000);
  EXPECT_TRUE(eventsOf<Staleness>(events()).empty());
  monitor.send(ControlCommand::Step);
  EXPECT_TRUE(waitUntil([&] { return eventsOf<Staleness>(events()).size() == 2; }, 10s));
  ::usleep(300'000);
  EXPECT_EQ(eventsOf<Staleness>(events()).size(), 2u);
  monitor.send(ControlCommand::Resume);
  const auto seen = monitor.drain();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto controls = eventsOf<RunControlled>(events());
  ASSERT_EQ(controls.size(), 3u);
  EXPECT_EQ(controls[0].command, ControlCommand::Pause);
  EXPECT_EQ(controls[1].command, ControlCommand::Step);
  EXPECT_EQ(controls[2].command, ControlCommand::Resume);
  EXPECT_EQ(workerStates(events(), WorkerStatus::Finished).size(), 2u);
}

// A Step given before any worker joined (workers started by hand, after it) is one whole round
// once they do: the workers still starting get their step too, not only those there so far
// (which would push and wait at the barrier for the rest).
TEST_F(ClusterRunTest, AStepBeforeTheWorkersJoinedIsOneWholeRound) {
  auto run = start(smallSpec(R"("workers": 3, "sync": "bsp")", 2), {"--paused", "--external-workers"});
  const int port = run->waitForPort();
  ASSERT_GT(port, 0) << log();
  Monitor monitor(port);
  monitor.send(ControlCommand::Step);
  ASSERT_TRUE(waitUntil([&] { return eventsOf<RunControlled>(events()).size() == 2; }, 10s))
      << log();  // the start's Pause, then the Step
  ASSERT_TRUE(workerStates(events(), WorkerStatus::Joined).empty());
  std::vector<std::unique_ptr<EngineProcess>> workers;
  for (int rank = 0; rank < 3; ++rank) {
    workers.push_back(std::make_unique<EngineProcess>(
        std::vector<std::string>{"worker", "--connect", "127.0.0.1:" + std::to_string(port),
                                 "--rank", std::to_string(rank)},
        kToken, path("stderr.txt").string()));
    ::usleep(200'000);  // one after another: the first ones join long before the last
  }
  EXPECT_TRUE(waitUntil([&] { return eventsOf<Staleness>(events()).size() == 3; }, 30s)) << log();
  ::usleep(300'000);
  EXPECT_EQ(eventsOf<Staleness>(events()).size(), 3u);
  monitor.send(ControlCommand::Resume);
  monitor.drain();
  for (auto& w : workers) EXPECT_EQ(w->wait(120s), 0) << log();
  ASSERT_EQ(run->wait(120s), 0) << log();
}

TEST_F(ClusterRunTest, OnlyAClusterWithAServerCanStartPaused) {
  auto ring = start(smallSpec(R"("workers": 2, "sync": "allreduce")", 1), {"--paused"});
  EXPECT_NE(ring->wait(60s), 0);
  EXPECT_NE(log().find("--paused: a ring (cluster.sync allreduce)"), std::string::npos) << log();
  auto lesson = start(R"({"version": 1, "name": "pipeline", "experiment": "model_parallel",
      "dataset": {"name": "blobs", "samples": 256}, "model": {"arch": "mlp", "hidden": [8]},
      "model_parallel": {"stages": 2}})",
                      {"--paused"});
  EXPECT_NE(lesson->wait(60s), 0);
  EXPECT_NE(log().find("--paused: only a cluster"), std::string::npos) << log();
}

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
        const std::size_t before = eventsOf<Staleness>(events()).size();
        ::usleep(300'000);
        settled = eventsOf<Staleness>(events()).size();
        return settled == before;
      },
      10s));
  monitor.send(ControlCommand::Step);  // exactly one more round: one push from each worker
  EXPECT_TRUE(waitUntil([&] { return eventsOf<Staleness>(events()).size() == settled + 3; }, 10s));
  ::usleep(300'000);
  EXPECT_EQ(eventsOf<Staleness>(events()).size(), settled + 3);

  const pid_t victim = workerPid(events(), 2);
  ASSERT_GT(victim, 0);
  monitor.send(ControlCommand::Kill, 2);
  EXPECT_TRUE(waitUntil([&] { return !processAlive(victim); }, 10s));
  monitor.send(ControlCommand::Resume);
  const auto seen = monitor.drain();
  ASSERT_EQ(run->wait(120s), 0) << log();
  EXPECT_EQ(workerStates(seen, WorkerStatus::Died).size(), 1u);
  EXPECT_EQ(workerStates(seen, WorkerStatus::Finished).size(), 2u);
  const auto controls = eventsOf<RunControlled>(seen);
  ASSERT_EQ(controls.size(), 3u);
  EXPECT_EQ(controls[0].command, ControlCommand::Pause);
  EXPECT_EQ(controls[1].command, ControlCommand::Step);
  EXPECT_EQ(controls[2].command, ControlCommand::Resume);
  const auto killed = workerStates(seen, WorkerStatus::Died);
  ASSERT_FALSE(killed.empty());
  EXPECT_EQ(killed[0].reason, WorkerReason::Killed);
  // The monitor saw the same stream as events.jsonl, up to the SHUTDOWN frames sent after its
  // last batch.
  const auto notShutdown = [](const std::vector<Event>& all) {
    return std::count_if(all.begin(), all.end(), [](const Event& e) {
      const auto* t = std::get_if<Traffic>(&e);
      return !t || t->message != MessageType::Shutdown;
    });
  };
  EXPECT_EQ(notShutdown(seen), notShutdown(events()));
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
  ASSERT_TRUE(waitUntil([&] { return !workerStates(events(), WorkerStatus::Died).empty(); }, 10s));
  monitor.send(ControlCommand::Restart, 1);
  const auto seen = monitor.drain();
  ASSERT_EQ(run->wait(120s), 0) << log();
  const auto rejoined = workerStates(seen, WorkerStatus::Rejoined);
  ASSERT_EQ(rejoined.size(), 1u);
  EXPECT_EQ(rejoined[0].worker, 1);
  EXPECT_NE(rejoined[0].pid, victim);
  EXPECT_GT(rejoined[0].pid, 0);
  EXPECT_GT(rejoined[0].clock, 0u);
  EXPECT_EQ(workerStates(seen, WorkerStatus::Finished).size(), 3u);  // the new process too
  EXPECT_FALSE(processAlive(victim));
}

TEST_F(ClusterRunTest, AFrozenWorkerIsDeclaredDeadAfterThePeerTimeoutAndTheBarrierGoesOn) {
  auto run = start(smallSpec(
      R"("workers": 2, "sync": "bsp", "bandwidth_mbps": [0.5, 0.5], "peer_timeout_ms": 3000)", 6));
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
  const auto died = workerStates(events(), WorkerStatus::Died);
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(died[0].worker, 0);
  EXPECT_EQ(died[0].reason, WorkerReason::HeartbeatTimeout);
  EXPECT_EQ(died[0].value, 3000.0);
  EXPECT_EQ(appliedPerWorker(events())[1], stepsOf(1));
  EXPECT_TRUE(waitUntil([&] { return !processAlive(frozen); }, 10s));  // stopped, then killed
}

}  // namespace
}  // namespace distlab::engine
