// Lesson 3's pipeline on real stage processes (`distlab-engine run` on a model_parallel spec):
// its parameters against single-process training on the same batches, a killed stage, its
// tables, and the spec problems it reports.
#include <signal.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "../cluster/cluster_fixture.h"
#include "core/float_file.h"
#include "core/spec_problems.h"
#include "nn/trainer.h"

namespace distlab::engine {
namespace {

using namespace testing;

/// A pipeline run of one epoch of 20 batches: 20 updates.
std::string pipelineSpec(const std::string& model, const std::string& modelParallel,
                         int batch = 32) {
  return R"({"name": "pipeline test", "seed": 5, "experiment": "model_parallel",
    "dataset": {"name": "fashion-mnist", "train_limit": )" +
         std::to_string(20 * batch) + R"(, "test_limit": 500},
    "model": )" +
         model + R"(,
    "training": {"epochs": 1, "batch_size": )" +
         std::to_string(batch) +
         R"(, "lr": 0.05, "momentum": 0.9},
    "cluster": {"peer_timeout_ms": 20000},
    "model_parallel": )" +
         modelParallel + "}";
}

constexpr const char* kMlp = R"({"arch": "mlp", "hidden": [64, 32], "activation": "relu"})";
constexpr const char* kLeNet = R"({"arch": "lenet5", "activation": "relu"})";

class PipelineRunTest : public ClusterRunTest {
 protected:
  /// Runs the spec to its end and returns ||pipeline - single process|| / ||single process||
  /// of the parameters after the epoch.
  double differenceFromOneProcess(const std::string& specText) {
    auto run = start(specText);
    EXPECT_EQ(run->wait(180s), 0) << log();
    Trainer trainer(m_spec, loadDataset(m_spec.dataset, m_spec.seed));
    trainer.runEpoch();
    const auto reference = trainer.model().parameters();
    return testing::relativeDifference(readFloatFile(out() + "/params.f32", reference.size()),
                                       reference);
  }
  /// Waits until the 3 stages joined and trained a little; returns their pids.
  std::vector<pid_t> threeStagesTraining() {
    std::vector<pid_t> pids;
    EXPECT_TRUE(waitUntil(
        [&] {
          pids.clear();
          for (const auto& w : workerStates(events(), WorkerStatus::Joined)) pids.push_back(w.pid);
          return pids.size() == 3 && !eventsOf<Span>(events()).empty();
        },
        60s))
        << log();
    return pids;
  }
};

TEST_F(PipelineRunTest, GPipeTrainsTheMlpToTheSingleProcessParameters) {
  const double d = differenceFromOneProcess(pipelineSpec(
      kMlp, R"({"stages": 3, "micro_batches": 4, "schedule": "gpipe", "eval_every": 10})"));
  EXPECT_LT(d, 1e-5);
  // The run moved: a difference of zero because nothing trained would prove nothing.
  const auto evaluations = eventsOf<Evaluation>(events());
  // Evaluated at update 10 (unless the evaluator, busy, kept only the newer) and at the end.
  ASSERT_GE(evaluations.size(), 1u);
  EXPECT_EQ(evaluations.back().update, 20u);
  EXPECT_GT(evaluations.back().testAccuracy, 0.3);
}

TEST_F(PipelineRunTest, OneFOneBTrainsTheMlpToTheSingleProcessParameters) {
  // Uneven micro-batches (32 = 7 + 7 + 6 + 6 + 6) and explicit boundaries.
  EXPECT_LT(differenceFromOneProcess(pipelineSpec(kMlp, R"({"stages": 2, "micro_batches": 5,
      "schedule": "1f1b", "boundaries": [3], "eval_every": 20})")),
            1e-5);
}

TEST_F(PipelineRunTest, BothSchedulesTrainLeNetToTheSingleProcessParameters) {
  for (const char* schedule : {"gpipe", "1f1b"}) {
    SCOPED_TRACE(schedule);
    // The convolutions keep per-micro-batch caches (im2col columns, pooling winners): each
    // micro-batch in flight has a replica of its own.
    EXPECT_LT(differenceFromOneProcess(
                  pipelineSpec(kLeNet,
                               std::string(R"({"stages": 3, "micro_batches": 4, "schedule": ")") +
                                   schedule + R"(", "boundaries": [2, 7], "eval_every": 20})",
                               16)),
              1e-5);
    std::filesystem::remove_all(out());
  }
}

// weight_gradients grouped: a stage keeps its micro-batches' inputs and errors and adds their
// weight gradients 64 columns at a time (batch 160 in 5 micro-batches of 32: after the second,
// the fourth and the last), for the Dense layers of the MLP and of LeNet-5 (whose
// convolutions keep adding theirs at once).
TEST_F(PipelineRunTest, GroupedWeightGradientsTrainToTheSingleProcessParameters) {
  for (const char* schedule : {"gpipe", "1f1b"}) {
    SCOPED_TRACE(schedule);
    EXPECT_LT(differenceFromOneProcess(pipelineSpec(
                  kMlp,
                  std::string(R"({"stages": 2, "micro_batches": 5, "weight_gradients": "grouped",
                      "schedule": ")") +
                      schedule + R"(", "eval_every": 20})",
                  160)),
              1e-5);
    // Only grouped weight gradients hold activations while adding them: the Backward spans of
    // a flush carry those bytes.
    const auto spans = eventsOf<Span>(events());
    EXPECT_TRUE(std::any_of(spans.begin(), spans.end(), [](const Span& s) {
      return s.kind == SpanKind::Backward && s.bytes > 0;
    }));
    std::filesystem::remove_all(out());
  }
  // LeNet-5 at a small step: at lr 0.05 with momentum 0.9 on batches of 160, rounding flips some
  // max-pool winners and ReLUs within 20 updates, and even `each` with one micro-batch (the
  // single process's sums exactly) ends 9e-5 away.
  std::string lenet = pipelineSpec(kLeNet, R"({"stages": 3, "micro_batches": 5,
      "weight_gradients": "grouped", "boundaries": [2, 7], "eval_every": 20})",
                                   160);
  const std::string fast = R"("lr": 0.05, "momentum": 0.9)";
  lenet.replace(lenet.find(fast), fast.size(), R"("lr": 0.005, "momentum": 0)");
  EXPECT_LT(differenceFromOneProcess(lenet), 1e-6);
}

// 784 x 1024 and 1024 x 512 layers on micro-batches of 32 columns: with AVX-512 their W x, and
// the second one's W^T dy, go through the narrow kernels, from weights each stage packs once a
// step (nn/packed_weights.h).
TEST_F(PipelineRunTest, AWideLayerOnMicroBatchesTrainsToTheSingleProcessParameters) {
  for (const char* gradients : {"each", "grouped"}) {
    SCOPED_TRACE(gradients);
    EXPECT_LT(differenceFromOneProcess(pipelineSpec(
                  R"({"arch": "mlp", "hidden": [1024, 512], "activation": "relu"})",
                  std::string(R"({"stages": 2, "micro_batches": 2, "weight_gradients": ")") +
                      gradients + R"(", "eval_every": 20})",
                  64)),
              1e-5);
    std::filesystem::remove_all(out());
  }
}

// balance neurons: 784-32-192-192-192-10 on 3 stages, the boundaries cutting the second and
// the third hidden layer by their neurons (the middle stage begins with the rest of one cut
// layer and ends with the first neurons of the other), every schedule, both ways of adding the
// weight gradients.
TEST_F(PipelineRunTest, StagesThatCutALayerTrainToTheSingleProcessParameters) {
  for (const char* schedule : {"gpipe", "1f1b"}) {
    for (const char* gradients : {"each", "grouped"}) {
      SCOPED_TRACE(std::string(schedule) + " " + gradients);
      std::string spec = pipelineSpec(
          R"({"arch": "mlp", "hidden": [32, 192, 192, 192], "activation": "relu"})",
          std::string(R"({"stages": 3, "micro_batches": 5, "balance": "neurons",
              "schedule": ")") +
              schedule + R"(", "weight_gradients": ")" + gradients + R"(", "eval_every": 20,
              "sweep_steps": 2, "sweep_stages": [2, 3], "sweep_micro_batches": [2]})",
          80);
      // At lr 0.05 this network ends 8e-4 away even with whole-layer stages (rounding flips a
      // few ReLUs within 20 updates); at 0.01 both match the single process.
      const std::string fast = R"("lr": 0.05)";
      spec.replace(spec.find(fast), fast.size(), R"("lr": 0.01)");
      EXPECT_LT(differenceFromOneProcess(spec), 1e-5);
      // The layout says who holds the cut layers' neurons: two stages each.
      const auto layouts = eventsOf<ModelLayout>(events());
      ASSERT_FALSE(layouts.empty());
      std::map<int, std::set<int>> owners;
      for (const auto& b : layouts.front().blocks) owners[b.layer].insert(b.owner);
      EXPECT_EQ(owners[2], (std::set<int>{0, 1}));
      EXPECT_EQ(owners[3], (std::set<int>{1, 2}));
      // The bubble study's short runs cut the layers too (2 and 3 stages), and report.
      EXPECT_EQ(csvRows(out() + "/bubbles.csv").size(), 3u) << log();  // a header, p = 2, 3
      std::filesystem::remove_all(out());
    }
  }
  // 4 stages: the second target falls in the layer the first cut, so stage 1 holds nothing but
  // the rest of that layer.
  std::string four = pipelineSpec(
      R"({"arch": "mlp", "hidden": [32, 192, 192, 192], "activation": "relu"})",
      R"({"stages": 4, "micro_batches": 5, "balance": "neurons", "eval_every": 20})", 80);
  four.replace(four.find(R"("lr": 0.05)"), 10, R"("lr": 0.01)");
  EXPECT_LT(differenceFromOneProcess(four), 1e-5);
  const auto stages = csvRows(out() + "/stages.csv");
  ASSERT_EQ(stages.size(), 5u);
  EXPECT_EQ(stages[2][2], "1");  // stage 1's layers: the cut one alone
}

// Frames larger than a socket's buffer, both ways at once (1F1B: stage 0 sends its second
// micro-batch while stage 1 sends the first one's errors back): sending on threads of their
// own, the stages cannot wait on each other for ever.
TEST_F(PipelineRunTest, IntermediateResultsLargerThanTheSocketBuffersDoNotDeadlock) {
  for (const char* schedule : {"gpipe", "1f1b"}) {
    SCOPED_TRACE(schedule);
    auto run = start(pipelineSpec(R"({"arch": "mlp", "hidden": [2048], "activation": "relu"})",
                                  std::string(R"({"stages": 2, "boundaries": [1], )") +
                                      R"("micro_batches": 2, "steps": 3, "schedule": ")" +
                                      schedule + R"("})",
                                  512));
    EXPECT_EQ(run->wait(120s), 0) << log();
    std::filesystem::remove_all(out());
  }
}

TEST_F(PipelineRunTest, TheTimelineShowsEveryStagesPassesAndItsTrafficIsIntermediateResults) {
  auto run = start(pipelineSpec(
      kMlp, R"({"stages": 3, "micro_batches": 4, "schedule": "1f1b", "eval_every": 20})"));
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto all = events();
  std::map<int, std::map<SpanKind, int>> kinds;
  for (const auto& s : eventsOf<Span>(all)) ++kinds[s.lane][s.kind];
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(kinds[k][SpanKind::Forward], 20 * 4) << "stage " << k;
    EXPECT_EQ(kinds[k][SpanKind::Backward], 20 * 4) << "stage " << k;
    EXPECT_EQ(kinds[k][SpanKind::Compute], 20) << "stage " << k;  // one update a step
  }
  EXPECT_EQ(kinds[0][SpanKind::Send], 20 * 4);      // activations forward only
  EXPECT_EQ(kinds[1][SpanKind::Send], 20 * 4 * 2);  // activations and errors
  EXPECT_EQ(kinds[2][SpanKind::Receive], 20 * 4);
  std::uint64_t intermediate = 0;
  for (const auto& t : eventsOf<Traffic>(all)) {
    if (t.message == MessageType::Activations || t.message == MessageType::Errors) {
      EXPECT_EQ(t.kind, TrafficKind::IntermediateResults);
      intermediate += t.wireBytes;
    }
  }
  // Stage boundaries carry 64 and 32 floats per example, forward and back, 640 examples.
  EXPECT_GE(intermediate, 2u * (64 + 32) * 4 * 640);
  EXPECT_LT(intermediate, 2u * (64 + 32) * 4 * 640 + 4 * 20 * 4 * 64);
  const auto stages = csvRows(out() + "/stages.csv");
  ASSERT_EQ(stages.size(), 4u);
  EXPECT_EQ(stages[0][0], "stage");
  // The Cluster view's model diagram: one ModelLayout, right after RunStarted, each layer with
  // weights (64, 32, 10 neurons) one block of the stage the stages table says owns it.
  const auto layouts = eventsOf<ModelLayout>(all);
  ASSERT_EQ(layouts.size(), 1u);
  EXPECT_EQ(layouts[0].split, ModelSplit::Pipeline);
  ASSERT_EQ(layouts[0].blocks.size(), 3u);
  const int widths[] = {64, 32, 10};
  for (int l = 0; l < 3; ++l) {
    const auto& b = layouts[0].blocks[static_cast<std::size_t>(l)];
    EXPECT_EQ(b.layer, l);
    EXPECT_EQ(b.width, widths[l]);
    EXPECT_EQ(b.neurons, widths[l]);
  }
  // Balanced by cost, 3 layers with weights on 3 stages: one each, in order.
  EXPECT_EQ(layouts[0].blocks[0].owner, 0);
  EXPECT_EQ(layouts[0].blocks[1].owner, 1);
  EXPECT_EQ(layouts[0].blocks[2].owner, 2);
  ASSERT_GE(all.size(), 2u);
  std::size_t startedAt = all.size(), layoutAt = all.size();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (std::holds_alternative<RunStarted>(all[i]) && startedAt == all.size()) startedAt = i;
    if (std::holds_alternative<ModelLayout>(all[i]) && layoutAt == all.size()) layoutAt = i;
  }
  EXPECT_LT(startedAt, layoutAt);
  EXPECT_TRUE(
      workerStates(std::vector<Event>(all.begin(), all.begin() + static_cast<long>(layoutAt)),
                   WorkerStatus::Joined)
          .empty());  // drawn before the stages join
}

TEST_F(PipelineRunTest, AKilledStageStopsTheOthersWithItsReason) {
  std::string spec =
      pipelineSpec(kMlp, R"({"stages": 3, "micro_batches": 4, "schedule": "1f1b", "steps": 100000,
                "eval_every": 100000})");
  auto run = start(spec);
  const std::vector<pid_t> pids = threeStagesTraining();
  ASSERT_EQ(pids.size(), 3u);
  const pid_t victim = workerPid(events(), 1);
  ::kill(victim, SIGKILL);
  EXPECT_EQ(run->wait(60s), 1) << log();
  const auto all = events();
  const auto ended = eventsOf<RunEnded>(all);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::StageLost);
  EXPECT_EQ(ended[0].worker, 1);
  EXPECT_EQ(ended[0].code, -SIGKILL);
  const auto died = workerStates(all, WorkerStatus::Died);
  ASSERT_FALSE(died.empty());
  EXPECT_EQ(died[0].worker, 1);
  EXPECT_EQ(died[0].pid, victim);
  for (pid_t pid : pids) EXPECT_FALSE(processAlive(pid)) << "orphan stage " << pid;
}

// A stage that hangs (stopped, not dead) cannot hang the others: every blocked receive has a
// deadline (cluster.peer_timeout_ms), and the run ends with every process gone.
TEST_F(PipelineRunTest, AFrozenStageEndsTheRunInsteadOfHangingIt) {
  std::string spec =
      pipelineSpec(kMlp, R"({"stages": 3, "micro_batches": 4, "schedule": "gpipe", "steps": 100000,
                "eval_every": 100000})");
  const std::string slow = R"("peer_timeout_ms": 20000)";
  spec.replace(spec.find(slow), slow.size(), R"("peer_timeout_ms": 1000)");
  auto run = start(spec);
  const std::vector<pid_t> pids = threeStagesTraining();
  ASSERT_EQ(pids.size(), 3u);
  ::kill(workerPid(events(), 2), SIGSTOP);
  EXPECT_EQ(run->wait(30s), 1) << log();
  const auto ended = eventsOf<RunEnded>(events());
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::StageLost);
  for (pid_t pid : pids) {
    EXPECT_TRUE(waitUntil([&] { return !processAlive(pid); }, 5s)) << "orphan stage " << pid;
  }
}

TEST(PipelineSpec, ImpossibleSplitsAreRefusedNamingTheField) {
  Spec s;
  s.experiment = "model_parallel";
  s.model.hidden = {16};  // Dense ReLU Dense: 3 layers
  s.training.batchSize = 8;
  s.modelParallel.stages = 4;
  s.modelParallel.microBatches = 9;
  s.modelParallel.boundaries = {2, 1};  // 2 for 4 stages, and not rising
  s.modelParallel.sweepSteps = 2;
  s.modelParallel.sweepStages = {2, 5};
  s.modelParallel.sweepMicroBatches = {4, 16};
  s.modelParallel.balance = "neurons";  // balanced by cost: no boundaries of one's own
  const auto problems = [&] {
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& e : validateSpec(s)) found.insert({e.path, e.code});
    return found;
  };
  auto found = problems();
  EXPECT_TRUE(found.count({"model_parallel.stages", "stages_exceed_layers"}));
  EXPECT_TRUE(found.count({"model_parallel.micro_batches", "micro_batches_exceed_batch"}));
  EXPECT_TRUE(found.count({"model_parallel.boundaries", "boundaries_count"}));
  EXPECT_TRUE(found.count({"model_parallel.boundaries", "boundaries_order"}));
  EXPECT_TRUE(found.count({"model_parallel.balance", "balance_with_boundaries"}));
  EXPECT_TRUE(found.count({"model_parallel.sweep_stages", "stages_exceed_layers"}));
  EXPECT_TRUE(found.count({"model_parallel.sweep_micro_batches", "micro_batches_exceed_batch"}));
  s.modelParallel.stages = 3;
  found = problems();
  EXPECT_TRUE(found.count({"model_parallel.boundaries", "boundaries_order"}));
  EXPECT_FALSE(found.count({"model_parallel.boundaries", "boundaries_count"}));
  s.modelParallel.boundaries = {1, 2};
  s.modelParallel.balance = "layers";
  s.modelParallel.microBatches = 8;
  s.modelParallel.sweepSteps = 0;
  EXPECT_TRUE(validateSpec(s).empty());
}

}  // namespace
}  // namespace distlab::engine
