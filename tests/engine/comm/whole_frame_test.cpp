// decodeWholeFrame: a frame as a message-passing transport (MPI) delivers it, in one buffer.
#include <gtest/gtest.h>

#include "comm/whole_frame.h"

namespace distlab::engine {
namespace {

std::vector<float> ramp(std::size_t n) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = 0.25f * static_cast<float>(i) - 3.0f;
  return v;
}

TEST(WholeFrameTest, APushDecodesToTheFloatsTheSocketPathWouldRead) {
  const Push sent{PushKind::Gradient, 7, 64, ramp(1000), true};
  const auto frame = encodeFrame(sent);
  Message message;
  ASSERT_EQ(decodeWholeFrame(frame, limitsForModel(1000), message), DecodeError::None);
  const auto* push = std::get_if<Push>(&message);
  ASSERT_NE(push, nullptr);
  EXPECT_EQ(push->baseVersion, 7u);
  EXPECT_EQ(push->samples, 64u);
  EXPECT_TRUE(push->pullNext);
  EXPECT_EQ(push->values, sent.values);
}

TEST(WholeFrameTest, ParamsGoIntoATargetOfTheirSizeOrIntoTheSpareVector) {
  const Params sent{3, ramp(500)};
  const auto frame = encodeFrame(sent);
  std::vector<float> target(500, 0.0f);
  Message message;
  ASSERT_EQ(decodeWholeFrame(frame, limitsForModel(500), message, target), DecodeError::None);
  EXPECT_EQ(target, sent.values);
  EXPECT_TRUE(std::get<Params>(message).values.empty());
  // A target of another size is not used; the spare vector's memory is.
  std::vector<float> wrong(10), spare;
  spare.reserve(500);
  const float* memory = spare.data();
  ASSERT_EQ(decodeWholeFrame(frame, limitsForModel(500), message, wrong, &spare),
            DecodeError::None);
  EXPECT_EQ(std::get<Params>(message).values, sent.values);
  EXPECT_EQ(std::get<Params>(message).values.data(), memory);
}

TEST(WholeFrameTest, SmallMessagesDecodeAsTheCodecDoes) {
  const auto frame = encodeFrame(Pull{42});
  Message message;
  ASSERT_EQ(decodeWholeFrame(frame, DecodeLimits{}, message), DecodeError::None);
  EXPECT_EQ(std::get<Pull>(message).haveVersion, 42u);
}

TEST(WholeFrameTest, ABufferThatIsNotExactlyOneFrameIsRefused) {
  auto frame = encodeFrame(Params{1, ramp(100)});
  Message message;
  auto longer = frame;
  longer.push_back(0);
  EXPECT_EQ(decodeWholeFrame(longer, limitsForModel(100), message), DecodeError::BadPayload);
  frame.resize(frame.size() - 4);
  EXPECT_NE(decodeWholeFrame(frame, limitsForModel(100), message), DecodeError::None);
  // The wrong model size, as the session's limits say.
  EXPECT_EQ(decodeWholeFrame(encodeFrame(Params{1, ramp(100)}), limitsForModel(99), message),
            DecodeError::WrongModelSize);
}

TEST(WholeFrameTest, FloatsSaidToWaitInSharedMemoryAreRefused) {
  const auto values = ramp(100);
  const auto head = encodeBulkFrameHead(Params{1, {}}, values, /*shared=*/true);
  Message message;
  EXPECT_EQ(decodeWholeFrame(head, limitsForModel(100), message), DecodeError::BadPayload);
}

}  // namespace
}  // namespace distlab::engine
