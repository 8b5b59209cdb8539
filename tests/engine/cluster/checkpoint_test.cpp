// Checkpoints without processes: the file round-trips and refuses damage; a server restored
// from one goes on exactly as the server it was taken from; the writer leaves whole files.
#include "cluster/checkpoint.h"

#include <cmath>
#include <cstring>
#include <filesystem>
#include <thread>
#include <fstream>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "cluster/checkpoint_writer.h"
#include "core/atomic_file.h"
#include "core/rng.h"

namespace distlab::engine {
namespace {

using testing::errorOf;

constexpr std::size_t kParams = 1000;

SyncRule bsp() {
  ClusterSpec c;
  c.sync = "bsp";
  return syncRuleFor(c);
}

ParameterServer adamServer(int workers) {
  std::vector<float> initial(kParams);
  for (std::size_t i = 0; i < kParams; ++i) initial[i] = std::sin(static_cast<float>(i));
  return ParameterServer(initial, std::make_unique<Adam>(0.01f), bsp(), workers);
}

/// One BSP round: every worker pushes a gradient drawn from (round, worker).
void round(ParameterServer& ps, int workers, std::uint64_t r) {
  for (int w = 0; w < workers; ++w) {
    Rng rng(1000 * r + static_cast<std::uint64_t>(w));
    std::vector<float> g(kParams);
    for (auto& v : g) v = static_cast<float>(rng.uniform(-1.0, 1.0));
    ps.noteStart(w);
    ps.push(w, PushKind::Gradient, ps.version(), 16 + static_cast<std::uint32_t>(w), std::move(g));
  }
}

TEST(CheckpointTest, ARestoredServerGoesOnBitForBitAsTheOneItWasTakenFrom) {
  auto original = adamServer(3);
  for (std::uint64_t r = 0; r < 5; ++r) round(original, 3, r);
  ASSERT_TRUE(original.betweenRounds());
  Checkpoint c;
  c.specHash = 42;
  c.server = original.state();
  c.ranks.resize(3);
  c.ranks[1] = {2, 3, 4, 100};
  c.elapsedNs = 123456789;
  c.samples = 240;
  const auto bytes = packCheckpoint(c);
  const Checkpoint read = unpackCheckpoint(bytes, "test");
  EXPECT_EQ(read.specHash, 42u);
  EXPECT_EQ(read.server.version, 5u);
  EXPECT_EQ(read.server.optimizer.steps, 5);
  EXPECT_EQ(read.ranks[1].missedExamples, 100u);
  EXPECT_EQ(read.elapsedNs, 123456789);

  auto restored = adamServer(3);  // its own initial parameters and a fresh optimizer
  restored.restore(read.server);
  EXPECT_EQ(restored.version(), 5u);
  EXPECT_EQ(restored.clocks().clock(2), 5u);
  for (std::uint64_t r = 5; r < 9; ++r) {
    round(original, 3, r);
    round(restored, 3, r);
    EXPECT_EQ(0, std::memcmp(restored.parameters().data(), original.parameters().data(),
                             kParams * sizeof(float))) << "after round " << r;
  }
  ASSERT_EQ(restored.version(), original.version());
  EXPECT_EQ(0, std::memcmp(restored.parameters().data(), original.parameters().data(),
                           kParams * sizeof(float)));

  // Without the optimizer's moments the run would not be the same one: the check can fail.
  auto momentless = adamServer(3);
  ServerState state = read.server;
  state.optimizer = {};
  EXPECT_NE(errorOf([&] { momentless.restore(state); }).find("not Adam's"), std::string::npos);
}

// A resumed run lives at other addresses than the run it continues: the server's update must
// give the same bits wherever its buffers (parameters, Adam's moments) lie.
TEST(CheckpointTest, TheServersBitsDoNotDependOnWhereItsBuffersLie) {
  std::vector<std::vector<float>> results;
  std::vector<std::vector<char>> padding;  // shifts where the next buffers are allocated
  for (std::size_t k = 0; k < 24; ++k) {
    padding.emplace_back(16 * k + 8);
    auto ps = adamServer(2);
    for (std::uint64_t r = 0; r < 3; ++r) round(ps, 2, r);
    results.emplace_back(ps.parameters().begin(), ps.parameters().end());
  }
  for (std::size_t k = 1; k < results.size(); ++k) EXPECT_EQ(results[k], results[0]) << k;
}

TEST(CheckpointTest, HalfGatheredRoundsAreNotBetweenRounds) {
  auto ps = adamServer(2);
  ps.noteStart(0);
  ps.push(0, PushKind::Gradient, 0, 8, std::vector<float>(kParams, 0.5f));
  EXPECT_FALSE(ps.betweenRounds());  // worker 0's push is in no checkpoint's parameters yet
  ps.noteStart(1);
  ps.push(1, PushKind::Gradient, 0, 8, std::vector<float>(kParams, 0.5f));
  EXPECT_TRUE(ps.betweenRounds());
}

TEST(CheckpointTest, DamagedOrCutFilesAndOtherServersAreRefused) {
  auto ps = adamServer(2);
  round(ps, 2, 0);
  Checkpoint c;
  c.server = ps.state();
  c.ranks.resize(2);
  auto bytes = packCheckpoint(c);
  auto damaged = bytes;
  damaged[damaged.size() / 2] ^= 1;
  EXPECT_NE(errorOf([&] { unpackCheckpoint(damaged, "ck"); }).find("checksum"), std::string::npos);
  const std::vector<std::uint8_t> cut(bytes.begin(), bytes.end() - 7);
  EXPECT_NE(errorOf([&] { unpackCheckpoint(cut, "ck"); }).find("cut short"), std::string::npos);
  EXPECT_NE(errorOf([&] { unpackCheckpoint({}, "ck"); }).find("cut short"), std::string::npos);

  auto bigger = ParameterServer(std::vector<float>(kParams + 1), std::make_unique<Adam>(0.01f),
                                bsp(), 2);
  EXPECT_NE(errorOf([&] { bigger.restore(c.server); }).find("parameters"), std::string::npos);
  auto moreWorkers = adamServer(3);
  EXPECT_NE(errorOf([&] { moreWorkers.restore(c.server); }).find("workers"), std::string::npos);
}

class CheckpointFileTest : public testing::TempDirTest {};

TEST_F(CheckpointFileTest, TheWriterLeavesTheNewestWholeCheckpoint) {
  const std::string file = path("checkpoint.bin").string();
  {
    CheckpointWriter writer(file);
    for (std::uint64_t v = 1; v <= 20; ++v) {
      Checkpoint c;
      c.server.version = v;
      c.server.parameters.assign(50'000, static_cast<float>(v));
      writer.submit(packCheckpoint(c), v);
    }
  }  // the destructor writes what still waits
  const std::string bytes = readBinaryFile(file, "checkpoint");
  const auto c = unpackCheckpoint({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                                  "ck");
  EXPECT_EQ(c.server.version, 20u);
  EXPECT_EQ(c.server.parameters.back(), 20.0f);
  EXPECT_FALSE(std::filesystem::exists(file + ".part"));

  // A folder that cannot be written: the error names the file, and nothing half-written stays.
  CheckpointWriter broken(path("missing-folder/checkpoint.bin").string());
  broken.submit(packCheckpoint(c), 1);
  std::string error;
  for (int i = 0; i < 200 && error.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    error = broken.takeError();
  }
  EXPECT_NE(error.find("missing-folder/checkpoint.bin"), std::string::npos) << error;
}

TEST_F(CheckpointFileTest, ReadCheckpointSaysWhatIsWrong) {
  EXPECT_NE(errorOf([&] { readCheckpoint(m_dir.string(), 1); }).find("holds no checkpoint.bin"),
            std::string::npos);
  Checkpoint c;
  c.specHash = 7;
  const auto bytes = packCheckpoint(c);
  writeFileAtomically(checkpointPath(m_dir.string()), bytes);
  EXPECT_EQ(readCheckpoint(m_dir.string(), 7).specHash, 7u);
  EXPECT_NE(errorOf([&] { readCheckpoint(m_dir.string(), 8); }).find("another spec"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
