#include "telemetry/event_file_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../test_support.h"
#include "event_samples.h"
#include "telemetry/json_lines.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kKinds = std::variant_size_v<Event>;

class EventFileReaderTest : public testing::TempDirTest {
 protected:
  // About `bytes` of lines of every kind; the events written.
  std::vector<Event> writeLog(std::size_t bytes, const std::string& tail = "") {
    testing::RandomFields random(31);
    std::vector<Event> events;
    std::ofstream out(path("events.jsonl"), std::ios::binary);
    std::size_t written = 0;
    while (written < bytes) {
      events.push_back(random.event(events.size() % kKinds));
      const std::string line = toJsonLine(events.back()) + "\n";
      out << line;
      written += line.size();
    }
    out << tail;
    return events;
  }
};

TEST_F(EventFileReaderTest, ReadsALogLongerThanABlockInBlocksWithNothingLostAtTheSeams) {
  const auto events = writeLog(20u << 20);  // three blocks, lines cut at each seam
  EventFileReader reader(path("events.jsonl"));
  std::vector<Event> block, all;
  int blocks = 0;
  while (reader.next(block)) {
    ++blocks;
    all.insert(all.end(), block.begin(), block.end());
  }
  EXPECT_TRUE(reader.error().empty()) << reader.error();
  EXPECT_FALSE(reader.endsCutShort());
  EXPECT_GE(blocks, 3);
  ASSERT_EQ(all.size(), events.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    ASSERT_EQ(toJsonLine(all[i]), toJsonLine(events[i])) << "event " << i;
  }
  EXPECT_EQ(readEventsFile(path("events.jsonl")).size(), events.size());
}

TEST_F(EventFileReaderTest, APartLastLineIsLeftOutAndABadLineIsNamedByItsNumberInTheFile) {
  auto events = writeLog(10u << 20, R"({"e":"step_loss","t":1,"w":0,)");
  EventFileReader reader(path("events.jsonl"));
  std::vector<Event> block;
  std::size_t count = 0;
  while (reader.next(block)) count += block.size();
  EXPECT_EQ(count, events.size());
  EXPECT_TRUE(reader.endsCutShort());
  EXPECT_TRUE(reader.error().empty());

  // A bad line far into the second block.
  events = writeLog(10u << 20, "{\"e\":\"oops\"}\n" + toJsonLine(events[0]) + "\n");
  EventFileReader bad(path("events.jsonl"));
  count = 0;
  while (bad.next(block)) count += block.size();
  EXPECT_EQ(count + block.size(), events.size());  // everything before it was read
  EXPECT_EQ(
      bad.error().rfind("line " + std::to_string(events.size() + 1) + ": unknown event type", 0),
      0u)
      << bad.error();
  EXPECT_NE(testing::errorOf([&] { readEventsFile(path("events.jsonl")); }).find("oops"),
            std::string::npos);
  EXPECT_NE(testing::errorOf([&] {
              EventFileReader none(path("none.jsonl"));
            }).find("cannot open events file"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
