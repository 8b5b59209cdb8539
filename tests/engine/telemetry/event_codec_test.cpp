#include <cstring>
#include <random>

#include <gtest/gtest.h>

#include "comm/messages.h"
#include "telemetry/event_codec.h"
#include "event_samples.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kKinds = std::variant_size_v<Event>;

TEST(EventCodecTest, EveryKindRoundTripsWithEveryField) {
  testing::RandomFields random(1);
  for (std::size_t kind = 0; kind < kKinds; ++kind) {
    SCOPED_TRACE(eventName(kind));
    for (int i = 0; i < 200; ++i) {
      const Event event = random.event(kind);
      std::vector<std::uint8_t> bytes;
      appendRecord(bytes, event);
      std::vector<Event> back;
      const auto r = decodeRecords(bytes, back);
      ASSERT_TRUE(r.ok) << r.error;
      ASSERT_EQ(back.size(), 1u);
      EXPECT_EQ(r.unknown, 0u);
      testing::expectSameEvent(event, back.front());
    }
  }
}

TEST(EventCodecTest, ABatchOfMixedKindsDecodesInOrder) {
  testing::RandomFields random(2);
  std::vector<Event> events;
  for (int i = 0; i < 500; ++i) events.push_back(random.event(static_cast<std::size_t>(i) % kKinds));
  std::vector<Event> back;
  const auto r = decodeRecords(encodeRecords(events), back);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.records, events.size());
  ASSERT_EQ(back.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) testing::expectSameEvent(events[i], back[i]);
}

TEST(EventCodecTest, RecordsOfANewerEngineAreSkippedAndCounted) {
  std::vector<std::uint8_t> bytes;
  appendRecord(bytes, Span{1, SpanKind::Push, 10, 20, 3, 4});
  const std::uint8_t unknown[] = {200, 3, 0, 0, 0, 'a', 'b', 'c'};  // kind 200, 3 bytes
  bytes.insert(bytes.end(), std::begin(unknown), std::end(unknown));
  appendRecord(bytes, RoundsLost{5, 2});
  std::vector<Event> back;
  const auto r = decodeRecords(bytes, back);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.unknown, 1u);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(std::get<RoundsLost>(back[1]).rounds, 2u);
}

TEST(EventCodecTest, FieldsAppendedByANewerEngineAreIgnored) {
  std::vector<std::uint8_t> bytes;
  appendRecord(bytes, KeysExchanged{7, 4});
  bytes.push_back(0xAB);  // one more field than this build knows
  const std::uint32_t longer = static_cast<std::uint32_t>(bytes.size() - 5);
  std::memcpy(bytes.data() + 1, &longer, sizeof longer);
  std::vector<Event> back;
  ASSERT_TRUE(decodeRecords(bytes, back).ok);
  EXPECT_EQ(std::get<KeysExchanged>(back.front()).keys, 4);
}

TEST(EventCodecTest, DataCutAnywhereIsRefusedWithTheRecordItBrokeIn) {
  testing::RandomFields random(3);
  std::vector<Event> events;
  for (std::size_t kind = 0; kind < kKinds; ++kind) events.push_back(random.event(kind));
  const auto bytes = encodeRecords(events);
  for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
    std::vector<Event> back;
    const auto r = decodeRecords(std::span(bytes).first(cut), back);
    if (r.ok) {  // cut exactly between two records
      EXPECT_LT(back.size(), events.size());
      continue;
    }
    EXPECT_NE(r.error.find("record " + std::to_string(back.size() + 1)), std::string::npos)
        << r.error;
  }
}

TEST(EventCodecTest, ABadEnumOrAnOversizedCountIsRefusedBeforeAllocating) {
  std::vector<std::uint8_t> bytes;
  appendRecord(bytes, Span{1, SpanKind::Push, 10, 20, 3, 4});
  bytes[5 + 4] = 77;  // the span's kind, after its 4-byte lane
  std::vector<Event> back;
  auto r = decodeRecords(bytes, back);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("enum"), std::string::npos) << r.error;

  bytes.clear();
  appendRecord(bytes, RunStarted{1, "cluster", 2, 0, 0, 0, "bsp", "shards"});
  const std::uint32_t huge = 0xFFFFFFF0u;  // the experiment's length
  std::memcpy(bytes.data() + 5 + 8, &huge, sizeof huge);
  back.clear();
  r = decodeRecords(bytes, back);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("count"), std::string::npos) << r.error;
}

// Random damage never crashes the decoder nor makes it allocate without bound.
TEST(EventCodecTest, EditedBytesAreDecodedOrRefusedNeverCrash) {
  testing::RandomFields random(4);
  std::vector<Event> events;
  for (int i = 0; i < 60; ++i) events.push_back(random.event(static_cast<std::size_t>(i) % kKinds));
  const auto clean = encodeRecords(events);
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 3000; ++trial) {
    auto bytes = clean;
    for (int edits = 1 + static_cast<int>(rng() % 4); edits > 0; --edits) {
      bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
    }
    std::vector<Event> back;
    const auto r = decodeRecords(bytes, back);
    EXPECT_EQ(r.ok, r.error.empty());
  }
}

TEST(EventCodecTest, ATelemetryFrameCarriesTheContractsVersion) {
  const auto records = encodeRecords(std::vector<Event>{StepLoss{1, 0, 2, 0.5}});
  const Telemetry message = telemetryOf(records);
  EXPECT_EQ(message.version, kEventsVersion);
  // Through the frame codec, as the stream carries it.
  const auto frame = encodeFrame(message);
  Message decoded;
  std::size_t consumed = 0;
  ASSERT_EQ(decodeFrame(frame, DecodeLimits{}, decoded, consumed), DecodeError::None);
  std::vector<Event> back;
  ASSERT_TRUE(decodeTelemetry(std::get<Telemetry>(decoded), back).ok);
  EXPECT_EQ(std::get<StepLoss>(back.front()).loss, 0.5);

  Telemetry older = message;
  older.version = 1;
  back.clear();
  const auto r = decodeTelemetry(older, back);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("events version 1"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace distlab::engine
