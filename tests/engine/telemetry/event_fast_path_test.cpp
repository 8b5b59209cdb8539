// The hand-written lines must be exactly what the generic (nlohmann) writer makes of the same
// event, and the hand-written reader must never read a line differently from the generic one.
#include "telemetry/event_fast_path.h"

#include <cstdint>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "telemetry/events_generic.h"

namespace distlab::engine {
namespace {

std::vector<Event> randomEvents(std::mt19937_64& rng, int n) {
  const std::int64_t extremes[] = {0, -1, 1, std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max()};
  std::vector<Event> events;
  for (int i = 0; i < n; ++i) {
    const auto any = static_cast<std::int64_t>(rng());
    const std::int64_t t = i < 5 ? extremes[i] : any >> (i % 60);
    const auto u = i < 5 ? static_cast<std::uint64_t>(extremes[i]) : rng() >> (i % 64);
    const int lane = i < 5 ? static_cast<int>(extremes[i] >> 32) : static_cast<int>(any % 70) - 1;
    events.push_back(Span{lane, static_cast<SpanKind>(i % 6), t, t / 3, u, u / 7});
    events.push_back(TrafficRecord{t, lane, static_cast<Direction>(i % 2),
                                   static_cast<MessageType>(1 + i % 13), u});
    events.push_back(StalenessRecord{t, lane, u, u % 1000, u % 17});
  }
  return events;
}

TEST(EventFastPathTest, WritesWhatTheGenericWriterWritesAndReadsItBack) {
  std::mt19937_64 rng(7);
  for (const Event& event : randomEvents(rng, 2000)) {
    std::string line;
    ASSERT_TRUE(appendFastJsonLine(line, event));
    ASSERT_EQ(line, toJsonLineGeneric(event));
    Event fast, generic;
    ASSERT_TRUE(parseFastJsonLine(line, fast)) << line;
    ASSERT_TRUE(fromJsonLineGeneric(line, generic)) << line;
    ASSERT_EQ(toJsonLineGeneric(fast), line);
    ASSERT_EQ(toJsonLineGeneric(generic), line);
  }
  // Other kinds are not its business.
  std::string line;
  EXPECT_FALSE(appendFastJsonLine(line, Metric{1, "train_loss", 0, 1, 0.5}));
  EXPECT_TRUE(line.empty());
}

// Random edits of valid lines: whatever the fast reader accepts, the generic one must accept and
// read to the same event. (Most edits break the line; the fast reader then declines.)
TEST(EventFastPathTest, NeverReadsALineDifferentlyFromTheGenericReader) {
  std::mt19937_64 rng(11);
  const std::string alphabet = "0123456789-+.eE\"{}:,abcdefghijklmnopqrstuvwxyz_ \\";
  int accepted = 0;
  for (const Event& event : randomEvents(rng, 400)) {
    const std::string valid = toJsonLineGeneric(event);
    for (int edit = 0; edit < 40; ++edit) {
      std::string line = valid;
      const int changes = 1 + static_cast<int>(rng() % 3);
      for (int c = 0; c < changes && !line.empty(); ++c) {
        const std::size_t at = rng() % line.size();
        const char ch = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0: line[at] = ch; break;
          case 1: line.insert(line.begin() + static_cast<std::ptrdiff_t>(at), ch); break;
          default: line.erase(at, 1);
        }
      }
      Event fast;
      if (!parseFastJsonLine(line, fast)) continue;
      ++accepted;
      Event generic;
      ASSERT_TRUE(fromJsonLineGeneric(line, generic)) << line;
      ASSERT_EQ(toJsonLineGeneric(fast), toJsonLineGeneric(generic)) << line;
    }
  }
  EXPECT_GT(accepted, 100);  // edits of digits keep many lines valid: the check did run
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
      R"({"e":"span","lane":0,"kind":"comp\u0075te","t0":5,"t1":9,"step":2,"bytes":0})",
      R"({"e":"traffic","t":1,"w":0,"dir":"sideways","type":"push","bytes":3})",
      R"({"e":"staleness","t":1,"w":0,"version":2,"staleness":0,"clock_gap":1)",  // cut short
      R"({"e":"metric","t":1,"name":"train_loss","w":0,"step":1,"v":0.5})",
      "",
  };
  for (const auto& line : others) EXPECT_FALSE(parseFastJsonLine(line, out)) << line;
  // The generic reader still takes the valid ones among them and explains the rest.
  EXPECT_TRUE(fromJsonLine(others[0], out));
  EXPECT_TRUE(fromJsonLine(others[1], out));
  EXPECT_TRUE(fromJsonLine(others[11], out));
  std::string why;
  EXPECT_FALSE(fromJsonLine(others[7], out, &why));
  EXPECT_NE(why.find("out of range"), std::string::npos) << why;
  EXPECT_FALSE(fromJsonLine(others[9], out, &why));
  EXPECT_NE(why.find("compute"), std::string::npos) << why;  // names the allowed values
}

}  // namespace
}  // namespace distlab::engine
