// Real clusters on loopback and the privacy lesson: captured pushes inverted, secure
// aggregation, defended workers.
#include "cluster_fixture.h"
#include "cluster/push_capture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

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
    accuracy[secure] = lastAccuracy(events());
    const auto exchanged = eventsOf<KeysExchanged>(events());
    EXPECT_EQ(exchanged.size(), secure ? 1u : 0u);
    EXPECT_TRUE(eventsOf<RoundsLost>(events()).empty());
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
    accuracy[defense] = lastAccuracy(events());
  }
  EXPECT_GT(accuracy["none"], 0.85);
  EXPECT_LT(accuracy["noise"], accuracy["none"] - 0.1);
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
  const auto captured = eventsOf<PushCaptured>(seen);
  ASSERT_EQ(captured.size(), 1u) << log();
  EXPECT_EQ(captured[0].worker, 1);
  const std::string folder = out() + "/" + captured[0].folder;
  const PushCapture capture = readPushCapture(folder);
  EXPECT_EQ(capture.worker, 1);
  EXPECT_GE(capture.step, 2u);
  EXPECT_EQ(captured[0].folder, "captures/worker-1-step-" + std::to_string(capture.step));
  EXPECT_EQ(captured[0].step, capture.step);
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

}  // namespace
}  // namespace distlab::engine
