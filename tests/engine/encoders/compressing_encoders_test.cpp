// The compressing encoders (topk, randk, qsgd, sign): what each keeps, in how many bytes, that
// the unbiased ones are the update on average, that a malformed payload is refused, and that
// error feedback gives a biased encoder back what it leaves out.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include <gtest/gtest.h>

#include "encoders/bit_packing.h"
#include "encoders/error_feedback.h"
#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

std::vector<float> randomUpdate(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0.0f, 1e-2f);
  std::vector<float> v(n);
  for (float& x : v) x = normal(rng);
  return v;
}

std::vector<float> roundTrip(const std::string& name, const std::vector<float>& x,
                             const EncoderSettings& settings, Rng& rng,
                             std::size_t* bytes = nullptr) {
  std::vector<std::uint8_t> payload;
  updateEncoders().at(name).encode(x, payload, settings, rng);
  if (bytes) *bytes = payload.size();
  std::vector<float> y(x.size());
  EXPECT_TRUE(updateEncoders().at(name).decode(payload, y)) << name;
  return y;
}

TEST(CompressingEncodersTest, TopKSendsExactlyTheLargestValuesInAFiftiethOfTheBytes) {
  const auto x = randomUpdate(10007, 2);
  Rng rng(1);
  std::size_t bytes = 0;
  const auto y = roundTrip("topk", x, {0.01, 4}, rng, &bytes);
  // The 100 largest magnitudes, found by sorting a copy.
  std::vector<float> magnitudes;
  for (const float v : x) magnitudes.push_back(std::abs(v));
  std::sort(magnitudes.rbegin(), magnitudes.rend());
  const float threshold = magnitudes[99];
  int kept = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (y[i] != 0.0f) {
      ++kept;
      ASSERT_EQ(y[i], x[i]) << i;  // exactly, as sent
      ASSERT_GE(std::abs(x[i]), threshold) << i;
    } else {
      ASSERT_LE(std::abs(x[i]), threshold) << i;
    }
  }
  EXPECT_EQ(kept, 100);
  // count, k, 100 gaps of one or two bytes, 100 floats.
  EXPECT_GE(bytes, 4u + 1u + 100u + 400u);
  EXPECT_LE(bytes, 4u + 2u + 200u + 400u);
  EXPECT_GE(4.0 * x.size() / bytes, 50.0);
}

// An unbiased encoder's decoded update, averaged over many encodings, is the update.
void expectUnbiased(const std::string& name, const EncoderSettings& settings, double tolerance) {
  const std::vector<float> x = {0.3f, -0.7f, 0.05f, 0.0f, 1.1f, -0.01f, 0.5f, -0.25f};
  Rng rng(5);
  std::vector<double> mean(x.size(), 0.0);
  const int draws = 10000;
  for (int d = 0; d < draws; ++d) {
    const auto y = roundTrip(name, x, settings, rng);
    for (std::size_t i = 0; i < x.size(); ++i) mean[i] += y[i] / draws;
  }
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(mean[i], x[i], tolerance) << name << " " << i;
}

TEST(CompressingEncodersTest, RandKAndQsgdAreTheUpdateOnAverage) {
  expectUnbiased("randk", {0.25, 4}, 0.05);  // 2 of 8 values, each scaled by 4
  expectUnbiased("qsgd", {0.01, 2}, 0.02);
  EXPECT_TRUE(updateEncoders().at("qsgd").isUnbiased());
  EXPECT_TRUE(updateEncoders().at("randk").isUnbiased());
  EXPECT_FALSE(updateEncoders().at("topk").isUnbiased());
  EXPECT_FALSE(updateEncoders().at("sign").isUnbiased());
}

TEST(CompressingEncodersTest, QsgdRoundsEachValueToANeighbouringLevelOfItsBucketsNorm) {
  const auto x = randomUpdate(1300, 3);  // three buckets of 512, the last one short
  Rng rng(2);
  std::size_t bytes = 0;
  const auto y = roundTrip("qsgd", x, {0.01, 4}, rng, &bytes);
  for (std::size_t b = 0; b < 3; ++b) {
    double squares = 0;
    for (std::size_t i = b * 512; i < std::min<std::size_t>(1300, (b + 1) * 512); ++i) squares += x[i] * x[i];
    const double step = std::sqrt(squares) / 4;
    for (std::size_t i = b * 512; i < std::min<std::size_t>(1300, (b + 1) * 512); ++i) {
      ASSERT_LT(std::abs(y[i] - x[i]), step * (1 + 1e-5)) << i;
      const double level = y[i] / step;
      ASSERT_NEAR(level, std::round(level), 1e-3) << i;
      ASSERT_TRUE(y[i] == 0 || (y[i] > 0) == (x[i] > 0)) << i;
    }
  }
  // count, s, three norms, 1300 codes of 4 bits (2s + 1 = 9 levels).
  EXPECT_EQ(bytes, 4u + 1u + 12u + 650u);
}

TEST(CompressingEncodersTest, SignSendsOneBitAValueAndTheMeanMagnitude) {
  const std::vector<float> x = {0.5f, -1.5f, 0.0f, 2.0f, -0.25f, 0.75f, -1.0f, 3.0f, -0.5f};
  Rng rng(1);
  std::size_t bytes = 0;
  const auto y = roundTrip("sign", x, {}, rng, &bytes);
  const float scale = (0.5f + 1.5f + 0 + 2 + 0.25f + 0.75f + 1 + 3 + 0.5f) / 9;
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_FLOAT_EQ(y[i], x[i] < 0 ? -scale : scale) << i;
  EXPECT_EQ(bytes, 4u + 4u + 2u);
}

TEST(CompressingEncodersTest, MalformedPayloadsAreRefused) {
  std::vector<float> y(10);
  Rng rng(1);
  for (const std::string name : {"topk", "randk", "qsgd", "sign"}) {
    std::vector<std::uint8_t> payload;
    updateEncoders().at(name).encode(randomUpdate(10, 4), payload, {0.3, 3}, rng);
    ASSERT_TRUE(updateEncoders().at(name).decode(payload, y)) << name;
    auto cut = payload;
    cut.pop_back();
    EXPECT_FALSE(updateEncoders().at(name).decode(cut, y)) << name;
    auto longer = payload;
    longer.push_back(0);
    EXPECT_FALSE(updateEncoders().at(name).decode(longer, y)) << name;
    std::vector<float> other(9);  // meant for another model size
    EXPECT_FALSE(updateEncoders().at(name).decode(payload, other)) << name;
  }
  // topk: an index past the model (count 10, k 1, gap 10, a float).
  std::vector<std::uint8_t> past;
  appendCount(10, past);
  past.insert(past.end(), {1, 10, 0, 0, 0, 0});
  EXPECT_FALSE(updateEncoders().at("topk").decode(past, y));
  past[5] = 9;  // the last slot: fine
  EXPECT_TRUE(updateEncoders().at("topk").decode(past, y));
  // qsgd: a code above 2s.
  std::vector<std::uint8_t> code;
  appendCount(1, code);
  code.push_back(1);  // s = 1: codes 0..2 in 2 bits
  const float norm = 1.0f;
  code.resize(code.size() + 4);
  std::memcpy(code.data() + 5, &norm, 4);
  code.push_back(3);
  std::vector<float> one(1);
  EXPECT_FALSE(updateEncoders().at("qsgd").decode(code, one));
  code.back() = 2;
  ASSERT_TRUE(updateEncoders().at("qsgd").decode(code, one));
  EXPECT_EQ(one[0], 1.0f);
}

// The case: stochastic gradients on a quadratic whose first 20 coordinates carry loud
// zero-mean noise and the other 980 a small steady pull towards 1. Top-1% picks the noise every
// time, so without error feedback the steady coordinates never move; with it, their pull piles
// up in the residual until it is sent (at a rate small enough for the pile: a coordinate waits
// about n / k = 100 steps between two sends).
TEST(CompressingEncodersTest, ErrorFeedbackLetsTopOnePercentConvergeWhereItStallsWithout) {
  const std::size_t n = 1000;
  auto distance = [&](bool feedback) {
    std::vector<float> x(n, 0.0f), g(n), step(n);
    Rng noise(9), rng(1);
    ErrorFeedback ef;
    const UpdateEncoder& topk = updateEncoders().at("topk");
    for (int t = 0; t < 3000; ++t) {
      for (std::size_t i = 0; i < n; ++i) {
        g[i] = (x[i] - 1.0f) + (i < 20 ? static_cast<float>(noise.normal(0, 10)) : 0.0f);
      }
      std::span<const float> sent = feedback ? ef.correct(g) : std::span<const float>(g);
      std::vector<std::uint8_t> payload;
      topk.encode(sent, payload, {0.01, 4}, rng);
      if (feedback) {
        EXPECT_TRUE(ef.keep(topk, payload));
      }
      EXPECT_TRUE(topk.decode(payload, step));
      for (std::size_t i = 0; i < n; ++i) x[i] -= 0.005f * step[i];
    }
    double squares = 0;  // over the steady coordinates
    for (std::size_t i = 20; i < n; ++i) squares += (x[i] - 1.0) * (x[i] - 1.0);
    return std::sqrt(squares);
  };
  const double start = std::sqrt(980.0);
  EXPECT_GT(distance(false), 0.9 * start);
  EXPECT_LT(distance(true), 0.1 * start);
}

TEST(CompressingEncodersTest, VarintsAndPackedCodesRoundTrip) {
  std::vector<std::uint8_t> bytes;
  const std::uint32_t values[] = {0, 1, 127, 128, 16383, 16384, 0xffffffffu};
  for (const auto v : values) appendVarint(v, bytes);
  std::size_t at = 0;
  for (const auto v : values) {
    std::uint32_t back = 0;
    ASSERT_TRUE(readVarint(bytes, at, back));
    EXPECT_EQ(back, v);
  }
  EXPECT_EQ(at, bytes.size());
  std::uint32_t none = 0;
  EXPECT_FALSE(readVarint(bytes, at, none));  // nothing left
  const std::vector<std::uint8_t> tooLong = {0xff, 0xff, 0xff, 0xff, 0x7f};
  at = 0;
  EXPECT_FALSE(readVarint(tooLong, at, none));  // 35 bits
  const std::vector<std::uint32_t> codes = {5, 0, 7, 3, 1, 6, 2, 4, 7};
  std::vector<std::uint8_t> packed;
  packCodes(codes, 3, packed);
  EXPECT_EQ(packed.size(), packedBytes(9, 3));
  for (std::size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(unpackCode(packed.data(), i, 3), codes[i]);
}

}  // namespace
}  // namespace distlab::engine
