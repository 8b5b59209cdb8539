// Differential privacy on the parameter-server cluster (privacy.dp): clipped gradient pushes,
// the server's central noise or each worker's local noise, and the privacy spent in every
// evaluation, on real worker processes.
#include <cmath>
#include <filesystem>

#include "cluster_fixture.h"
#include "core/float_file.h"
#include "defenses/rdp_accountant.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

using namespace testing;

class ClusterDpTest : public ClusterRunTest {
 protected:
  /// A BSP run of two workers for `epochs` with `privacy`; its final parameters.
  std::vector<float> trainWith(const std::string& privacy, const std::string& keepAs,
                               int epochs = 1) {
    std::string spec = smallSpec(R"("workers": 2, "sync": "bsp")", epochs);
    spec.insert(spec.rfind('}'), R"(, "privacy": )" + privacy);
    auto run = start(spec);
    EXPECT_EQ(run->wait(120s), 0) << log();
    m_events = events();
    const auto size =
        buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train).parameterCount();
    auto params = readFloatFile(out() + "/params.f32", size);
    std::filesystem::rename(out(), path(keepAs));
    return params;
  }
  std::vector<Event> m_events;
};

// Central DP with a clip norm no gradient reaches and almost no noise is the plain run.
TEST_F(ClusterDpTest, CentralDpWithoutClippingOrNoiseIsThePlainBspRun) {
  const auto plain = trainWith(R"({"dp": "none"})", "plain");
  const auto dp = trainWith(R"({"dp": "central", "dp_clip": 1000, "noise_multiplier": 1e-9})",
                            "dp");
  EXPECT_LT(relativeDifference(dp, plain), 1e-5);
  EXPECT_GT(relativeDifference(dp, plain), 0.0) << "no noise at all: was it applied?";
}

// With a tiny clip norm each update moves the model by at most lr x the clip norm (SGD), and
// noise of a real multiplier spends epsilon as the accountant says, update by update.
TEST_F(ClusterDpTest, ClippedPushesBoundEachStepAndEpsilonFollowsTheAccountant) {
  const auto clipped = trainWith(R"({"dp": "local", "dp_clip": 0.001, "noise_multiplier": 1e-9})",
                                 "clipped");
  Model start = buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train);
  double sq = 0;
  for (std::size_t i = 0; i < clipped.size(); ++i) {
    const double d = clipped[i] - start.parameters()[i];
    sq += d * d;
  }
  const auto updates = eventsOf<Evaluation>(m_events).back().update;
  ASSERT_GT(updates, 10u);
  EXPECT_LE(std::sqrt(sq), static_cast<double>(updates) * 0.1 * 0.001 * (1 + 1e-4));
  EXPECT_GT(std::sqrt(sq), 0.5 * static_cast<double>(updates) * 0.1 * 0.001);  // it moved

  trainWith(R"({"dp": "central", "noise_multiplier": 2.0, "dp_delta": 1e-6})", "central", 3);
  // Each evaluation reports what its update count has spent. (How many there are depends on
  // the evaluator's pace: a busy one keeps only the newest request, so only the final one is
  // certain.)
  const auto evaluations = eventsOf<Evaluation>(m_events);
  ASSERT_FALSE(evaluations.empty());
  ASSERT_GT(evaluations.back().update, 10u);
  for (const auto& e : evaluations) {
    if (e.update == 0) continue;
    EXPECT_NEAR(e.epsilon,
                epsilonAfter(1.0, 2.0, static_cast<long long>(e.update), 1e-6).epsilon, 1e-9);
    EXPECT_EQ(e.delta, 1e-6);
  }
}

// What cannot be clipped or noised is refused, naming the field.
TEST_F(ClusterDpTest, DpNeedsGradientPushesAndCentralNeedsRounds) {
  const auto problems = [](const std::string& cluster, const std::string& dp) {
    std::string spec = smallSpec(cluster, 1);
    spec.insert(spec.rfind('}'), R"(, "privacy": {"dp": ")" + dp + R"("})");
    try {
      loadSpecText(spec);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(problems(R"("sync": "asp")", "central").find("privacy.dp: central"),
            std::string::npos);
  EXPECT_EQ(problems(R"("sync": "asp")", "local"), "");
  EXPECT_NE(problems(R"("sync": "local-sgd")", "local").find("privacy.dp: clips"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
