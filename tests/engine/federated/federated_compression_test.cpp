// Update encoders in federated rounds (cluster.encoder, cluster.error_feedback): each client's
// update travels encoded, the bytes on the wire shrink as the encoder says, and the model is the
// plain rounds' up to the encoder's error.
#include <filesystem>

#include "federated_fixture.h"
#include "core/float_file.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

using namespace testing;

class FederatedCompressionTest : public ClusterRunTest {
 protected:
  struct Outcome {
    std::vector<float> params;
    std::uint64_t wire = 0, raw = 0;  ///< the clients' update bytes
    double accuracy = 0.0;
  };
  Outcome runWith(const std::string& cluster, const std::string& keepAs) {
    std::string spec = federatedSpec(R"({"clients": 4, "fraction": 1, "rounds": 6,
        "local_steps": 2, "eval_every": 6})");
    spec.insert(spec.find(R"("workers": )"), cluster);
    auto run = start(spec);
    EXPECT_EQ(run->wait(120s), 0) << log();
    Outcome o;
    const auto all = events();
    for (const auto& t : eventsOf<Traffic>(all)) {
      if (t.direction != Direction::ToServer || t.message != MessageType::Push) continue;
      o.wire += t.wireBytes;
      o.raw += t.rawBytes;
    }
    o.accuracy = lastAccuracy(all);
    const auto size =
        buildModelFor(m_spec, loadDataset(m_spec.dataset, m_spec.seed).train).parameterCount();
    o.params = readFloatFile(out() + "/params.f32", size);
    std::filesystem::rename(out(), path(keepAs));
    return o;
  }
};

TEST_F(FederatedCompressionTest, Fp16HalvesTheBytesAndKeepsTheModel) {
  const auto plain = runWith("", "plain");
  const auto half = runWith(R"("encoder": "fp16", )", "fp16");
  EXPECT_LT(relativeDifference(half.params, plain.params), 1e-3);
  EXPECT_GT(relativeDifference(half.params, plain.params), 0.0);
  EXPECT_EQ(plain.wire, plain.raw);
  const double ratio = static_cast<double>(half.wire) / static_cast<double>(plain.wire);
  EXPECT_GT(ratio, 0.45);
  EXPECT_LT(ratio, 0.6);
  EXPECT_GT(half.raw, half.wire);  // the floats the encoded updates stand for
}

TEST_F(FederatedCompressionTest, TopOnePercentSendsAFewPercentOfTheBytesAndFeedbackChangesIt) {
  const auto plain = runWith("", "plain");
  const auto top = runWith(R"("encoder": "topk", "compress_ratio": 0.01, )", "top");
  const auto fed = runWith(R"("encoder": "topk", "compress_ratio": 0.01, "error_feedback": true, )",
                           "feedback");
  EXPECT_LT(static_cast<double>(top.wire), 0.05 * static_cast<double>(plain.wire));
  EXPECT_LT(static_cast<double>(fed.wire), 0.05 * static_cast<double>(plain.wire));
  EXPECT_GT(relativeDifference(fed.params, top.params), 0.0);  // the residuals were sent
  EXPECT_GT(relativeDifference(top.params, plain.params), 1e-4);  // lossy
}

TEST_F(FederatedCompressionTest, AnEncoderCannotJoinSecureAggregationOrScaffold) {
  const auto problem = [](const std::string& fl, const std::string& privacy) {
    std::string spec = federatedSpec(fl);
    spec.insert(spec.find(R"("workers": )"), R"("encoder": "int8", )");
    spec.insert(spec.rfind('}'), R"(, "privacy": )" + privacy);
    try {
      loadSpecText(spec);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(problem(R"({"clients": 4})", R"({"secure_aggregation": true})").find("cluster.encoder"),
            std::string::npos);
  EXPECT_NE(problem(R"({"clients": 4, "algorithm": "scaffold"})", "{}").find("cluster.encoder"),
            std::string::npos);
  EXPECT_EQ(problem(R"({"clients": 4})", "{}"), "");
}

}  // namespace
}  // namespace distlab::engine
