// The hand-written lines must be exactly what nlohmann's writer makes of the same fields, and
// the hand-written reader must take nothing the generic one would read differently.
#include "telemetry/event_fast_path.h"

#include <cstdint>
#include <limits>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace distlab::engine {
namespace {

using OrderedJson = nlohmann::ordered_json;

std::string generic(const Span& s) {
  OrderedJson j;
  j["e"] = "span";
  j["lane"] = s.lane;
  j["kind"] = spanKindName(s.kind);
  j["t0"] = s.startNs;
  j["t1"] = s.endNs;
  j["step"] = s.step;
  j["bytes"] = s.bytes;
  return j.dump();
}

std::string generic(const TrafficRecord& r) {
  OrderedJson j;
  j["e"] = "traffic";
  j["t"] = r.timeNs;
  j["w"] = r.worker;
  j["dir"] = directionName(r.direction);
  j["type"] = messageTypeName(r.type);
  j["bytes"] = r.bytes;
  return j.dump();
}

std::string generic(const StalenessRecord& r) {
  OrderedJson j;
  j["e"] = "staleness";
  j["t"] = r.timeNs;
  j["w"] = r.worker;
  j["version"] = r.version;
  j["staleness"] = r.staleness;
  j["clock_gap"] = r.clockGap;
  return j.dump();
}

template <typename T>
void expectSameLineAndRoundTrip(const T& value) {
  std::string line;
  ASSERT_TRUE(appendFastJsonLine(line, Event{value}));
  ASSERT_EQ(line, generic(value));
  EXPECT_EQ(toJsonLine(Event{value}), line);
  Event back;
  ASSERT_TRUE(parseFastJsonLine(line, back)) << line;
  ASSERT_EQ(toJsonLine(back), line);
}

TEST(EventFastPathTest, WritesWhatTheGenericWriterWritesAndReadsItBack) {
  std::mt19937_64 rng(7);
  const std::int64_t extremes[] = {0, -1, 1, std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max()};
  for (int i = 0; i < 2000; ++i) {
    const auto any = static_cast<std::int64_t>(rng());
    const std::int64_t t = i < 5 ? extremes[i] : any >> (i % 60);
    const auto u = i < 5 ? static_cast<std::uint64_t>(extremes[i]) : rng() >> (i % 64);
    const int lane = i < 5 ? static_cast<int>(extremes[i] >> 32) : static_cast<int>(any % 70) - 1;
    expectSameLineAndRoundTrip(
        Span{lane, static_cast<SpanKind>(i % 6), t, t / 3, u, u / 7});
    expectSameLineAndRoundTrip(TrafficRecord{t, lane, static_cast<Direction>(i % 2),
                                             static_cast<MessageType>(1 + i % 13), u});
    expectSameLineAndRoundTrip(StalenessRecord{t, lane, u, u % 1000, u % 17});
  }
}

TEST(EventFastPathTest, LeavesEveryOtherLineToTheGenericReader) {
  Event out;
  const std::string good = R"({"e":"span","lane":0,"kind":"compute","t0":5,"t1":9,"step":2,"bytes":0})";
  ASSERT_TRUE(parseFastJsonLine(good, out));
  const std::string others[] = {
      R"({"e": "span","lane":0,"kind":"compute","t0":5,"t1":9,"step":2,"bytes":0})",  // spacing
      R"({"e":"span","kind":"compute","lane":0,"t0":5,"t1":9,"step":2,"bytes":0})",   // order
      R"({"e":"span","lane":0,"kind":"compute","t0":5,"t1":9,"step":2,"bytes":0,"x":1})",
      R"({"e":"span","lane":0,"kind":"compute","t0":05,"t1":9,"step":2,"bytes":0})",  // not JSON
      R"({"e":"span","lane":+0,"kind":"compute","t0":5,"t1":9,"step":2,"bytes":0})",
      R"({"e":"span","lane":0,"kind":"compute","t0":5,"t1":9,"step":-2,"bytes":0})",  // unsigned
      R"({"e":"span","lane":0,"kind":"compute","t0":5,"t1":9.5,"step":2,"bytes":0})",
      R"({"e":"span","lane":4294967296,"kind":"compute","t0":5,"t1":9,"step":2,"bytes":0})",
      R"({"e":"span","lane":0,"kind":"unknown","t0":5,"t1":9,"step":2,"bytes":0})",
      R"({"e":"span","lane":0,"kind":"sleep","t0":5,"t1":9,"step":2,"bytes":0})",
      R"({"e":"span","lane":0,"kind":"compute","t0":5,"t1":9,"step":2,"bytes":0}  )",
      R"({"e":"traffic","t":1,"w":0,"dir":"sideways","type":"push","bytes":3})",
      R"({"e":"staleness","t":1,"w":0,"version":2,"staleness":0,"clock_gap":1)",  // cut short
      R"({"e":"metric","t":1,"name":"train_loss","w":0,"step":1,"v":0.5})",
      "",
  };
  for (const auto& line : others) EXPECT_FALSE(parseFastJsonLine(line, out)) << line;
  // The generic reader still takes the valid ones among them and explains the rest.
  EXPECT_TRUE(fromJsonLine(others[0], out));
  EXPECT_TRUE(fromJsonLine(others[1], out));
  std::string why;
  EXPECT_FALSE(fromJsonLine(others[7], out, &why));
  EXPECT_NE(why.find("out of range"), std::string::npos) << why;
  EXPECT_FALSE(fromJsonLine(others[9], out, &why));
  EXPECT_NE(why.find("compute"), std::string::npos) << why;  // names the allowed values
}

}  // namespace
}  // namespace distlab::engine
