// Lesson 6 with private aggregation on real worker processes: secure aggregation against the
// plain rounds of the same seed (with and without clients dropping out after sharing their
// keys), too few survivors, a killed process; client-level DP's clipping, noise and epsilon
// against the accountant.
#include <signal.h>

#include <cmath>
#include <filesystem>

#include "federated_fixture.h"
#include "core/float_file.h"
#include "defenses/rdp_accountant.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

using namespace testing;

class FederatedPrivacyTest : public ClusterRunTest {
 protected:
  /// Runs `fl` (with `privacy` as the spec's privacy section) to the end; its final parameters.
  std::vector<float> runToEnd(const std::string& fl, const std::string& privacy,
                              const std::string& keepAs, int workers = 2) {
    std::string spec = federatedSpec(fl, "shuffle-split", workers);
    spec.insert(spec.rfind('}'), R"(, "privacy": )" + privacy);
    auto run = start(spec);
    EXPECT_EQ(run->wait(180s), 0) << log();
    m_events = events();
    const auto params = readFloatFile(out() + "/params.f32", modelSize());
    std::filesystem::rename(out(), path(keepAs));
    return params;
  }
  std::size_t modelSize() {
    return buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train).parameterCount();
  }
  std::vector<Event> m_events;
};

constexpr const char* kTenClients = R"({"clients": 10, "fraction": 1, "rounds": 6,
    "local_steps": 2, "eval_every": 6, "dropout": 0.3, "min_clients": 2})";

// Clients drop out after sharing their keys; the survivors' shares remove their masks, and the
// global model is the plain run's (same seed, same dropouts) up to the fixed point's 2^-32.
TEST_F(FederatedPrivacyTest, SecureRoundsWithDropoutsGiveThePlainRoundsModel) {
  const auto plain = runToEnd(kTenClients, R"({"secure_aggregation": false})", "plain");
  const auto plainRounds = eventsOf<FederatedRound>(m_events);
  const auto secure = runToEnd(kTenClients, R"({"secure_aggregation": true,
                                                "secagg_threshold": 0.5})", "secure");
  const auto rounds = eventsOf<FederatedRound>(m_events);
  ASSERT_EQ(rounds.size(), plainRounds.size());
  int recovered = 0;
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    EXPECT_EQ(rounds[r].outcomes, plainRounds[r].outcomes);
    EXPECT_EQ(rounds[r].secure, SecureRound::Unmasked);
    EXPECT_EQ(rounds[r].secureThreshold, 5);
    int dropped = 0;
    for (auto o : rounds[r].outcomes) dropped += o == ClientOutcome::DroppedOut;
    EXPECT_EQ(rounds[r].recovered, dropped);
    EXPECT_EQ(rounds[r].samples, plainRounds[r].samples);
    EXPECT_EQ(plainRounds[r].secure, SecureRound::Off);
    recovered += rounds[r].recovered;
  }
  EXPECT_GT(recovered, 0) << "no client dropped out: the test shows nothing";
  ASSERT_EQ(secure.size(), plain.size());
  EXPECT_LT(relativeDifference(secure, plain), 1e-5);
}

// A threshold of 0.9 with a third dropping out: those rounds cannot be unmasked, and are not
// applied; the others are.
TEST_F(FederatedPrivacyTest, TooFewSurvivorsUnmaskNothingAndTheRoundIsNotApplied) {
  runToEnd(R"({"clients": 10, "fraction": 1, "rounds": 6, "local_steps": 2, "eval_every": 6,
               "dropout": 0.3, "too_few": "skip"})",
           R"({"secure_aggregation": true, "secagg_threshold": 0.9})", "secure");
  int tooFew = 0, unmasked = 0;
  for (const auto& r : eventsOf<FederatedRound>(m_events)) {
    int survivors = 0;
    for (auto o : r.outcomes) survivors += o == ClientOutcome::Trained;
    EXPECT_EQ(r.secureThreshold, 9);
    if (survivors < 9) {
      EXPECT_EQ(r.secure, SecureRound::TooFewSurvivors);
      EXPECT_FALSE(r.applied);
      ++tooFew;
    } else {
      EXPECT_EQ(r.secure, SecureRound::Unmasked);
      EXPECT_TRUE(r.applied);
      ++unmasked;
    }
  }
  EXPECT_GT(tooFew, 0);
  const auto ended = eventsOf<RunEnded>(m_events);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].reason, EndReason::Completed);
}

// One client a round cannot hide in a sum: every round has too few survivors, none is applied,
// and the run ends normally.
TEST_F(FederatedPrivacyTest, ALoneClientIsNeverAggregatedSecurely) {
  const auto start = runToEnd(R"({"clients": 4, "fraction": 1, "per_round": 1, "min_clients": 1,
      "rounds": 3, "local_steps": 1, "eval_every": 3})", R"({"secure_aggregation": true})", "alone");
  const auto rounds = eventsOf<FederatedRound>(m_events);
  ASSERT_FALSE(rounds.empty());
  for (const auto& r : rounds) {
    EXPECT_EQ(r.sampled.size(), 1u);
    EXPECT_EQ(r.secure, SecureRound::TooFewSurvivors);
    EXPECT_FALSE(r.applied);
  }
  Model init = buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train);
  EXPECT_EQ(relativeDifference(start, init.parameters()), 0.0);  // the model never moved
}

// A worker process is killed in a secure run: its clients leave, and the survivors' rounds are
// still unmasked to the end.
TEST_F(FederatedPrivacyTest, AKilledProcessInASecureRunTakesItsClientsAndTheRoundsGoOn) {
  std::string spec = federatedSpec(R"({"clients": 9, "fraction": 1, "rounds": 300,
      "local_steps": 1, "eval_every": 20})", "shuffle-split", 3);
  spec.insert(spec.rfind('}'), R"(, "privacy": {"secure_aggregation": true})");
  auto run = start(spec);
  ASSERT_TRUE(waitUntil([&] { return eventsOf<FederatedRound>(events()).size() >= 5; }, 90s))
      << log();
  ::kill(workerPid(events(), 2), SIGKILL);
  ASSERT_EQ(run->wait(300s), 0) << log();
  const auto all = events();
  const auto died = workerStates(all, WorkerStatus::Died);
  ASSERT_EQ(died.size(), 1u);
  const auto rounds = eventsOf<FederatedRound>(all);
  ASSERT_EQ(rounds.size(), 300u);
  int after = 0;
  for (const auto& r : rounds) {
    if (r.timeNs <= died[0].timeNs + 1'000'000'000) continue;
    ++after;
    EXPECT_EQ(r.secure, SecureRound::Unmasked);
    EXPECT_EQ(r.sampled.size(), 6u);
    EXPECT_TRUE(r.applied);
  }
  EXPECT_GT(after, 0);
  EXPECT_EQ(eventsOf<RunEnded>(all).at(0).reason, EndReason::Completed);
}

// Client-level DP with a clip norm no update reaches and almost no noise is unweighted FedAvg,
// which with equal shares and every client each round is the plain run.
TEST_F(FederatedPrivacyTest, DpWithoutClippingOrNoiseIsFedAvgAndEpsilonFollowsTheAccountant) {
  const std::string fl = R"({"clients": 4, "fraction": 1, "rounds": 5, "local_steps": 2,
                             "eval_every": 5})";
  const auto plain = runToEnd(fl, R"({"dp": "none"})", "plain");
  const auto dp = runToEnd(fl, R"({"dp": "central", "dp_clip": 1000,
                                   "noise_multiplier": 1e-9})", "dp");
  EXPECT_LT(relativeDifference(dp, plain), 1e-5);
  const auto central = runToEnd(fl, R"({"dp": "central", "noise_multiplier": 1.1,
                                        "dp_delta": 1e-4})", "central");
  const auto rounds = eventsOf<FederatedRound>(m_events);
  ASSERT_EQ(rounds.size(), 5u);
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    // every client every round: q = 1
    EXPECT_NEAR(rounds[r].epsilon, epsilonAfter(1.0, 1.1, static_cast<long long>(r + 1), 1e-4).epsilon,
                1e-9);
    EXPECT_EQ(rounds[r].delta, 1e-4);
    if (r) {
      EXPECT_GT(rounds[r].epsilon, rounds[r - 1].epsilon);
    }
  }
}

// Clipping bounds the step: with a tiny clip norm every round moves the model by at most the
// clip norm (the mean of vectors no longer than it), noise aside.
TEST_F(FederatedPrivacyTest, ClippedUpdatesMoveTheModelByAtMostTheClipNormARound) {
  const std::string fl = R"({"clients": 4, "fraction": 0.5, "rounds": 4, "local_steps": 3,
                             "eval_every": 4})";
  const auto clipped = runToEnd(fl, R"({"dp": "local", "dp_clip": 0.01,
                                        "noise_multiplier": 1e-9})", "clipped");
  Model start = buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train);
  double sq = 0;
  for (std::size_t i = 0; i < clipped.size(); ++i) {
    const double d = clipped[i] - start.parameters()[i];
    sq += d * d;
  }
  EXPECT_LE(std::sqrt(sq), 4 * 0.01 * (1 + 1e-4));
  EXPECT_GT(std::sqrt(sq), 0.005);  // it did move
  // Epsilon: local DP has no amplification by sampling (the server knows who answered), so
  // the most-sampled client's rounds count; central DP samples with q = 2 of 4.
  runToEnd(fl, R"({"dp": "local", "noise_multiplier": 1.1})", "local");
  auto rounds = eventsOf<FederatedRound>(m_events);
  std::map<int, int> answers;
  int most = 0;
  for (const auto& r : rounds) {
    for (int c : r.sampled) most = std::max(most, ++answers[c]);
  }
  EXPECT_NEAR(rounds.back().epsilon, epsilonAfter(1.0, 1.1, most, 1e-5).epsilon, 1e-9);
  runToEnd(fl, R"({"dp": "central", "noise_multiplier": 1.1})", "central");
  rounds = eventsOf<FederatedRound>(m_events);
  EXPECT_NEAR(rounds.back().epsilon, epsilonAfter(0.5, 1.1, 4, 1e-5).epsilon, 1e-9);
  EXPECT_LT(rounds.back().epsilon, epsilonAfter(1.0, 1.1, 4, 1e-5).epsilon);
}

// fl.compare_privacy: one row a protection; secure aggregation changes the bytes and not the
// model; DP spends privacy, local DP more than central.
TEST_F(FederatedPrivacyTest, TheProtectionsComparisonRunsEachAndReportsWhatItCosts) {
  runToEnd(R"({"clients": 6, "fraction": 0.5, "rounds": 4, "local_steps": 2, "eval_every": 4,
               "compare_privacy": true})",
           R"({"noise_multiplier": 1.5, "dp_clip": 0.5, "paillier_bits": 512})", "compared");
  const auto rows = csvRows(path("compared").string() + "/privacy_comparison.csv");
  ASSERT_EQ(rows.size(), 7u);
  std::map<std::string, std::vector<std::string>> by;
  for (std::size_t r = 1; r < rows.size(); ++r) by[rows[r][0]] = rows[r];
  ASSERT_EQ(by.size(), 6u);
  const auto num = [&](const std::string& p, int c) { return std::stod(by.at(p).at(c)); };
  EXPECT_EQ(by["none"][1], "each_update");
  EXPECT_EQ(by["secagg"][1], "sum");
  EXPECT_EQ(by["dp-local"][1], "each_noisy_update");
  EXPECT_NEAR(num("secagg", 2), num("none", 2), 1e-9);  // the same model
  EXPECT_NEAR(num("secagg-dp-central", 2), num("dp-central", 2), 1e-9);
  EXPECT_GT(num("secagg", 5), 1.9 * num("none", 5));  // 64-bit words against floats
  EXPECT_EQ(num("none", 4), 0.0);
  EXPECT_EQ(num("secagg", 4), 0.0);
  EXPECT_NEAR(num("dp-central", 4), epsilonAfter(0.5, 1.5, 4, 1e-5).epsilon, 1e-9);
  EXPECT_NEAR(num("secagg-dp-central", 4), num("dp-central", 4), 1e-12);
  EXPECT_GT(num("dp-local", 4), num("dp-central", 4));
  EXPECT_GT(num("secagg", 7), 0.0);  // the server's time a round
  // Paillier: one round measured, its accuracy not; ciphertexts outweigh masked words.
  EXPECT_EQ(by["paillier"][1], "sum");
  EXPECT_EQ(by["paillier"][2], "");  // NaN: not measured
  EXPECT_EQ(num("paillier", 9), 1.0);
  EXPECT_EQ(num("none", 9), 4.0);
  EXPECT_GT(num("paillier", 5), num("secagg", 5));
  EXPECT_GT(num("paillier", 8), num("none", 8));  // seconds a round
}

// Paillier: the server adds ciphertexts it cannot read, the key holder decrypts the sum, and
// the model is the plain run's, dropouts included, up to the packing's 2^-20.
TEST_F(FederatedPrivacyTest, HomomorphicRoundsGiveThePlainRoundsModel) {
  const std::string fl = R"({"clients": 6, "fraction": 1, "rounds": 3, "local_steps": 2,
      "eval_every": 3, "dropout": 0.3, "min_clients": 2})";
  const auto plain = runToEnd(fl, R"({"homomorphic": false})", "plain");
  const auto plainRounds = eventsOf<FederatedRound>(m_events);
  const auto encrypted = runToEnd(fl, R"({"homomorphic": true, "paillier_bits": 512})", "he");
  const auto rounds = eventsOf<FederatedRound>(m_events);
  ASSERT_EQ(rounds.size(), plainRounds.size());
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    EXPECT_EQ(rounds[r].secure, SecureRound::Decrypted);
    EXPECT_EQ(rounds[r].outcomes, plainRounds[r].outcomes);
    EXPECT_EQ(rounds[r].samples, plainRounds[r].samples);
  }
  EXPECT_LT(relativeDifference(encrypted, plain), 1e-5);
  EXPECT_GT(relativeDifference(encrypted, plain), 0.0) << "the fixed point left no trace: suspicious";
}

// Without the key holder nobody can decrypt: the run stops and says why.
TEST_F(FederatedPrivacyTest, KillingTheKeyHolderStopsAHomomorphicRunSayingWhy) {
  std::string spec = federatedSpec(R"({"clients": 4, "fraction": 1, "rounds": 500,
      "local_steps": 1, "eval_every": 50})");
  spec.insert(spec.rfind('}'), R"(, "privacy": {"homomorphic": true, "paillier_bits": 512})");
  auto run = start(spec);
  ASSERT_TRUE(waitUntil([&] { return eventsOf<FederatedRound>(events()).size() >= 2; }, 90s))
      << log();
  ::kill(workerPid(events(), 0), SIGKILL);
  EXPECT_NE(run->wait(120s), 0);
  EXPECT_NE(log().find("key holder"), std::string::npos) << log();
}

// SCAFFOLD needs each client's control variate: the comparison leaves secure aggregation out,
// and a spec asking for both is refused naming the field.
TEST_F(FederatedPrivacyTest, ScaffoldComparesOnlyTheProtectionsThatShowEachUpdate) {
  runToEnd(R"({"clients": 4, "fraction": 1, "rounds": 2, "local_steps": 1, "eval_every": 2,
               "algorithm": "scaffold", "compare_privacy": true})",
           R"({"dp": "none"})", "scaffold");
  const auto rows = csvRows(path("scaffold").string() + "/privacy_comparison.csv");
  ASSERT_EQ(rows.size(), 4u);
  for (std::size_t r = 1; r < rows.size(); ++r) EXPECT_EQ(rows[r][0].find("secagg"), std::string::npos);
  std::string spec = federatedSpec(R"({"clients": 4, "algorithm": "scaffold", "late": "next"})");
  spec.insert(spec.rfind('}'), R"(, "privacy": {"secure_aggregation": true})");
  try {
    loadSpecText(spec);
    FAIL() << "secure aggregation with SCAFFOLD and fl.late next was accepted";
  } catch (const Error& e) {
    const std::string why = e.what();
    EXPECT_NE(why.find("fl.algorithm: the server sees only the round's sum"), std::string::npos) << why;
    EXPECT_NE(why.find("fl.late: "), std::string::npos) << why;
  }
}

}  // namespace
}  // namespace distlab::engine
