// Homomorphic aggregation on the parameter-server cluster (privacy.homomorphic): the server's
// encrypted sum and the key holder's decryption without sockets, then real clusters that train
// the plain run's model from pushes the server cannot read, lose a worker and go on, or lose the
// key holder and stop, saying why.
#include <cmath>
#include <filesystem>

#include "cluster/homomorphic_sum.h"
#include "cluster/paillier_party.h"
#include "cluster_fixture.h"
#include "core/float_file.h"
#include "core/rng.h"
#include "crypto/paillier_wire.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

using namespace testing;

std::vector<float> randomUpdate(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (auto& x : v) x = static_cast<float>(rng.normal());
  return v;
}

TEST(HomomorphicSumTest, TheKeyHolderDecryptsTheWeightedSumOfTheRoundAndNothingElse) {
  const std::size_t size = 100;
  std::vector<PaillierParty> parties;
  for (int rank = 0; rank < 3; ++rank) parties.emplace_back(rank, 512);
  const auto key = parties[0].advertised();
  ASSERT_TRUE(key);
  EXPECT_FALSE(parties[1].advertised());
  HomomorphicSum sum(size);
  sum.setKey(*key);
  for (auto& p : parties) p.learnKey(*key);
  const double weights[3] = {1.0, 0.5, 0.75};
  std::vector<std::vector<float>> updates;
  int chunks = 0;
  for (int k = 0; k < 3; ++k) {
    updates.push_back(randomUpdate(size, 7 + k));
    std::size_t clamped = 0;
    const auto packed =
        parties[k].encrypt(updates[k], weights[k], clamped, [&](std::int64_t) { ++chunks; });
    EXPECT_EQ(clamped, 0u);
    EXPECT_EQ(packed.size(), ciphertextCount(size, 512) * ciphertextWidth(512));
    sum.add(packed);
  }
  EXPECT_EQ(chunks, 3);  // 15 ciphertexts each: one chunk
  std::vector<float> out(size);
  EXPECT_FALSE(sum.take(4, out));  // nothing decrypted yet
  auto request = sum.request(4, 3);
  ASSERT_TRUE(request);
  EXPECT_FALSE(sum.request(4, 3));  // asked once
  EXPECT_TRUE(sum.awaiting());
  EXPECT_THROW(parties[1].decrypt(*request, nullptr), Error);  // only the holder can
  auto decrypted = parties[0].decrypt(*request, nullptr);
  Decrypted wrongRound = decrypted;
  wrongRound.round = 5;
  EXPECT_FALSE(sum.accept(std::move(wrongRound)));
  ASSERT_TRUE(sum.accept(std::move(decrypted)));
  ASSERT_TRUE(sum.take(4, out));
  EXPECT_FALSE(sum.awaiting());
  for (std::size_t i = 0; i < size; ++i) {
    double expected = 0;
    for (int k = 0; k < 3; ++k) expected += weights[k] * updates[k][i];
    // Three roundings of half a fixed-point step (2^-20), then float.
    EXPECT_NEAR(out[i], expected, 3 * std::ldexp(0.5, -20) + 4e-7 * std::abs(expected)) << i;
  }
}

TEST(HomomorphicSumTest, APushOfTheWrongSizeOrATamperedSumIsRefused) {
  PaillierParty holder(0, 512);
  HomomorphicSum sum(40);
  EXPECT_THROW(sum.add(std::vector<std::uint8_t>(128, 1)), Error);  // before the key
  sum.setKey(*holder.advertised());
  holder.learnKey(*holder.advertised());
  std::size_t clamped = 0;
  const auto short_update = holder.encrypt(randomUpdate(20, 1), 1.0, clamped, nullptr);
  EXPECT_THROW(sum.add(short_update), Error);
  EXPECT_THROW(sum.add(std::vector<std::uint8_t>(ciphertextWidth(512) * 6 + 3, 1)), Error);
  sum.add(holder.encrypt(randomUpdate(40, 2), 1.0, clamped, nullptr));
  auto request = *sum.request(0, 1);
  request.ciphertexts[request.width / 2] ^= 0x5a;  // the server changed a ciphertext
  EXPECT_THROW(holder.decrypt(request, nullptr), Error);
}

class ClusterHomomorphicTest : public ClusterRunTest {
 protected:
  std::string spec(const std::string& privacy, int workers = 2, int epochs = 1) {
    std::string text = smallSpec(R"("workers": )" + std::to_string(workers) + R"(, "sync": "bsp")",
                                 epochs);
    text.insert(text.rfind('}'), R"(, "privacy": )" + privacy);
    return text;
  }
  std::vector<float> trainWith(const std::string& privacy, const std::string& keepAs) {
    auto run = start(spec(privacy));
    EXPECT_EQ(run->wait(180s), 0) << log();
    m_events = events();
    const auto size =
        buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train).parameterCount();
    auto params = readFloatFile(out() + "/params.f32", size);
    std::filesystem::rename(out(), path(keepAs));
    return params;
  }
  std::uint64_t pushBytes() const {
    std::uint64_t bytes = 0;
    for (const auto& s : eventsOf<Span>(m_events)) {
      if (s.kind == SpanKind::Push && s.lane == 1) bytes = s.bytes;
    }
    return bytes;
  }
  std::vector<Event> m_events;
};

// The encrypted round gives the plain round's model (the fixed point's rounding aside), while
// every push on the wire is ciphertexts, several times the floats' bytes.
TEST_F(ClusterHomomorphicTest, TrainsThePlainModelFromPushesTheServerCannotRead) {
  const auto plain = trainWith(R"({"homomorphic": false})", "plain");
  const auto plainBytes = pushBytes();
  const auto encrypted = trainWith(R"({"homomorphic": true, "paillier_bits": 512})", "he");
  EXPECT_LT(relativeDifference(encrypted, plain), 1e-4);
  EXPECT_GT(relativeDifference(encrypted, plain), 0.0) << "bit for bit: was anything encrypted?";
  const auto notices = eventsOf<Notice>(m_events);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, NoticeKind::PaillierKeyShared);
  EXPECT_EQ(notices[0].worker, 0);
  EXPECT_EQ(notices[0].count, 512u);
  EXPECT_GT(pushBytes(), 3 * plainBytes);
}

// Ciphertexts need no partner: a lost worker is simply not in the sums that follow.
TEST_F(ClusterHomomorphicTest, AKilledWorkerIsLeftOutOfTheSumAndTheRunGoesOn) {
  std::string text = spec(R"({"homomorphic": true, "paillier_bits": 512})", 3, 4);
  text.insert(text.find(R"("sync")"), R"("bandwidth_mbps": [0.5, 0.5, 0.5], )");
  auto run = start(text);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 3; }, 60s)) << log();
  ::kill(workerPid(events(), 2), SIGKILL);
  ASSERT_EQ(run->wait(180s), 0) << log();
  const auto ev = events();
  EXPECT_TRUE(eventsOf<RoundsLost>(ev).empty());
  const auto applied = appliedPerWorker(ev);
  EXPECT_GT(applied.at(0), applied.at(2) + 10);
  EXPECT_GT(lastAccuracy(ev), 0.8) << log();
}

// Without the key holder no sum can be decrypted: the run ends, naming it.
TEST_F(ClusterHomomorphicTest, LosingTheKeyHolderEndsTheRun) {
  std::string text = spec(R"({"homomorphic": true, "paillier_bits": 512})", 3, 4);
  text.insert(text.find(R"("sync")"), R"("bandwidth_mbps": [0.5, 0.5, 0.5], )");
  auto run = start(text);
  ASSERT_GT(run->waitForPort(), 0) << log();
  ASSERT_TRUE(waitUntil([&] { return appliedPerWorker(events())[0] >= 3; }, 60s)) << log();
  ::kill(workerPid(events(), 0), SIGKILL);
  EXPECT_NE(run->wait(120s), 0) << log();
  const auto ended = eventsOf<RunEnded>(events());
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::KeyHolderLost);
  EXPECT_EQ(ended[0].worker, 0);
}

// What cannot carry encrypted pushes is refused, naming the field.
TEST_F(ClusterHomomorphicTest, WhatCannotCarryEncryptedPushesIsRefused) {
  const auto problems = [](const std::string& cluster, const std::string& privacy) {
    std::string text = smallSpec(cluster, 1);
    text.insert(text.rfind('}'), R"(, "privacy": {"homomorphic": true)" + privacy + "}");
    try {
      loadSpecText(text);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(problems(R"("workers": 2, "sync": "bsp")", ""), "");
  EXPECT_NE(problems(R"("workers": 2, "sync": "asp")", "").find("privacy.homomorphic: the key "
                                                                  "holder decrypts only"),
            std::string::npos);
  EXPECT_NE(problems(R"("workers": 2, "sync": "bsp", "encoder": "fp16")", "")
                .find("cluster.encoder: \"fp16\" re-encodes"),
            std::string::npos);
  EXPECT_NE(problems(R"("workers": 2, "sync": "bsp")", R"(, "capture_worker": 0)")
                .find("privacy.capture_worker: the server cannot read"),
            std::string::npos);
  EXPECT_NE(problems(R"("workers": 2, "sync": "bsp")", R"(, "secure_aggregation": true)")
                .find("privacy.homomorphic"),
            std::string::npos);
  EXPECT_NE(problems(R"("workers": 1, "sync": "bsp")", "").find("privacy.homomorphic: needs at"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
