// Runs the real distlab-engine binary as a child process and checks its exit codes, output and
// files.
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

#include "../test_support.h"

namespace {

namespace fs = std::filesystem;

using RunResult = distlab::engine::testing::CommandResult;

/// env: assignments put before the command ("NAME=value ...").
RunResult runEngine(const std::string& args, const std::string& env = "") {
  return distlab::engine::testing::runShell(env + " " + std::string(DISTLAB_ENGINE_EXE) + " " + args);
}

/// A cluster run of a second or less: blobs on 2 workers, 2 epochs.
std::string smallClusterSpec(const std::string& name) {
  return R"({"name": ")" + name + R"(", "seed": 3,
    "dataset": {"name": "blobs", "samples": 800, "classes": 4},
    "model": {"arch": "mlp", "hidden": [16]}, "training": {"epochs": 2, "batch_size": 32},
    "cluster": {"workers": 2, "eval_every": 10}})";
}

class CliTest : public distlab::engine::testing::TempDirTest {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(path(name)) << text;
    return path(name).string();
  }
};

TEST_F(CliTest, HelpExitsZeroAndListsTheCommands) {
  const auto r = runEngine("--help");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.output.find("train"), std::string::npos);
  EXPECT_NE(r.output.find("validate"), std::string::npos);
  EXPECT_EQ(runEngine("train --help").exitCode, 0);
}

// `validate` finds what `run` would only find when loading: here a data folder that is not there,
// listed beside the spec's own problem.
TEST_F(CliTest, ValidateChecksTheDataFilesTooAndListsEveryProblem) {
  const std::string missing = path("no-such-folder").string();
  const auto spec = write("spec.json", R"({"name": "x", "dataset": {"name": "fashion-mnist",
      "path": ")" + missing + R"("}, "training": {"epochs": 0}})");
  const auto r = runEngine("validate " + spec);
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("dataset: " + missing + ": folder not found"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("training.epochs"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("ok:"), std::string::npos);
}

TEST_F(CliTest, ValidateAcceptsTheDefaultLesson) {
  const auto r =
      runEngine("validate " + std::string(DISTLAB_SOURCE_DIR) + "/engine/lessons/cluster/default.json");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("ok:"), std::string::npos);
}

// More workers (or federated clients) than training rows: `validate` says so when
// dataset.train_limit already caps the rows, `run` when it has read a data set that is smaller,
// each naming the field, and nothing trains.
TEST_F(CliTest, MoreWorkersThanTrainingRowsAreRefusedNamingTheField) {
  std::string limited = smallClusterSpec("limited");
  limited.replace(limited.find(R"("classes": 4})"), 13, R"("classes": 4, "train_limit": 3})");
  limited.replace(limited.find(R"("workers": 2)"), 12, R"("workers": 4)");
  const auto spec = write("limited.json", limited);
  auto r = runEngine("validate " + spec);
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("cluster.workers: 4 parts of 3 training rows"), std::string::npos)
      << r.output;
  r = runEngine("run " + spec + " --out " + path("limited-run").string());
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("cluster.workers: 4 parts of 3 training rows"), std::string::npos)
      << r.output;

  // Drawn with replacement, half as many draws as rows: 6 rows make 3 draws for 4 workers.
  std::string drawn = limited;
  drawn.replace(drawn.find(R"("train_limit": 3)"), 16, R"("train_limit": 6)");
  drawn.replace(drawn.find(R"("workers": 4)"), 12,
                R"("workers": 4, "partition": "with-replacement", "draws_factor": 0.5)");
  r = runEngine("validate " + write("drawn.json", drawn));
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("cluster.workers: 4 parts of 6 training rows would leave some without "
                          "data; allowed: at most 3"),
            std::string::npos)
      << r.output;

  // A limit that feeds every client: no problem of fl.clients (fl.per_round is the spec's own).
  const std::string federated = R"({"name": "f", "experiment": "federated",
      "dataset": {"name": "blobs", "samples": 800, "classes": 4, "train_limit": LIMIT},
      "model": {"arch": "mlp", "hidden": [16]}, "fl": {"clients": 10, "per_round": 4}})";
  for (const char* limit : {"5", "50"}) {
    std::string text = federated;
    text.replace(text.find("LIMIT"), 5, limit);
    r = runEngine("validate " + write("federated.json", text));
    const bool refused = std::string(limit) == "5";
    EXPECT_EQ(r.exitCode, refused ? 1 : 0) << limit << ": " << r.output;
    EXPECT_EQ(r.output.find("fl.clients: 10 parts of 5 training rows") != std::string::npos,
              refused)
        << r.output;
  }

  // A data set smaller than the workers without a limit: found once it is read.
  std::string tiny = smallClusterSpec("tiny");
  tiny.replace(tiny.find(R"("samples": 800)"), 14, R"("samples": 10)");
  tiny.replace(tiny.find(R"("workers": 2)"), 12, R"("workers": 16)");
  r = runEngine("run " + write("tiny.json", tiny) + " --out " + path("tiny-run").string());
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("cluster.workers: 16 parts of"), std::string::npos) << r.output;
}

TEST_F(CliTest, ValidateListsEveryProblemAndFails) {
  const auto spec = write("bad.json", R"({"training": {"lr": -1, "optimizer": "rmsprop"}})");
  const auto r = runEngine("validate " + spec);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("training.lr: -1 is out of range"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("training.optimizer: \"rmsprop\" is not allowed"), std::string::npos);
}

TEST_F(CliTest, TrainWritesOneLinePerEpochAndMetricsCsv) {
  const auto spec =
      write("spirals.json", R"({"name": "spirals", "dataset": {"name": "spirals", "samples": 400},
    "model": {"hidden": [16], "activation": "tanh"}, "training": {"epochs": 3, "optimizer": "adam", "lr": 0.01}})");
  const auto out = (m_dir / "run").string();
  const auto r = runEngine("train " + spec + " --out " + out);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("epoch 1/3 train_loss"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("epoch 3/3 train_loss"), std::string::npos) << r.output;
  std::ifstream csv(out + "/metrics.csv");
  std::string header, line;
  std::getline(csv, header);
  EXPECT_EQ(header,
            "epoch,step,train_loss,test_loss,test_accuracy,samples_per_s,train_s,elapsed_s");
  int rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    EXPECT_EQ(line.rfind(std::to_string(rows) + ",", 0), 0u) << line;
  }
  EXPECT_EQ(rows, 3);
  EXPECT_TRUE(fs::exists(out + "/spec.json"));
}

TEST_F(CliTest, TrainSavesAndLoadsModelsAndExportModelWritesNumPy) {
  const auto spec =
      write("spirals.json", R"({"name": "spirals", "dataset": {"name": "spirals", "samples": 400},
    "model": {"hidden": [16], "activation": "tanh"}, "training": {"epochs": 2, "optimizer": "adam", "lr": 0.01}})");
  const std::string model = (m_dir / "m.dlm").string();
  auto r = runEngine("train " + spec + " --out " + (m_dir / "a").string() + " --save-model " + model);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  ASSERT_TRUE(fs::exists(model));
  r = runEngine("export-model " + model + " " + (m_dir / "m.npz").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("as PyTorch names them"), std::string::npos) << r.output;
  // A zip whose members are the tensors' .npy files, PyTorch's names.
  const std::string npz = distlab::engine::readBinaryFile((m_dir / "m.npz").string(), "npz");
  EXPECT_EQ(npz.rfind("PK\x03\x04", 0), 0u);
  EXPECT_NE(npz.find("0.weight.npy"), std::string::npos);
  EXPECT_NE(npz.find("2.bias.npy"), std::string::npos);
  // Training on from the saved model: its first epoch starts where the first run ended.
  r = runEngine("train " + spec + " --out " + (m_dir / "b").string() + " --load-model " + model);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("parameters from " + model), std::string::npos) << r.output;
  // Wrong inputs: one line each, naming what is wrong.
  r = runEngine("train " + spec + " --load-model " + (m_dir / "none.dlm").string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("cannot read model file"), std::string::npos) << r.output;
  r = runEngine("export-model " + spec + " " + (m_dir / "x.npz").string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("signature"), std::string::npos) << r.output;
  r = runEngine("run");
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("give a spec, or --resume RUN_FOLDER"), std::string::npos) << r.output;
  const auto averaging = write("averaging.json", R"({"name": "avg", "experiment": "averaging",
    "dataset": {"name": "height-weight"}, "model": {"arch": "linear"},
    "training": {"loss": "mse"}})");
  r = runEngine("run " + averaging + " --save-model " + model);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("work with experiment \"cluster\""), std::string::npos) << r.output;
  r = runEngine("validate " + m_dir.string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("it is a folder; give a file"), std::string::npos) << r.output;
}

// More workers (or federated clients) than training rows: one error naming the field before
// anything starts, not one from each worker left without rows.
TEST_F(CliTest, MorePartsThanTrainingRowsIsOneErrorNamingTheField) {
  const std::string data = R"("dataset": {"name": "blobs", "samples": 10, "classes": 2,
      "test_fraction": 0.2}, "model": {"arch": "mlp", "hidden": [4]},
      "training": {"epochs": 1, "batch_size": 2})";
  const auto cluster = write("cluster.json", "{" + data + R"(, "cluster": {"workers": 9}})");
  auto r = runEngine("run " + cluster + " --out " + path("c").string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("cluster.workers: 9 parts of 8 training rows"), std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("got no training rows"), std::string::npos) << r.output;
  // Drawn with replacement, four draws a row: 32 rows for 9 workers, each gets some.
  const auto drawn = write("drawn.json", "{" + data + R"(, "cluster": {"workers": 9,
      "partition": "with-replacement", "draws_factor": 4}})");
  r = runEngine("run " + drawn + " --out " + path("d").string());
  EXPECT_EQ(r.exitCode, 0) << r.output;
  const auto federated = write("fl.json", "{" + data + R"(, "experiment": "federated",
      "fl": {"clients": 20, "rounds": 1}})");
  r = runEngine("run " + federated + " --out " + path("f").string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("fl.clients: 20 parts of 8 training rows"), std::string::npos)
      << r.output;
}

// Lesson 1 with many clients for its 100 people: rounding each share up took everyone before
// the last client (whose size then wrapped below zero); now the shares are balanced. More
// clients than people is a one-line error naming the field.
TEST_F(CliTest, TheAveragingLessonSplitsItsPeopleAmongManyClientsOrSaysWhyNot) {
  const auto spec = [&](int samples) {
    return write("avg" + std::to_string(samples) + ".json",
                 R"({"name": "avg", "experiment": "averaging",
      "dataset": {"name": "height-weight", "samples": )" + std::to_string(samples) + R"(,
                  "test_fraction": 0.2},
      "model": {"arch": "linear"}, "training": {"epochs": 2, "batch_size": 100, "loss": "mse"},
      "cluster": {"workers": 64}})");
  };
  auto r = runEngine("run " + spec(125) + " --out " + path("run100").string());  // 100 people
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("model averaging"), std::string::npos) << r.output;
  r = runEngine("run " + spec(50) + " --out " + path("run40").string());  // 40 people
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("cluster.workers: 64 clients for 40 people; allowed: at most 40"),
            std::string::npos)
      << r.output;
}

TEST_F(CliTest, TraceWritesARealRunsTimelineAsAChromeTrace) {
  const auto spec = write("cluster.json", smallClusterSpec("c"));
  const auto run = (m_dir / "run").string();
  auto r = runEngine("run " + spec + " --out " + run, "DISTLAB_RUN_TOKEN=0123456789abcdef");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  r = runEngine("trace " + run);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto trace = nlohmann::json::parse(
      distlab::engine::readBinaryFile(run + "/trace.json", "trace"));
  // As many complete span events as the run recorded spans, and an arrow per frame.
  const std::string events = distlab::engine::readBinaryFile(run + "/events.jsonl", "events");
  auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (auto at = events.find(needle); at != std::string::npos; at = events.find(needle, at + 1)) ++n;
    return n;
  };
  std::size_t spans = 0, arrows = 0;
  for (const auto& e : trace["traceEvents"]) {
    spans += e["ph"] == "X" && e.value("cat", "") == "span";
    arrows += e["ph"] == "s";
  }
  EXPECT_GT(spans, 0u);
  EXPECT_EQ(spans, count("{\"e\":\"span\""));
  EXPECT_EQ(arrows, count("{\"e\":\"traffic\""));
  // A run folder without events says so.
  r = runEngine("trace " + (m_dir / "nothing").string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("cannot read event log"), std::string::npos) << r.output;
}

TEST_F(CliTest, SweepRunsTheGridWithRepeatsAndSummarisesEachRunsFinalFigures) {
  const auto spec = write("sweep.json", smallClusterSpec("sw"));
  const auto out = (m_dir / "sweep").string();
  auto r = runEngine("sweep " + spec + " --vary training.lr=0.01,0.1 --vary cluster.sync=bsp,asp" +
                     " --repeat 2 --out " + out);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("[8/8]"), std::string::npos) << r.output;
  std::ifstream table(out + "/sweep.csv");
  std::string line;
  std::getline(table, line);
  EXPECT_EQ(line.rfind("run,training.lr,cluster.sync,repeat,seed,exit_code,test_accuracy,", 0), 0u)
      << line;
  int rows = 0;
  std::set<std::string> points;
  while (std::getline(table, line)) {
    ++rows;
    const auto cells = distlab::engine::testing::splitCsvLine(line);
    ASSERT_EQ(cells.size(), 13u) << line;
    points.insert(cells[1] + "/" + cells[2]);
    EXPECT_EQ(cells[4], std::to_string(3 + std::stoi(cells[3])));  // repeats differ in the seed
    EXPECT_EQ(cells[5], "0");
    // The row's figures are the last row of that run's own metrics.csv.
    std::ifstream metrics(out + "/" + cells[12] + "/metrics.csv");
    std::string header, last, row;
    std::getline(metrics, header);
    while (std::getline(metrics, row)) last = row;
    const auto m = distlab::engine::testing::splitCsvLine(last);
    ASSERT_EQ(m.size(), 10u) << last;
    EXPECT_DOUBLE_EQ(std::stod(cells[6]), std::stod(m[7]));   // test_accuracy
    EXPECT_DOUBLE_EQ(std::stod(cells[11]), std::stod(m[0]));  // version
    EXPECT_TRUE(fs::exists(out + "/" + cells[12] + "/events.jsonl"));
  }
  EXPECT_EQ(rows, 8);
  EXPECT_EQ(points.size(), 4u);
  // A bad --vary is refused before anything runs: no folder is made.
  for (const std::string bad : {"training.lrr=0.1", "training.lr=abc", "cluster.sync=bsp,bogus",
                                "training.lr"}) {
    r = runEngine("sweep " + spec + " --vary " + bad + " --out " + (m_dir / "bad").string());
    EXPECT_EQ(r.exitCode, 1) << bad;
    EXPECT_NE(r.output.find("error:"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(m_dir / "bad")) << bad;
  }
}

TEST_F(CliTest, ErrorsAreOneLineAndNonZero) {
  auto r = runEngine("train " + (m_dir / "missing.json").string());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.output.rfind("error: cannot open spec file", 0), 0u) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1);

  const auto spec =
      write("nodata.json", R"({"dataset": {"name": "mnist", "path": "/nonexistent/mnist"}})");
  r = runEngine("train " + spec + " --out " + (m_dir / "run").string());
  EXPECT_EQ(r.exitCode, 1);
  const auto last = r.output.substr(r.output.rfind("error:"));
  EXPECT_NE(last.find("/nonexistent/mnist"), std::string::npos) << r.output;

  EXPECT_NE(runEngine("frobnicate").exitCode, 0);
}

TEST_F(CliTest, DistlabIsaPicksTheKernelsOrNamesTheAllowedValues) {
  const auto spec = write("tiny.json", R"({"name": "tiny", "dataset": {"name": "spirals", "samples": 100},
    "model": {"hidden": [4]}, "training": {"epochs": 1}})");
  auto r = runEngine("train " + spec + " --out " + (m_dir / "run").string(), "DISTLAB_ISA=avx2");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("kernels: avx2"), std::string::npos) << r.output;

  r = runEngine("validate " + spec, "DISTLAB_ISA=sse4");
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.output, "error: DISTLAB_ISA: 'sse4' is not one of avx2, avx512\n");
}

}  // namespace

namespace {

// The width and height in a PNG's IHDR chunk (bytes 16-23, big-endian).
std::pair<int, int> pngSize(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto u32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
  };
  return {static_cast<int>(u32(16)), static_cast<int>(u32(20))};
}

TEST_F(CliTest, InvertRebuildsABatchOfTwoImagesAndWritesTheGridAndTables) {
  const std::string spec = write("inversion.json", R"({"name": "inversion", "seed": 5,
    "experiment": "inversion", "dataset": {"name": "fashion-mnist", "test_limit": 20},
    "model": {"arch": "mlp", "hidden": [256], "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.05, 0.05]},
    "privacy": {"attack": "dlg", "images": [0, 1], "iterations": 300}})");
  const auto r = runEngine("invert " + spec + " --out " + path("out").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("dlg on 2 images"), std::string::npos) << r.output;
  std::ifstream results(path("out/results.csv"));
  std::string line;
  std::getline(results, line);
  EXPECT_NE(line.find("image,label,recovered_label,mse,psnr,ssim"), std::string::npos);
  int rows = 0;
  while (std::getline(results, line)) {
    const auto cells = distlab::engine::testing::splitCsvLine(line);
    ASSERT_EQ(cells.size(), 6u) << line;
    EXPECT_EQ(cells[1], cells[2]) << line;       // the label comes back
    EXPECT_GE(std::stod(cells[4]), 30.0) << line;  // PSNR
    ++rows;
  }
  EXPECT_EQ(rows, 2);
  // Two columns of 28x28 at 4x with 2-pixel gaps: originals over reconstructions.
  EXPECT_EQ(pngSize(path("out/reconstruction.png").string()),
            (std::pair<int, int>{2 * (112 + 2) + 2, 2 * (112 + 2) + 2}));
  std::ifstream progress(path("out/attack.csv"));
  int iterations = 0;
  while (std::getline(progress, line)) ++iterations;
  EXPECT_GT(iterations, 10);
  // A defense the engine does not know is named with the allowed ones.
  const std::string bad = write("bad.json", R"({"experiment": "inversion",
    "privacy": {"defense": "blur"}})");
  const auto rejected = runEngine("invert " + bad);
  EXPECT_NE(rejected.exitCode, 0);
  EXPECT_NE(rejected.output.find("none, noise, topk, fp16, int8"), std::string::npos)
      << rejected.output;
}

}  // namespace

namespace {

TEST_F(CliTest, ThePrivacyUtilityTableTradesAttackQualityForAccuracy) {
  const std::string spec = write("utility.json", R"({"name": "utility", "seed": 5,
    "dataset": {"name": "fashion-mnist", "train_limit": 3000, "test_limit": 500},
    "model": {"arch": "mlp", "hidden": [64], "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.05, 0.05]},
    "training": {"epochs": 1, "batch_size": 64, "lr": 0.5},
    "privacy": {"attack": "dlg", "defense": "noise", "images": [0, 1], "iterations": 200,
                "sweep_strengths": [0.001, 0.1]}})");
  const auto r = runEngine("privacy-utility " + spec + " --out " + path("out").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(path("out/privacy_utility.csv"));
  std::string line;
  std::getline(in, line);
  EXPECT_NE(line.find("defense,strength,attack_psnr,attack_ssim,test_accuracy,training"),
            std::string::npos);
  std::vector<std::vector<double>> rows;  // strength, psnr, ssim, accuracy
  while (std::getline(in, line)) {
    const auto cells = distlab::engine::testing::splitCsvLine(line);
    ASSERT_EQ(cells.size(), 6u) << line;
    EXPECT_EQ(cells[5], "in-process");
    rows.push_back({std::stod(cells[1]), std::stod(cells[2]), std::stod(cells[3]),
                    std::stod(cells[4])});
  }
  ASSERT_EQ(rows.size(), 3u);  // none, then the two strengths
  EXPECT_GE(rows[0][1], 30.0);  // undefended: the attack rebuilds the images
  EXPECT_GT(rows[0][1], rows[1][1]);
  EXPECT_GT(rows[1][1], rows[2][1]);
  EXPECT_LT(rows[2][1], 15.0);  // noise of std 0.1: the attack fails
  EXPECT_GT(rows[0][3], 0.5);   // and the model learns undefended (chance: 0.1)
  // Without strengths to try it says what is missing.
  const std::string bare = write("bare.json", R"({"privacy": {"defense": "noise"}})");
  const auto missing = runEngine("privacy-utility " + bare);
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.output.find("privacy.sweep_strengths"), std::string::npos) << missing.output;
}

// The price measured on the real cluster: one cluster run per strength, every worker adding the
// noise to its PUSH; the table's accuracy is that run's last evaluation.
TEST_F(CliTest, ThePrivacyUtilitySweepCanTrainEachDefenseOnARealCluster) {
  const std::string spec = write("cluster-utility.json", R"({"name": "cu", "seed": 5,
    "dataset": {"name": "fashion-mnist", "train_limit": 3000, "test_limit": 500},
    "model": {"arch": "mlp", "hidden": [64], "activation": "sigmoid", "init": "uniform",
              "init_range": [-0.05, 0.05]},
    "training": {"epochs": 2, "batch_size": 32, "lr": 0.5},
    "cluster": {"workers": 2, "sync": "bsp"},
    "privacy": {"attack": "idlg", "defense": "noise", "images": [0], "iterations": 100,
                "sweep_strengths": [2], "utility_training": "cluster"}})");
  const auto r = runEngine("privacy-utility " + spec + " --out " + path("out").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(path("out/privacy_utility.csv"));
  std::string line;
  std::getline(in, line);
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    const auto cells = distlab::engine::testing::splitCsvLine(line);
    ASSERT_EQ(cells.size(), 6u) << line;
    EXPECT_EQ(cells[5], "cluster");
    rows.push_back(cells);
  }
  ASSERT_EQ(rows.size(), 2u);
  // Each accuracy is the last evaluation of its own cluster run.
  auto lastAccuracy = [&](const std::string& folder) {
    std::ifstream metrics(path("out/utility/" + folder + "/metrics.csv"));
    std::string row, last;
    while (std::getline(metrics, row)) last = row;
    // ..., test_accuracy, bytes_to_server, bytes_to_workers
    const auto cells = distlab::engine::testing::splitCsvLine(last);
    return std::stod(cells.at(cells.size() - 3));
  };
  EXPECT_NEAR(std::stod(rows[0][4]), lastAccuracy("none-0"), 1e-4);
  EXPECT_NEAR(std::stod(rows[1][4]), lastAccuracy("noise-2"), 1e-4);
  EXPECT_GT(std::stod(rows[0][4]), 0.5);                            // undefended, it learns
  EXPECT_GT(std::stod(rows[0][4]), std::stod(rows[1][4]) + 0.1);    // noise of std 2 costs
  EXPECT_GE(std::stod(rows[0][2]), 30.0);  // and the undefended gradient gives the image away
  EXPECT_LT(std::stod(rows[1][2]), 15.0);
  EXPECT_TRUE(std::filesystem::exists(path("out/utility/noise-2/events.jsonl")));
  // dp needs each example's gradient, which a cluster worker does not send.
  const std::string dp = write("dp.json", R"({"experiment": "inversion",
    "privacy": {"defense": "dp", "sweep_strengths": [1], "utility_training": "cluster"}})");
  const auto rejected = runEngine("privacy-utility " + dp);
  EXPECT_NE(rejected.exitCode, 0);
  EXPECT_NE(rejected.output.find("privacy.defense"), std::string::npos) << rejected.output;
}

}  // namespace
