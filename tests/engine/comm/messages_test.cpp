#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#include <gtest/gtest.h>

#include "comm/messages.h"
#include "core/rng.h"

// The largest single allocation while g_trackAllocations is set, to show that a frame lying
// about its size is rejected before anything of that size is allocated. Under AddressSanitizer
// the allocator belongs to ASan, so the replacement (and that one assertion) is left out.
static std::atomic<bool> g_trackAllocations{false};
static std::atomic<std::size_t> g_largestAllocation{0};
#if defined(DISTLAB_SANITIZED)  // tests/CMakeLists.txt, in a DISTLAB_SANITIZE build
constexpr bool kAllocationsTracked = false;
#else
constexpr bool kAllocationsTracked = true;

// GCC 12 cannot see that these replacements pair malloc with free and warns; they do.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  if (g_trackAllocations && size > g_largestAllocation) g_largestAllocation = size;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop
#endif

namespace distlab::engine {
namespace {

std::vector<Message> oneOfEach() {
  std::vector<float> values(1000);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = 0.5f * static_cast<float>(i) - 7.0f;
  return {Hello{PeerRole::Monitor, 3, -123456789},
          Challenge{{1, 2, 3, 4, 5, 6, 7, 8}},
          Auth{std::vector<std::uint8_t>(32, 0xab)},
          Welcome{1000, 17, R"({"name": "数据划分"})"},
          Pull{42},
          Params{7, values},
          Push{PushKind::ModelDelta, 6, 64, values},
          Push{PushKind::Gradient, 9, 32, values, true},
          Push{PushKind::Gradient, 5, 16, {}, true, 1, 1000, std::vector<std::uint8_t>(2000, 0x3c)},
          Clock{11},
          Barrier{12},
          Telemetry{2, {9, 8, 7}},
          Control{2, 3, 2.5},
          Shutdown{"训练结束 / run finished"},
          Heartbeat{},
          Keys{{std::array<std::uint8_t, 32>{1, 2, 3}, std::array<std::uint8_t, 32>{9}}},
          Activations{{3, 1, 10, std::vector<float>(values.begin(), values.begin() + 50)}},
          Errors{{4, 2, 25, values}},
          Route{40123, "10.0.0.2"},
          Mask{7, {{0, 3, 9}, {}, {1}}},
          Shared{"/distlab-123-00000000deadbeef", 0x0123456789abcdefULL},
          KeyShares{{std::vector<std::uint8_t>(60, 0x5a), {}, std::vector<std::uint8_t>(60, 1)}},
          Reveal{2, std::vector<std::uint8_t>(32, 0xc3)},
          Reveal{1, {}},
          PaillierKey{std::vector<std::uint8_t>(256, 0xd1)},
          Encrypted{4, 3, 1000, 512, std::vector<std::uint8_t>(512 * 2, 0x11)},
          Decrypted{4, std::vector<float>(1000, 0.25f)},
          RingChunk{123456789012ULL, 5, 2, std::vector<float>(values.begin(), values.begin() + 7)},
          RingChunk{3, 0, 1, {}}};
}

// Intermediate results must be whole columns of their rows, and fill their payload exactly.
TEST(MessagesTest, IntermediateResultsThatAreNotWholeColumnsAreRejected) {
  for (std::uint32_t rows : {0u, 3u}) {
    auto frame = encodeFrame(Activations{{1, 0, 10, std::vector<float>(20, 1.0f)}});
    std::memcpy(frame.data() + kFrameHeaderSize + 12, &rows, 4);
    Message out;
    std::size_t consumed = 0;
    EXPECT_EQ(decodeFrame(frame, {}, out, consumed), DecodeError::BadPayload) << rows;
  }
  auto frame = encodeFrame(Errors{{1, 0, 10, std::vector<float>(20, 1.0f)}});
  const std::uint32_t more = 30;  // claims 30 floats, carries 20
  std::memcpy(frame.data() + kFrameHeaderSize + 16, &more, 4);
  Message out;
  std::size_t consumed = 0;
  EXPECT_EQ(decodeFrame(frame, {}, out, consumed), DecodeError::BadPayload);
  const auto good = encodeFrame(Errors{{1, 0, 10, std::vector<float>(20, 1.0f)}});
  ASSERT_EQ(decodeFrame(good, {}, out, consumed), DecodeError::None);
  EXPECT_EQ(std::get<Errors>(out).columns(), 2u);
}

TEST(MessagesTest, AKeysFrameWhoseCountLiesIsRejected) {
  auto frame = encodeFrame(Keys{{std::array<std::uint8_t, 32>{7}}});
  frame[kFrameHeaderSize] = 2;  // claims two keys, carries one
  Message out;
  std::size_t consumed = 0;
  EXPECT_EQ(decodeFrame(frame, {}, out, consumed), DecodeError::BadPayload);
}

// Secure aggregation's share frames: a count or a length the payload cannot hold, or a share
// longer than any sealed share, is refused before anything is allocated for it.
TEST(MessagesTest, ShareFramesWhoseCountsLieAreRejected) {
  Message out;
  std::size_t consumed = 0;
  auto shares = encodeFrame(KeyShares{{std::vector<std::uint8_t>(60, 1)}});
  shares[kFrameHeaderSize] = 3;  // claims three boxes, carries one
  EXPECT_EQ(decodeFrame(shares, {}, out, consumed), DecodeError::BadPayload);
  auto huge = encodeFrame(KeyShares{{std::vector<std::uint8_t>(kMaxSealedShare + 1, 1)}});
  EXPECT_EQ(decodeFrame(huge, {}, out, consumed), DecodeError::BadPayload);
  auto reveal = encodeFrame(Reveal{1, std::vector<std::uint8_t>(32, 9)});
  reveal[kFrameHeaderSize + 4] = 33;  // the share's length, one byte more than it carries
  EXPECT_EQ(decodeFrame(reveal, {}, out, consumed), DecodeError::BadPayload);
  // An encrypted sum must be whole ciphertexts; a decrypted one exactly the model's size.
  auto partial = encodeFrame(Encrypted{1, 2, 10, 512, std::vector<std::uint8_t>(1000, 1)});
  EXPECT_EQ(decodeFrame(partial, {}, out, consumed), DecodeError::BadPayload);
  const auto wrongSize = encodeFrame(Decrypted{1, std::vector<float>(999, 1.0f)});
  EXPECT_EQ(decodeFrame(wrongSize, {1 << 20, 1000}, out, consumed), DecodeError::BadPayload);
  const auto good = encodeFrame(Reveal{1, std::vector<std::uint8_t>(32, 9)});
  ASSERT_EQ(decodeFrame(good, {}, out, consumed), DecodeError::None);
  EXPECT_EQ(std::get<Reveal>(out).share.size(), 32u);
}

// A ring chunk is never longer than the model, nor of a chunk past the largest ring.
TEST(MessagesTest, RingChunksLongerThanTheModelOrPastTheRingAreRejected) {
  Message out;
  std::size_t consumed = 0;
  const DecodeLimits model{1 << 20, 100};
  const auto longer = encodeFrame(RingChunk{1, 0, 0, std::vector<float>(101, 1.0f)});
  EXPECT_EQ(decodeFrame(longer, model, out, consumed), DecodeError::BadPayload);
  const auto farChunk = encodeFrame(RingChunk{1, 0, kMaxRingChunks, std::vector<float>(4)});
  EXPECT_EQ(decodeFrame(farChunk, model, out, consumed), DecodeError::BadPayload);
  auto lying = encodeFrame(RingChunk{1, 0, 0, std::vector<float>(10)});
  lying[kFrameHeaderSize + 16] = 11;  // claims 11 floats, carries 10
  EXPECT_EQ(decodeFrame(lying, model, out, consumed), DecodeError::BadPayload);
  const auto good = encodeFrame(RingChunk{1, 3, 2, std::vector<float>(100, 2.0f)});
  ASSERT_EQ(decodeFrame(good, model, out, consumed), DecodeError::None);
  EXPECT_EQ(std::get<RingChunk>(out).values.size(), 100u);
  EXPECT_EQ(std::get<RingChunk>(out).chunk, 2u);
}

TEST(MessagesTest, EveryMessageRoundTrips) {
  const DecodeLimits limits{1 << 20, 1000};
  for (const Message& original : oneOfEach()) {
    const auto frame = encodeFrame(original);
    Message decoded;
    std::size_t consumed = 0;
    ASSERT_EQ(decodeFrame(frame, limits, decoded, consumed), DecodeError::None)
        << static_cast<int>(typeOf(original));
    EXPECT_EQ(consumed, frame.size());
    EXPECT_EQ(decoded.index(), original.index());
    // Re-encoding the decoded message gives the same bytes: every field survived.
    EXPECT_EQ(encodeFrame(decoded), frame) << static_cast<int>(typeOf(original));
  }
}

// Found by fuzz_frame (UBSan: memcpy from a null pointer): the float arrays of DECRYPTED, of
// ACTIVATIONS/ERRORS and of a bulk frame may be empty on a connection of any model size. The
// sanitizer build (CI) runs this; it must decode with no undefined behaviour.
TEST(MessagesTest, MessagesWithEmptyFloatArraysDecode) {
  const DecodeLimits anySize{1 << 20, 0};
  const Message empties[] = {Decrypted{9, {}}, Params{}, Push{}};
  for (const Message& original : empties) {
    const auto frame = encodeFrame(original);
    Message decoded;
    std::size_t consumed = 0;
    ASSERT_EQ(decodeFrame(frame, anySize, decoded, consumed), DecodeError::None)
        << static_cast<int>(typeOf(original));
    EXPECT_EQ(encodeFrame(decoded), frame);
  }
  // The fuzzer's own input, byte for byte: a DECRYPTED of round 0 and no values.
  const std::vector<std::uint8_t> found = {0x44, 0x4c, 0x41, 0x42, 0x08, 0x18, 0x7c, 0x08,
                                           0x0c, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
                                           0, 0, 0, 0, 0};
  Message decoded;
  std::size_t consumed = 0;
  decodeFrame(found, anySize, decoded, consumed);  // decoded or refused, never undefined
}

// An encoded PUSH names its encoder in the header's flags and carries its bytes, not floats; its
// count of values is checked against the model like a plain one.
TEST(MessagesTest, AnEncodedPushCarriesItsEncoderInTheFlagsAndItsCountIsChecked) {
  Push push{PushKind::Gradient, 3, 8, {}, false, 2, 1000, std::vector<std::uint8_t>(1004, 7)};
  const auto frame = encodeFrame(push);
  EXPECT_EQ(frame[6], 2);  // flags, low byte
  EXPECT_EQ(frame.size(), kFrameHeaderSize + bulkPrefixSize(MessageType::Push) + 1004);
  Message out;
  std::size_t consumed = 0;
  ASSERT_EQ(decodeFrame(frame, {1 << 20, 1000}, out, consumed), DecodeError::None);
  const auto& decoded = std::get<Push>(out);
  EXPECT_EQ(decoded.encoding, 2);
  EXPECT_EQ(decoded.floats, 1000u);
  EXPECT_EQ(decoded.encoded, push.encoded);
  EXPECT_TRUE(decoded.values.empty());
  EXPECT_EQ(decodeFrame(frame, {1 << 20, 999}, out, consumed), DecodeError::WrongModelSize);
}

// A PARAMS or PUSH whose floats wait in shared memory: the flag, and a frame that ends after the
// float count, which is still checked against the model. A buffer has no shared memory, so the
// pure decoder refuses it; the session and the channel take the floats from their region.
TEST(MessagesTest, AFrameWhoseFloatsWaitInSharedMemoryEndsAfterItsCount) {
  const std::vector<float> values(1000, 2.5f);
  for (const Message& m : std::vector<Message>{Params{7, {}}, Push{PushKind::Gradient, 3, 8, {}, true}}) {
    const auto head = encodeBulkFrameHead(m, values, true);
    const auto type = typeOf(m);
    ASSERT_EQ(head.size(), kFrameHeaderSize + bulkPrefixSize(type));
    FrameHeader header;
    ASSERT_EQ(decodeHeader(head, {1 << 20, 1000}, header), DecodeError::None);
    EXPECT_EQ(header.flags, kSharedFloatsFlag);
    EXPECT_TRUE(isBulkFrame(header));
    EXPECT_TRUE(floatsAreShared(header));
    const std::span<const std::uint8_t> prefix(head.data() + kFrameHeaderSize, bulkPrefixSize(type));
    Message out;
    EXPECT_EQ(decodeBulkPrefix(header, prefix, {1 << 20, 1000}, out), DecodeError::None);
    EXPECT_EQ(bulkValues(out).size(), 1000u);
    EXPECT_EQ(decodeBulkPrefix(header, prefix, {1 << 20, 999}, out), DecodeError::WrongModelSize);
    std::size_t consumed = 0;
    EXPECT_EQ(decodeFrame(head, {1 << 20, 1000}, out, consumed), DecodeError::BadPayload);
    // Without the flag the same fields announce floats that must follow.
    const auto plain = encodeBulkFrameHead(m, values, false);
    ASSERT_EQ(decodeHeader(plain, {1 << 20, 1000}, header), DecodeError::None);
    EXPECT_FALSE(floatsAreShared(header));
    EXPECT_EQ(header.length, bulkPrefixSize(type) + 4000);
  }
  // Only plain floats may be shared: an encoded PUSH and the other messages never are.
  EXPECT_TRUE(hasBulkFloats(Params{}));
  EXPECT_TRUE(hasBulkFloats(Push{}));
  EXPECT_FALSE(hasBulkFloats(Push{PushKind::Gradient, 0, 0, {}, false, 1, 4, {1, 2, 3, 4, 5}}));
  EXPECT_FALSE(hasBulkFloats(Pull{}));
}

// A PARAMS whose floats are the shared parameter region: its own flag, a frame that ends after
// the count (still checked against the model), refused by the pure decoder.
TEST(MessagesTest, APARAMSInTheParameterRegionEndsAfterItsCount) {
  const auto frame = encodeRegionParamsFrame(Params{42, {}}, 1000);
  ASSERT_EQ(frame.size(), kFrameHeaderSize + bulkPrefixSize(MessageType::Params));
  FrameHeader header;
  ASSERT_EQ(decodeHeader(frame, {1 << 20, 1000}, header), DecodeError::None);
  EXPECT_EQ(header.type, MessageType::Params);
  EXPECT_EQ(header.flags, kParamsRegionFlag);
  EXPECT_TRUE(paramsInRegion(header));
  EXPECT_FALSE(floatsAreShared(header));
  const std::span<const std::uint8_t> prefix(frame.data() + kFrameHeaderSize,
                                             bulkPrefixSize(MessageType::Params));
  Message out;
  EXPECT_EQ(decodeBulkPrefix(header, prefix, {1 << 20, 1000}, out, false), DecodeError::None);
  EXPECT_EQ(std::get<Params>(out).version, 42u);
  EXPECT_EQ(bulkFloatCount(prefix), 1000u);
  EXPECT_EQ(decodeBulkPrefix(header, prefix, {1 << 20, 999}, out), DecodeError::WrongModelSize);
  std::size_t consumed = 0;
  EXPECT_EQ(decodeFrame(frame, {1 << 20, 1000}, out, consumed), DecodeError::BadPayload);
  // The flag means nothing on another message, nor does a plain PARAMS carry it.
  FrameHeader pushHeader = header;
  pushHeader.type = MessageType::Push;
  EXPECT_FALSE(paramsInRegion(pushHeader));
  const std::vector<float> values(1000, 1.0f);
  ASSERT_EQ(decodeHeader(encodeBulkFrameHead(Params{42, {}}, values), {1 << 20, 1000}, header),
            DecodeError::None);
  EXPECT_FALSE(paramsInRegion(header));
}

TEST(MessagesTest, TheHeaderIsTheDocumentedLayout) {
  const auto frame = encodeFrame(Pull{0x0102030405060708ULL});
  ASSERT_EQ(frame.size(), kFrameHeaderSize + 8);
  EXPECT_EQ(std::vector<std::uint8_t>(frame.begin(), frame.begin() + 4),
            (std::vector<std::uint8_t>{'D', 'L', 'A', 'B'}));
  EXPECT_EQ(frame[4], kProtocolVersion);
  EXPECT_EQ(frame[5], static_cast<std::uint8_t>(MessageType::Pull));
  EXPECT_EQ(frame[8], 8);      // payload length, little-endian
  EXPECT_EQ(frame[12], 0x08);  // the u64 is little-endian too
}

TEST(MessagesTest, EveryTruncationAsksForMoreBytes) {
  for (const Message& m : oneOfEach()) {
    const auto frame = encodeFrame(m);
    for (std::size_t n = 0; n < frame.size(); ++n) {
      Message out;
      std::size_t consumed = 0;
      ASSERT_EQ(decodeFrame({frame.data(), n}, {}, out, consumed), DecodeError::NeedMoreBytes) << n;
    }
  }
}

TEST(MessagesTest, BadHeadersAreRejected) {
  auto frame = encodeFrame(Heartbeat{});
  Message out;
  std::size_t consumed = 0;
  auto withByte = [&](std::size_t i, std::uint8_t v) {
    auto copy = frame;
    copy[i] = v;
    return decodeFrame(copy, {}, out, consumed);
  };
  EXPECT_EQ(withByte(0, 'X'), DecodeError::BadMagic);
  EXPECT_EQ(withByte(4, kProtocolVersion + 1), DecodeError::BadVersion);
  EXPECT_EQ(withByte(4, kProtocolVersion - 1), DecodeError::BadVersion);
  EXPECT_EQ(withByte(5, 0), DecodeError::UnknownType);
  EXPECT_EQ(withByte(5, 99), DecodeError::UnknownType);
  EXPECT_EQ(withByte(11, 0xff), DecodeError::TooLarge);  // 4 GB announced
}

TEST(MessagesTest, LyingLengthsAreRejectedBeforeAllocating) {
  const DecodeLimits limits{1 << 20, 1000};
  // A push whose float count claims a billion floats over a payload of a few bytes.
  auto frame = encodeFrame(Push{PushKind::Gradient, 1, 1, std::vector<float>(3)});
  const std::size_t countOffset = kFrameHeaderSize + 1 + 1 + 8 + 4;
  const std::uint32_t huge = 1'000'000'000;
  std::memcpy(frame.data() + countOffset, &huge, 4);
  Message out;
  std::size_t consumed = 0;
  g_largestAllocation = 0;
  g_trackAllocations = true;
  const auto wrongSize = decodeFrame(frame, limits, out, consumed);
  const auto noModel = decodeFrame(frame, DecodeLimits{1 << 20, 0}, out, consumed);
  g_trackAllocations = false;
  EXPECT_EQ(wrongSize, DecodeError::WrongModelSize);
  EXPECT_EQ(noModel, DecodeError::BadPayload);
  if (kAllocationsTracked) {
    EXPECT_LT(g_largestAllocation.load(), 4096u);
  }

  // The right model size but a float count that disagrees with the bytes present.
  auto params = encodeFrame(Params{1, std::vector<float>(1000)});
  params.resize(params.size() - 4);
  const std::uint32_t shorter = static_cast<std::uint32_t>(params.size() - kFrameHeaderSize);
  std::memcpy(params.data() + 8, &shorter, 4);
  EXPECT_EQ(decodeFrame(params, limits, out, consumed), DecodeError::BadPayload);
  // And a nonce longer than any we send.
  EXPECT_EQ(
      decodeFrame(encodeFrame(Challenge{std::vector<std::uint8_t>(300)}), limits, out, consumed),
      DecodeError::BadPayload);
}

TEST(MessagesTest, APushWhosePullFlagIsNeitherZeroNorOneIsRejected) {
  auto frame = encodeFrame(Push{PushKind::Gradient, 1, 1, std::vector<float>(3), true});
  ASSERT_EQ(frame[kFrameHeaderSize + 1], 1);  // the flag follows the kind
  frame[kFrameHeaderSize + 1] = 2;
  Message out;
  std::size_t consumed = 0;
  EXPECT_EQ(decodeFrame(frame, {}, out, consumed), DecodeError::BadPayload);
}

TEST(MessagesTest, TrailingBytesInAPayloadAreAnError) {
  auto frame = encodeFrame(Clock{5});
  frame.push_back(0);
  const std::uint32_t length = 9;
  std::memcpy(frame.data() + 8, &length, 4);
  Message out;
  std::size_t consumed = 0;
  EXPECT_EQ(decodeFrame(frame, {}, out, consumed), DecodeError::BadPayload);
}

TEST(MessagesTest, RandomCorruptionNeverCrashesOrOverreads) {
  // 20,000 frames with random bytes flipped or cut: each decodes or fails cleanly. Run under
  // AddressSanitizer this also proves no read outside the buffer.
  const auto messages = oneOfEach();
  Rng rng(17);
  int decoded = 0;
  for (int i = 0; i < 20000; ++i) {
    auto frame = encodeFrame(messages[rng.below(messages.size())]);
    const int flips = 1 + static_cast<int>(rng.below(4));
    for (int f = 0; f < flips; ++f)
      frame[rng.below(frame.size())] = static_cast<std::uint8_t>(rng.below(256));
    frame.resize(rng.below(frame.size() + 1));
    Message out;
    std::size_t consumed = 0;
    if (decodeFrame(frame, DecodeLimits{1 << 16, 1000}, out, consumed) == DecodeError::None) {
      ++decoded;
      EXPECT_LE(consumed, frame.size());
    }
  }
  EXPECT_GT(decoded, 0);  // some corruptions hit values only and still decode
}

}  // namespace
}  // namespace distlab::engine
