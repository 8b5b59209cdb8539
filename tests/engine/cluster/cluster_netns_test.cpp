// A run across "machines": the coordinator in one network namespace, its workers in another,
// joined only by a veth pair, as two PCs on a cable would be. The workers reach the coordinator
// at its address on that link with the run's token from their environment; nothing uses
// loopback between them. Needs root (to make namespaces); skipped, saying why, elsewhere.
#include <unistd.h>

#include "cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

class NetnsRunTest : public ClusterRunTest {
 protected:
  void SetUp() override {
    ClusterRunTest::SetUp();
    const std::string id = std::to_string(::getpid() % 100000);
    m_coordinator = "dl-co-" + id;
    m_workers = "dl-wk-" + id;
    const std::string subnet = "10.77." + std::to_string(::getpid() % 250) + ".";
    m_address = subnet + "1";
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to create network namespaces";
    const std::string veth = "dlv" + id, peer = "dlp" + id;
    for (const std::string& command : {
             "ip netns add " + m_coordinator,
             "ip netns add " + m_workers,
             "ip link add " + veth + " type veth peer name " + peer,
             "ip link set " + veth + " netns " + m_coordinator,
             "ip link set " + peer + " netns " + m_workers,
             "ip -n " + m_coordinator + " addr add " + m_address + "/24 dev " + veth,
             "ip -n " + m_workers + " addr add " + subnet + "2/24 dev " + peer,
             "ip -n " + m_coordinator + " link set " + veth + " up",
             "ip -n " + m_workers + " link set " + peer + " up",
             "ip -n " + m_coordinator + " link set lo up",
             "ip -n " + m_workers + " link set lo up",
         }) {
      const CommandResult r = runShell(command);
      if (r.exitCode != 0) {
        TearDown();
        GTEST_SKIP() << "cannot make the test's network (" << command << "): " << r.output;
      }
      m_made = true;
    }
  }
  void TearDown() override {
    if (!m_made) return;
    runShell("ip netns del " + m_coordinator);  // its end of the veth pair goes with it
    runShell("ip netns del " + m_workers);
    m_made = false;
  }
  std::string m_coordinator, m_workers, m_address;
  bool m_made = false;
};

TEST_F(NetnsRunTest, ACoordinatorAndItsWorkersInTwoNamespacesTrainOverTheirLink) {
  // The workers' namespace has no route to the coordinator's loopback: only the veth address.
  std::string spec = smallSpec(R"("workers": 2, "sync": "bsp", "transport": "tcp", "bind": ")" +
                               m_address + R"(", "join_timeout_s": 60)");
  EngineProcess run({"run", writeSpec(spec), "--out", out(), "--external-workers"}, kToken,
                    path("stderr.txt").string(), m_coordinator);
  const int port = run.waitForPort();
  ASSERT_GT(port, 0) << log();
  // A worker with another token is turned away at that address, and the run goes on.
  EngineProcess intruder(
      {"worker", "--connect", m_address + ":" + std::to_string(port), "--rank", "0"},
      "ffffffffffffffffffffffffffffffff", path("stderr.txt").string(), m_workers);
  EXPECT_NE(intruder.wait(30s).value_or(0), 0) << log();
  std::vector<std::unique_ptr<EngineProcess>> workers;
  for (int rank = 0; rank < 2; ++rank) {
    workers.push_back(std::make_unique<EngineProcess>(
        std::vector<std::string>{"worker", "--connect", m_address + ":" + std::to_string(port),
                                 "--rank", std::to_string(rank)},
        kToken, path("stderr.txt").string(), m_workers));
  }
  for (auto& w : workers) EXPECT_EQ(w->wait(120s), 0) << log();
  ASSERT_EQ(run.wait(120s), 0) << log();
  const auto all = events();
  EXPECT_EQ(workerStates(all, WorkerStatus::Joined).size(), 2u);
  ASSERT_FALSE(eventsOf<RunEnded>(all).empty());
  EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
  EXPECT_GT(lastAccuracy(all), 0.5);
  // Every update of both workers reached the server over the link.
  const auto applied = appliedPerWorker(all);
  EXPECT_EQ(applied.at(0), stepsOf(0));
  EXPECT_EQ(applied.at(1), stepsOf(1));
  EXPECT_FALSE(eventsOf<ConnectionRefused>(all).empty());
}

// cluster.sync allreduce across the link: the coordinator and worker 0 in one namespace,
// workers 1 and 2 in the other, started by hand. Each learns where its ring neighbours listen
// from the coordinator (the address it saw them connect from), so the ring's links 0->1 and
// 2->0 cross the veth pair; nothing is on loopback between the namespaces. The run completes on
// the parameters of BSP on a server (1e-6), as the local ring does.
TEST_F(NetnsRunTest, AnAllReduceRingSpansTheTwoNamespaces) {
  const std::string ring =
      smallSpec(R"("workers": 3, "sync": "allreduce", "launch_workers": false, "bind": ")" +
                    m_address + R"(", "join_timeout_s": 60)",
                2, R"(, "momentum": 0.9)");
  EngineProcess run({"run", writeSpec(ring), "--out", out()}, kToken, path("stderr.txt").string(),
                    m_coordinator);
  const int port = run.waitForPort();
  ASSERT_GT(port, 0) << log();
  const std::string address = m_address + ":" + std::to_string(port);
  std::vector<std::unique_ptr<EngineProcess>> stages;
  for (int rank = 0; rank < 3; ++rank) {
    stages.push_back(std::make_unique<EngineProcess>(
        std::vector<std::string>{"stage", "--connect", address, "--rank", std::to_string(rank)},
        kToken, path("stderr.txt").string(), rank == 0 ? m_coordinator : m_workers));
  }
  for (auto& s : stages) EXPECT_EQ(s->wait(120s), 0) << log();
  ASSERT_EQ(run.wait(120s), 0) << log();
  const auto onRing = readFloats(out() + "/params.f32");
  const auto all = events();
  EXPECT_EQ(eventsOf<RunEnded>(all).back().reason, EndReason::Completed);
  std::uint64_t ringBytes = 0;
  for (const auto& t : eventsOf<Traffic>(all)) ringBytes += t.message == MessageType::Ring;
  EXPECT_GT(ringBytes, 0u);

  // The same spec on a parameter server in this namespace, started by `run` itself.
  std::string bsp = ring;
  const std::string serverless = R"("sync": "allreduce", "launch_workers": false)";
  bsp.replace(bsp.find(serverless), serverless.size(), R"("sync": "bsp", "launch_workers": true)");
  bsp.replace(bsp.find(m_address), m_address.size(), "127.0.0.1");
  std::filesystem::rename(out(), path("ring"));
  auto server = start(bsp);
  ASSERT_EQ(server->wait(120s), 0) << log();
  const auto onServer = readFloats(out() + "/params.f32");
  ASSERT_FALSE(onServer.empty());
  ASSERT_EQ(onRing.size(), onServer.size());
  EXPECT_LE(relativeDifference(onRing, onServer), 1e-6);
}

}  // namespace
}  // namespace distlab::engine
