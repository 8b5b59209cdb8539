// Checkpoint and resume on real processes: the coordinator killed with SIGKILL mid-run, resumed
// from its last checkpoint, ends on the very parameters of an uninterrupted run (BSP); model
// files start and end runs.
#include <csignal>
#include <cstring>
#include <filesystem>

#include "cluster_fixture.h"
#include "cluster/checkpoint.h"
#include "core/atomic_file.h"
#include "nn/model_file.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

/// Slow enough (capped links) to be killed mid-run, short enough for a test: 3 workers, Adam
/// (its moments must survive the checkpoint too), a checkpoint every 10 updates.
std::string resumableSpec(const std::string& sync = "bsp") {
  return R"({"name": "resumable", "seed": 3,
    "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
    "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
    "training": {"epochs": 10, "batch_size": 32, "lr": 0.01, "optimizer": "adam"},
    "cluster": {"workers": 3, "sync": ")" +
         sync + R"(", "checkpoint_every": 10, "bandwidth_mbps": [1, 1, 1], "eval_every": 20,
                "heartbeat_ms": 100, "peer_timeout_ms": 3000}})";
}

/// smallSpec's run with another learning rate.
std::string specWithLr(const std::string& lr, int epochs) {
  std::string spec = smallSpec(R"("workers": 2)", epochs);
  const std::string was = "\"lr\": 0.1";
  return spec.replace(spec.find(was), was.size(), "\"lr\": " + lr);
}

std::vector<std::uint64_t> metricsVersions(const std::string& runDir) {
  std::ifstream in(runDir + "/metrics.csv");
  std::string line;
  std::getline(in, line);
  std::vector<std::uint64_t> versions;
  while (std::getline(in, line)) versions.push_back(std::stoull(line));
  return versions;
}

class CheckpointResumeTest : public ClusterRunTest {
 protected:
  /// Starts the spec into out(), kills the coordinator (SIGKILL) once a checkpoint exists and
  /// `updates` updates were applied, then resumes it; returns the resumed run's exit code.
  int killAndResume(const std::string& spec, std::uint64_t updates,
                    const std::vector<std::string>& resumeArgs = {}) {
    auto run = start(spec);
    EXPECT_GT(run->waitForPort(), 0) << log();
    const bool reached = waitUntil(
        [&] {
          const auto ev = events();
          const auto spans = eventsOf<Span>(ev);
          std::uint64_t applied = 0;
          for (const auto& s : spans)
            if (s.kind == SpanKind::Aggregate) applied = std::max(applied, s.step);
          return applied >= updates && std::filesystem::exists(checkpointPath(out()));
        },
        60s);
    EXPECT_TRUE(reached) << log();
    run->signal(SIGKILL);
    EXPECT_EQ(run->wait(10s), 128 + SIGKILL);  // killed mid-run, not ended on its own
    EXPECT_TRUE(eventsOf<RunEnded>(events()).empty());
    std::vector<std::string> args = {"run", "--resume", out()};
    args.insert(args.end(), resumeArgs.begin(), resumeArgs.end());
    EngineProcess resumed(args, kToken, path("stderr.txt").string());
    return resumed.wait(180s).value_or(-1);
  }
};

TEST_F(CheckpointResumeTest, AResumedBspRunEndsOnTheParametersOfAnUninterruptedOne) {
  const std::string spec = resumableSpec();
  // The uninterrupted run, in its own folder.
  const std::string whole = path("whole").string();
  EngineProcess uninterrupted({"run", writeSpec(spec), "--out", whole, "--save-model",
                               path("whole.dlm").string()},
                              kToken, path("stderr.txt").string());
  ASSERT_EQ(uninterrupted.wait(180s), 0) << log();
  const auto total = readModelFile(path("whole.dlm").string()).version;
  ASSERT_GT(total, 80u);

  ASSERT_EQ(killAndResume(spec, total / 3, {"--save-model", path("resumed.dlm").string()}), 0)
      << log();
  const auto ev = events();  // the resumed part's
  const auto notices = eventsOf<Notice>(ev);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, NoticeKind::ResumedFromCheckpoint);
  EXPECT_GE(notices[0].count, 10u);  // it resumed from a checkpoint, not from the start
  EXPECT_LT(notices[0].count, total);
  EXPECT_EQ(notices[0].count % 10, 0u);
  EXPECT_TRUE(std::filesystem::exists(out() + "/events.1.jsonl"));  // the interrupted part's

  // Bit for bit: the model files' parameters, and the run folders' params.f32.
  const ModelFile a = readModelFile(path("whole.dlm").string());
  const ModelFile b = readModelFile(path("resumed.dlm").string());
  EXPECT_EQ(b.version, total);
  ASSERT_EQ(a.parameters.size(), b.parameters.size());
  EXPECT_EQ(0, std::memcmp(a.parameters.data(), b.parameters.data(),
                           a.parameters.size() * sizeof(float)));
  EXPECT_EQ(readBinaryFile(whole + "/params.f32", "params"),
            readBinaryFile(out() + "/params.f32", "params"));

  // metrics.csv goes on from the checkpoint: the versions the uninterrupted run evaluated, in
  // order. (The last one may come twice in either run: the regular evaluation, and the one at
  // the end when the regular one was done first.)
  auto distinct = [](std::vector<std::uint64_t> v) {
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  const auto versions = metricsVersions(out());
  ASSERT_FALSE(versions.empty());
  EXPECT_TRUE(std::is_sorted(versions.begin(), versions.end()));
  EXPECT_EQ(distinct(versions), distinct(metricsVersions(whole)));
}

TEST_F(CheckpointResumeTest, AnAsynchronousRunResumesAndCompletesItsSchedule) {
  ASSERT_EQ(killAndResume(resumableSpec("asp"), 30), 0) << log();
  const auto ev = events();
  EXPECT_EQ(workerStates(ev, WorkerStatus::Finished).size(), 3u);
  EXPECT_GT(lastAccuracy(ev), 0.8);
  // Every worker's schedule ends: applied pushes before the checkpoint plus after add up.
  const auto notices = eventsOf<Notice>(ev);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, NoticeKind::ResumedFromCheckpoint);
}

TEST_F(CheckpointResumeTest, ResumeRefusesWhatItCannotContinueAndChangesNothing) {
  auto run = start(resumableSpec());
  ASSERT_EQ(run->wait(180s), 0) << log();
  const std::string events = readBinaryFile(out() + "/events.jsonl", "events");
  // A damaged checkpoint.
  std::string bytes = readBinaryFile(checkpointPath(out()), "checkpoint");
  bytes[bytes.size() / 2] ^= 4;
  std::ofstream(checkpointPath(out()), std::ios::binary) << bytes;
  EngineProcess damaged({"run", "--resume", out()}, kToken, path("stderr.txt").string());
  EXPECT_EQ(damaged.wait(30s), 1);
  EXPECT_NE(log().find("checksum does not match"), std::string::npos) << log();
  EXPECT_EQ(readBinaryFile(out() + "/events.jsonl", "events"), events);  // untouched
  EXPECT_FALSE(std::filesystem::exists(out() + "/events.1.jsonl"));
  // A folder without one.
  EngineProcess none({"run", "--resume", path("nothing").string()}, kToken,
                     path("stderr.txt").string());
  EXPECT_EQ(none.wait(30s), 1);
}

TEST_F(CheckpointResumeTest, ARunStartsFromAModelFile) {
  // Trained once and saved; a second run with a learning rate too small to move it starts at
  // the first run's accuracy instead of chance.
  auto first = start(smallSpec(R"("workers": 2)", 3), {"--save-model", path("m.dlm").string()});
  ASSERT_EQ(first->wait(120s), 0) << log();
  const double trained = lastAccuracy(events());
  ASSERT_GT(trained, 0.8);
  auto second = start(specWithLr("1e-9", 1),
                      {"--load-model", path("m.dlm").string()});
  ASSERT_EQ(second->wait(120s), 0) << log();
  const auto evaluations = eventsOf<Evaluation>(events());
  ASSERT_FALSE(evaluations.empty());
  EXPECT_NEAR(evaluations.front().testAccuracy, trained, 0.02);
  // A model of other layers is refused before any worker starts.
  auto other = start(R"({"name": "other", "dataset": {"name": "blobs", "samples": 1200,
      "classes": 4}, "model": {"arch": "mlp", "hidden": [8]}, "cluster": {"workers": 2}})",
                     {"--load-model", path("m.dlm").string()});
  EXPECT_EQ(other->wait(60s), 1);
  EXPECT_NE(log().find("holds another model"), std::string::npos) << log();
}

}  // namespace
}  // namespace distlab::engine
