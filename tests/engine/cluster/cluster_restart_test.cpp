// cluster.restarts on real clusters: a killed worker process is started again, rejoins at the
// barrier's step and finishes its schedule; what it could not train is counted, never silent.
#include <csignal>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

/// Waits until rank's process (the newest one the coordinator reported) has `pushes` applied
/// pushes in all, and returns its pid (0: not in a minute).
pid_t whenApplied(const std::function<std::vector<Event>()>& events, int rank,
                  std::size_t pushes) {
  pid_t pid = 0;
  waitUntil(
      [&] {
        const auto ev = events();
        pid = workerPid(ev, rank);
        for (const auto& w : workerStates(ev, WorkerStatus::Rejoined)) {
          if (w.worker == rank) pid = w.pid;
        }
        return pid > 0 && appliedPerWorker(ev)[rank] >= pushes;
      },
      60s);
  return pid;
}

class RestartPolicyTest : public ClusterRunTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(RestartPolicyTest, AKilledWorkerIsStartedAgainAndEveryStepOfItsShareIsAccountedFor) {
  // Worker 1 on a link three times slower: an asynchronous rule lets the others run ahead, so
  // it rejoins at their (later) step and skips the steps between.
  auto run = start(smallSpec(std::string(R"("workers": 3, "restarts": 1,
      "bandwidth_mbps": [0.5, 0.15, 0.5], "sync": ")") + GetParam() + "\"", 4));
  ASSERT_GT(run->waitForPort(), 0) << log();
  const pid_t victim = whenApplied([&] { return events(); }, 1, 5);
  ASSERT_GT(victim, 0) << log();
  ASSERT_EQ(::kill(victim, SIGKILL), 0);
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto ev = events();
  ASSERT_EQ(workerStates(ev, WorkerStatus::Died).size(), 1u);
  const auto rejoined = workerStates(ev, WorkerStatus::Rejoined);
  ASSERT_EQ(rejoined.size(), 1u);
  EXPECT_EQ(rejoined[0].worker, 1);
  EXPECT_EQ(rejoined[0].reason, WorkerReason::RestartPolicy);
  EXPECT_EQ(rejoined[0].value, 1.0);  // its first restart
  EXPECT_GT(rejoined[0].pid, 0);
  EXPECT_NE(rejoined[0].pid, victim);
  EXPECT_FALSE(processAlive(victim));
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 3u);  // the new process too
  // The evaluation at the end (right after a regular one: 40 updates, eval_every 20) keeps the
  // training rate instead of reporting 0 samples/s.
  EXPECT_GT(eventsOf<Evaluation>(ev).back().samplesPerSecond, 0.0);
  const auto applied = appliedPerWorker(ev);
  EXPECT_EQ(applied.at(0), stepsOf(0));
  EXPECT_EQ(applied.at(2), stepsOf(2));
  // Worker 1's steps: trained before its death, skipped while it was down (reported), trained
  // after rejoining. An asynchronous rule may rejoin it behind its own clock (steps trained
  // twice), never ahead of the others without saying so.
  std::uint64_t skipped = 0;
  for (const auto& u : eventsOf<ShareUntrained>(ev)) {
    EXPECT_EQ(u.worker, 1);
    EXPECT_EQ(u.cause, UntrainedCause::MissedWhileDown);
    EXPECT_EQ(u.examples,
              rowsOfSteps(ev, 1, 32, rejoined[0].clock - u.steps, rejoined[0].clock));
    skipped += u.steps;
  }
  if (std::string(GetParam()) == "bsp") {
    EXPECT_EQ(applied.at(1) + skipped, stepsOf(1));
  } else if (std::string(GetParam()) == "asp") {
    EXPECT_GT(skipped, 0u);
    EXPECT_EQ(applied.at(1) + skipped, stepsOf(1));
  } else {
    EXPECT_GE(applied.at(1) + skipped, stepsOf(1));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryPolicy, RestartPolicyTest, ::testing::Values("bsp", "asp", "ssp"));

TEST_F(ClusterRunTest, AWorkerLostMoreOftenThanTheRestartsAllowIsReportedUntrained) {
  auto run = start(smallSpec(R"("workers": 3, "restarts": 1, "sync": "bsp",
      "bandwidth_mbps": [0.5, 0.5, 0.5])", 8), {"--report", path("report").string()});
  ASSERT_GT(run->waitForPort(), 0) << log();
  const pid_t first = whenApplied([&] { return events(); }, 1, 5);
  ASSERT_GT(first, 0) << log();
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  ASSERT_TRUE(waitUntil([&] { return !workerStates(events(), WorkerStatus::Rejoined).empty(); },
                        60s))
      << log();
  const auto before = appliedPerWorker(events())[1];
  const pid_t second = whenApplied([&] { return events(); }, 1, before + 3);
  ASSERT_GT(second, 0) << log();
  ASSERT_NE(second, first);
  ASSERT_EQ(::kill(second, SIGKILL), 0);
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto ev = events();
  EXPECT_EQ(workerStates(ev, WorkerStatus::Died).size(), 2u);
  EXPECT_EQ(workerStates(ev, WorkerStatus::Rejoined).size(), 1u);  // one restart allowed
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 2u);
  const auto applied = appliedPerWorker(ev);
  std::uint64_t untrainedSteps = 0, untrainedExamples = 0;
  bool tailReported = false;
  for (const auto& u : eventsOf<ShareUntrained>(ev)) {
    EXPECT_EQ(u.worker, 1);
    untrainedSteps += u.steps;
    untrainedExamples += u.examples;
    if (u.cause == UntrainedCause::NotRestarted) {
      tailReported = true;
      EXPECT_EQ(u.examples, rowsOfSteps(ev, 1, 32, stepsOf(1) - u.steps, stepsOf(1)));
    }
  }
  EXPECT_TRUE(tailReported);
  EXPECT_EQ(applied.at(1) + untrainedSteps, stepsOf(1));  // under BSP, each step exactly once
  // The report's summary says it too.
  const auto summary =
      nlohmann::json::parse(fileText(path("report").string() + "/summary.json"));
  EXPECT_EQ(summary.at("deaths").get<int>(), 2);
  EXPECT_EQ(summary.at("rejoins").get<int>(), 1);
  EXPECT_EQ(summary.at("examples_untrained").get<std::uint64_t>(), untrainedExamples);
}

}  // namespace
}  // namespace distlab::engine
