#include "telemetry/flat_json_line.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "event_samples.h"
#include "telemetry/json_lines.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kKinds = std::variant_size_v<Event>;

// What the full JSON reader makes of a line ("" when it refuses it).
std::string full(std::string_view line) {
  Event e;
  return fromJsonLineFull(line, e) ? toJsonLine(e) : std::string();
}

TEST(FlatJsonLineTest, ReadsTheFlatRecordsAsTheyWereWritten) {
  testing::RandomFields random(21);
  std::size_t read = 0;
  for (std::size_t kind = 0; kind < kKinds; ++kind) {
    SCOPED_TRACE(eventName(kind));
    for (int i = 0; i < 200; ++i) {
      const Event event = random.event(kind);
      const std::string line = toJsonLine(event);
      Event back;
      if (!fromFlatJsonLine(line, back)) continue;  // not flat: the full reader's
      ++read;
      testing::expectSameEvent(event, back);
      EXPECT_EQ(toJsonLine(back), line);
    }
  }
  // The bulk of a long log: every span, traffic, step loss and staleness record.
  for (const char* name : {"span", "traffic", "step_loss", "staleness"}) {
    std::size_t kind = 0;
    while (std::string(eventName(kind)) != name) ++kind;
    Event back;
    EXPECT_TRUE(fromFlatJsonLine(toJsonLine(random.event(kind)), back)) << name;
  }
  EXPECT_GT(read, 800u);
}

TEST(FlatJsonLineTest, SpacesAndFieldOrderDoNotMatterAndTheLastOfTwoFieldsWins) {
  const std::string line =
      R"( { "bytes" : 12 , "t1":250,"e":"span", "lane":-1,"kind":"aggregate","t0":100,"step":7,"step":8,"extra":true} )";
  Event back;
  ASSERT_TRUE(fromFlatJsonLine(line, back));
  EXPECT_EQ(toJsonLine(back), full(line));
  EXPECT_EQ(std::get<Span>(back).step, 8u);
  EXPECT_EQ(std::get<Span>(back).bytes, 12u);
}

TEST(FlatJsonLineTest, ReadsNumbersAsTheFullReaderDoes) {
  // "-0" is the integer 0 to the full reader (so +0.0 in a float field); "-0.0" is -0.0.
  for (const char* loss :
       {"-0", "-0.0", "0", "1e-320", "123456789012345678", "-2.5E+3", "1.7e308"}) {
    const std::string line =
        std::string(R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":)") + loss + "}";
    Event back;
    ASSERT_TRUE(fromFlatJsonLine(line, back)) << line;
    EXPECT_EQ(toJsonLine(back), full(line)) << line;
  }
}

TEST(FlatJsonLineTest, LeavesToTheFullReaderWhatItDoesNotReadExactly) {
  const char* lines[] = {
      R"({"e":"span","lane":0,"kind":"com\u0070ute","t0":0,"t1":1,"step":0,"bytes":0})",  // escape
      R"({"e":"span","lane":0,"kind":"compute","t0":01,"t1":1,"step":0,"bytes":0})",   // not JSON
      R"({"e":"span","lane":0,"kind":"compute","t0":1.0,"t1":1,"step":0,"bytes":0})",  // not whole
      R"({"e":"span","lane":0,"kind":"compute","t0":1e3,"t1":1,"step":0,"bytes":0})",
      R"({"e":"span","lane":0,"kind":"compute","t0":0,"t1":1,"step":-1,"bytes":0})",  // range
      R"({"e":"span","lane":0,"kind":"compute","t0":0,"t1":1,"step":0})",             // missing
      R"({"e":"span","lane":0,"kind":"nap","t0":0,"t1":1,"step":0,"bytes":0})",  // unknown name
      R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":"NaN"})",
      R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":true})",
      R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":1} x)",
      R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":.5})",
      R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":[1]})",
      R"({"e":"step_loss","t":1,"w":0,"step":2,"loss":1e999})",  // beyond a double
      // a number the full reader cannot hold, in an "e" that the last "e" hides (found by
      // fuzz_events in CI)
      R"({"e":55555E5555278777783, "e":"rounds_lost","t":5,"rounds":2})",
      R"({"x":-1E400,"e":"rounds_lost","t":5,"rounds":2})",
      R"({"x":1.5e999,"e":"rounds_lost","t":5,"rounds":2})",
      R"({"e":"notice","t":1,"kind":"checkpoint_failed","w":0,"value":0,"text":"进程"})",
      R"({"e":"lifecycle","t":1})",
      "{}",
      "",
  };
  for (const char* line : lines) {
    Event back;
    EXPECT_FALSE(fromFlatJsonLine(line, back)) << line;
  }
}

// Any line the fast path reads, the full reader reads to the same record: valid lines of
// every kind with bytes changed at random, thousands of them.
TEST(FlatJsonLineTest, AgreesWithTheFullReaderOnDamagedLines) {
  testing::RandomFields random(22);
  std::mt19937 rng(23);
  const std::string alphabet = "0123456789-+.eE\"{}[],: tfnaul\\x";
  std::size_t agreed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string line = toJsonLine(random.event(static_cast<std::size_t>(i) % kKinds));
    for (int k = 0; k < 1 + i % 3; ++k) {
      const std::size_t at = rng() % line.size();
      switch (rng() % 3) {
        case 0:
          line[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          line.erase(at, 1);
          break;
        default:
          line.insert(at, 1, alphabet[rng() % alphabet.size()]);
      }
    }
    Event fast;
    if (!fromFlatJsonLine(line, fast)) continue;
    const std::string reference = full(line);
    ASSERT_FALSE(reference.empty()) << "the full reader refuses what the fast path read: " << line;
    ASSERT_EQ(toJsonLine(fast), reference) << line;
    ++agreed;
  }
  EXPECT_GT(agreed, 500u);  // damaged lines the fast path still read (about 4%)
}

TEST(FlatJsonLineTest, ALongLogDecodesInTwoHalvesToTheSameEventsAndNamesABadLine) {
  testing::RandomFields random(24);
  std::vector<Event> events;
  std::string text;
  while (text.size() < (9u << 20)) {  // past the size decoded in two halves
    events.push_back(random.event(events.size() % kKinds));
    text += toJsonLine(events.back()) + "\n";
  }
  std::vector<Event> back;
  std::string error;
  ASSERT_TRUE(decodeJsonLines(text, back, &error)) << error;
  ASSERT_EQ(back.size(), events.size());
  for (std::size_t i = 0; i < events.size(); i += 997) testing::expectSameEvent(events[i], back[i]);
  EXPECT_EQ(toJsonLine(back.back()), toJsonLine(events.back()));
  // A bad line in the second half: named by its number in the whole text.
  const std::size_t cut = text.find('\n', text.size() * 3 / 4);
  std::size_t lineNumber = 1;
  for (std::size_t i = 0; i <= cut; ++i) lineNumber += text[i] == '\n';
  text.insert(cut + 1, "{oops}\n");
  back.clear();
  EXPECT_FALSE(decodeJsonLines(text, back, &error));
  EXPECT_EQ(error.rfind("line " + std::to_string(lineNumber) + ": not JSON", 0), 0u) << error;
  EXPECT_EQ(back.size(), lineNumber - 1);
}

}  // namespace
}  // namespace distlab::engine
