// The update encoders: what each keeps of an update, in how many bytes, and that a payload that
// is not theirs is refused. fp16 is checked against the defenses' independent rounding in double.
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "defenses/defense.h"
#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

std::vector<float> randomUpdate(std::size_t n, unsigned seed, float scale = 1e-2f) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0.0f, scale);
  std::vector<float> v(n);
  for (float& x : v) x = normal(rng);
  return v;
}

TEST(UpdateEncodersTest, AreRegisteredWithDistinctWireIdsAndFloat32IsThePlainOne) {
  EXPECT_EQ(updateEncoders().names(), (std::vector<std::string>{"float32", "fp16", "int8", "topk",
                                                               "randk", "qsgd", "sign"}));
  for (const auto& name : updateEncoders().names()) {
    const UpdateEncoder& e = updateEncoders().at(name);
    EXPECT_EQ(updateEncoderById(e.wireId()), &e) << name;
  }
  EXPECT_EQ(updateEncoders().at("float32").wireId(), 0);
  EXPECT_FALSE(updateEncoders().at("float32").isLossy());
  EXPECT_EQ(updateEncoderById(200), nullptr);
}

TEST(UpdateEncodersTest, EachPayloadHasItsSizeAndDecodesWithinItsBound) {
  const auto x = randomUpdate(10007, 1);  // not a multiple of 8: the vector loop's tail too
  float top = 0;
  for (const float v : x) top = std::max(top, std::abs(v));
  for (const std::string name : {"float32", "fp16", "int8"}) {  // the dense ones
    SCOPED_TRACE(name);
    const UpdateEncoder& e = updateEncoders().at(name);
    std::vector<std::uint8_t> payload;
    e.encode(x, payload);
    const std::size_t expected = name == "float32" ? 4 * x.size()
                                 : name == "fp16"  ? 2 * x.size()
                                                   : 4 + x.size();
    EXPECT_EQ(payload.size(), expected);
    std::vector<float> y(x.size());
    ASSERT_TRUE(e.decode(payload, y));
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double error = std::abs(static_cast<double>(y[i]) - x[i]);
      if (name == "float32") {
        ASSERT_EQ(y[i], x[i]) << i;
      } else if (name == "fp16") {
        // 11 significant bits, or the subnormal step 2^-24 below 2^-14.
        ASSERT_LE(error, std::max(std::abs(x[i]) * std::ldexp(1.0, -11), std::ldexp(1.0, -25))) << i;
      } else {
        ASSERT_LE(error, top / 127.0 / 2.0 * (1 + 1e-6)) << i;
      }
    }
  }
}

TEST(UpdateEncodersTest, HalfPrecisionRoundsAsTheDefensesIndependentRoundingInDouble) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> mantissa(0, (1u << 23) - 1);
  std::uniform_int_distribution<int> exponent(-30, 17);  // subnormal halves to overflow
  std::vector<float> values = {0.0f, -0.0f, 1.0f, 65504.0f, 65519.99f, 65520.0f, 1e-8f, 2.98e-8f,
                               5.96e-8f, 6.1e-5f, 6.103515625e-05f, -3.0e-7f,
                               std::numeric_limits<float>::infinity()};
  while (values.size() < 200000) {
    const float f = std::ldexp(1.0f + static_cast<float>(mantissa(rng)) * 0x1p-23f, exponent(rng));
    values.push_back(values.size() % 2 ? f : -f);
  }
  std::vector<std::uint16_t> halves(values.size());
  floatsToHalves(values, halves.data());  // F16C where this CPU has it
  std::vector<float> back(values.size());
  halvesToFloats(halves.data(), back);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::uint16_t software = floatToHalfSoftware(values[i]);
    ASSERT_EQ(halves[i], software) << values[i];  // both paths, bit for bit
    ASSERT_EQ(halfToFloatSoftware(software), back[i]) << values[i];
    const float expected = static_cast<float>(roundToHalf(values[i]));
    ASSERT_EQ(back[i], expected) << values[i];
  }
  EXPECT_TRUE(std::isnan(halfToFloatSoftware(floatToHalfSoftware(std::nanf("")))));
}

TEST(UpdateEncodersTest, Int8KeepsZeroesAndSendsNonFiniteValuesAsZero) {
  const std::vector<float> x = {0.0f, 1.0f, -0.5f, std::numeric_limits<float>::quiet_NaN(),
                                std::numeric_limits<float>::infinity()};
  const UpdateEncoder& e = updateEncoders().at("int8");
  std::vector<std::uint8_t> payload;
  e.encode(x, payload);
  std::vector<float> y(x.size());
  ASSERT_TRUE(e.decode(payload, y));
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_FLOAT_EQ(y[1], 1.0f);
  EXPECT_NEAR(y[2], -0.5f, 1.0 / 254);
  EXPECT_EQ(y[3], 0.0f);
  EXPECT_EQ(y[4], 0.0f);
  std::vector<std::uint8_t> zeros;
  e.encode(std::vector<float>(5, 0.0f), zeros);
  ASSERT_TRUE(e.decode(zeros, y));
  for (const float v : y) EXPECT_EQ(v, 0.0f);
}

TEST(UpdateEncodersTest, APayloadOfTheWrongSizeOrAForeignEncoderIsRefused) {
  std::vector<float> y(10);
  for (const auto& name : updateEncoders().names()) {
    const UpdateEncoder& e = updateEncoders().at(name);
    std::vector<std::uint8_t> payload;
    e.encode(std::vector<float>(11, 0.5f), payload);
    EXPECT_FALSE(e.decode(payload, y)) << name;  // holds 11 values, 10 asked for
    EXPECT_FALSE(e.decode({}, y)) << name;
  }
  std::vector<std::uint8_t> negativeScale(4 + 10);
  const float minusOne = -1.0f;
  std::memcpy(negativeScale.data(), &minusOne, 4);
  EXPECT_FALSE(updateEncoders().at("int8").decode(negativeScale, y));

  Push push;
  push.encoding = 1;
  push.floats = 10;
  updateEncoders().at("fp16").encode(std::vector<float>(10, 0.25f), push.encoded);
  ASSERT_TRUE(decodePushUpdate(push));
  EXPECT_EQ(push.encoding, 0);
  EXPECT_EQ(push.values, std::vector<float>(10, 0.25f));
  Push unknown;
  unknown.encoding = 99;
  unknown.floats = 1;
  EXPECT_FALSE(decodePushUpdate(unknown));
  Push shortOne;
  shortOne.encoding = 1;
  shortOne.floats = 10;
  shortOne.encoded.resize(19);
  EXPECT_FALSE(decodePushUpdate(shortOne));
}

}  // namespace
}  // namespace distlab::engine
