#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "core/text_file.h"
#include "event_samples.h"
#include "telemetry/event_log.h"
#include "telemetry/json_lines.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kKinds = std::variant_size_v<Event>;

TEST(JsonLinesTest, EveryKindRoundTripsWithEveryField) {
  testing::RandomFields random(11);
  for (std::size_t kind = 0; kind < kKinds; ++kind) {
    SCOPED_TRACE(eventName(kind));
    for (int i = 0; i < 100; ++i) {
      const Event event = random.event(kind);
      const std::string line = toJsonLine(event);
      EXPECT_EQ(line.find('\n'), std::string::npos) << line;
      Event back;
      std::string error;
      ASSERT_TRUE(fromJsonLine(line, back, &error)) << error << "\n" << line;
      testing::expectSameEvent(event, back);
      EXPECT_EQ(toJsonLine(back), line);
    }
  }
}

TEST(JsonLinesTest, OneObjectWithTheKindFirstAndTheFieldsInTheirOrder) {
  EXPECT_EQ(toJsonLine(Span{kServerLane, SpanKind::Aggregate, 100, 250, 7, 0}),
            R"({"e":"span","lane":-1,"kind":"aggregate","t0":100,"t1":250,"step":7,"bytes":0})");
  EXPECT_EQ(toJsonLine(Traffic{5, 1, Direction::ToWorker, MessageType::Params,
                               TrafficKind::Parameters, 4096, 4096}),
            R"({"e":"traffic","t":5,"w":1,"dir":"to_worker","type":"params","kind":"parameters",)"
            R"("bytes":4096,"raw_bytes":4096})");
  EXPECT_EQ(toJsonLine(StepLoss{5, 0, 3, std::nan("")}),
            R"({"e":"step_loss","t":5,"w":0,"step":3,"loss":"nan"})");
  EXPECT_EQ(toJsonLine(WorkerState{5, 2, WorkerStatus::Died, WorkerReason::Killed, 77, 0, 0, 0}),
            R"({"e":"worker","t":5,"w":2,"status":"died","reason":"killed","pid":77,"clock":0,)"
            R"("value":0,"code":0})");
  EXPECT_EQ(toJsonLine(AttackProgress{1, 25, 0.5, 12.25, Image{2, 1, 1, {0, 255}}}),
            R"({"e":"attack_progress","t":1,"iteration":25,"objective":0.5,"psnr":12.25,)"
            R"("image":{"width":2,"height":1,"channels":1,"pixels":"AP8="}})");
}

TEST(JsonLinesTest, KeepsChineseReadableAndReplacesBytesThatAreNotUtf8) {
  const std::string line = toJsonLine(PushCaptured{1, 0, 3, "进程 \"x\"\n"});
  EXPECT_NE(line.find("进程 \\\"x\\\"\\n"), std::string::npos) << line;
  Event back;
  ASSERT_TRUE(fromJsonLine(toJsonLine(PushCaptured{1, 0, 3, "cut \xE5\xB7 end"}), back));
  EXPECT_EQ(std::get<PushCaptured>(back).folder, "cut \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST(JsonLinesTest, ALessonStageSaysItsSettingsAndAnOlderLineStillReads) {
  const LessonStage stage{7, "security", 1, 9, {{"security.attack", "sign-flip"},
                                                {"security.aggregator", "krum"}}, 5};
  const std::string line = toJsonLine(stage);
  EXPECT_EQ(line, R"({"e":"lesson_stage","t":7,"lesson":"security","stage":1,"stages":9,)"
                  R"("settings":[{"field":"security.attack","value":"sign-flip"},)"
                  R"({"field":"security.aggregator","value":"krum"}],"workers":5})");
  Event back;
  ASSERT_TRUE(fromJsonLine(line, back));
  const auto& read = std::get<LessonStage>(back);
  ASSERT_EQ(read.settings.size(), 2u);
  EXPECT_EQ(read.settings[1].field, "security.aggregator");
  EXPECT_EQ(read.settings[1].value, "krum");
  // Version 12 wrote a label instead: the line reads, with no settings.
  std::string why;
  ASSERT_TRUE(fromJsonLine(R"({"e":"lesson_stage","t":7,"lesson":"aggregation","stage":1,)"
                           R"("stages":4,"label":"MA-DNN","workers":4})",
                           back, &why))
      << why;
  EXPECT_TRUE(std::get<LessonStage>(back).settings.empty());
  EXPECT_EQ(std::get<LessonStage>(back).workers, 4);
  // A missing setting's value is still a bad line: only a whole list may be missing.
  EXPECT_FALSE(fromJsonLine(R"({"e":"lesson_stage","t":7,"lesson":"x","stage":1,"stages":4,)"
                            R"("settings":[{"field":"a"}],"workers":4})",
                            back, &why));
  EXPECT_NE(why.find("missing field \"settings.value\""), std::string::npos) << why;
}

TEST(JsonLinesTest, ABadLineIsRefusedWithItsProblemNamed) {
  struct Case {
    const char* line;
    const char* expected;
  };
  const Case cases[] = {
      {"not json", "not JSON"},
      {"[1, 2]", "not a JSON object"},
      {R"({"t": 1})", "missing field \"e\""},
      {R"({"e": 3})", "field \"e\" has the wrong type"},
      {R"({"e": "lifecycle"})", "unknown event type \"lifecycle\""},
      {R"({"e":"step_loss","t":1,"w":0,"step":2})", "missing field \"loss\" in step_loss event"},
      {R"({"e":"step_loss","t":1,"w":0,"step":-2,"loss":1})",
       "field \"step\" is out of range: -2 in step_loss event"},
      {R"({"e":"span","lane":0,"kind":"nap","t0":0,"t1":1,"step":0,"bytes":0})",
       "field \"kind\" has an unknown value \"nap\"; expected one of compute, push"},
      {R"({"e":"attack_progress","t":1,"iteration":1,"objective":0,"psnr":0,"image":{"width":1}})",
       "missing field \"image.height\""},
      {R"({"e":"attack_progress","t":1,"iteration":1,"objective":0,"psnr":0,)"
       R"("image":{"width":1,"height":1,"channels":1,"pixels":"!!"}})",
       "field \"image.pixels\" has the wrong type"},
  };
  for (const auto& c : cases) {
    Event out;
    std::string error;
    EXPECT_FALSE(fromJsonLine(c.line, out, &error)) << c.line;
    EXPECT_NE(error.find(c.expected), std::string::npos) << c.line << " -> " << error;
    EXPECT_FALSE(fromJsonLine(c.line, out));  // no error pointer: must not crash
  }
}

TEST(JsonLinesTest, LinesDecodeInOrderAndABadOneIsNamedByNumber) {
  testing::RandomFields random(12);
  std::vector<Event> events;
  for (std::size_t kind = 0; kind < kKinds; ++kind) events.push_back(random.event(kind));
  std::string text = encodeJsonLines(events);
  std::vector<Event> back;
  std::string error;
  ASSERT_TRUE(decodeJsonLines("\n" + text + "\n\n", back, &error)) << error;
  ASSERT_EQ(back.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) testing::expectSameEvent(events[i], back[i]);
  back.clear();
  EXPECT_FALSE(decodeJsonLines(toJsonLine(events[0]) + "\n{\n", back, &error));
  EXPECT_EQ(error.rfind("line 2: ", 0), 0u) << error;
  EXPECT_EQ(back.size(), 1u);
}

class EventLogTest : public testing::TempDirTest {};

TEST_F(EventLogTest, BuffersUntilFlushedAndDecodesToTheSameEvents) {
  testing::RandomFields random(13);
  const auto file = path("events.jsonl");
  std::vector<Event> events;
  {
    EventLog log(file);
    EXPECT_EQ(log.path(), file.string());
    for (std::size_t kind = 0; kind < kKinds; ++kind) {
      events.push_back(random.event(kind));
      log.append(events.back());
    }
    EXPECT_EQ(std::filesystem::file_size(file), 0u);
    EXPECT_EQ(log.written(), events.size());
    log.flush();
    EXPECT_GT(std::filesystem::file_size(file), 0u);
    log.append(RoundsLost{1, 1});
    events.push_back(RoundsLost{1, 1});
  }  // the destructor flushes the rest
  std::vector<Event> back;
  std::string error;
  ASSERT_TRUE(decodeJsonLines(readTextFile(file), back, &error)) << error;
  ASSERT_EQ(back.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) testing::expectSameEvent(events[i], back[i]);
}

TEST_F(EventLogTest, WritesByItselfWhenTheBufferGetsLargeInWholeLines) {
  const auto file = path("events.jsonl");
  EventLog log(file);
  const PushCaptured big{1, 0, 3, std::string(1000, 'x')};
  for (int i = 0; i < 2000; ++i) log.append(big);  // about 2 MB
  const std::string text = readTextFile(file);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  std::vector<Event> back;
  EXPECT_TRUE(decodeJsonLines(text, back));
  EXPECT_LT(back.size(), 2000u);
}

TEST_F(EventLogTest, TruncatesAnOldFileAndSaysWhichPathCannotBeOpened) {
  const auto file = path("events.jsonl");
  testing::writeRaw(file, {'o', 'l', 'd', '\n'});
  { EventLog log(file); }
  EXPECT_EQ(std::filesystem::file_size(file), 0u);
  const auto missing = path("no_such_folder") / "events.jsonl";
  const std::string message = testing::errorOf([&] { EventLog log(missing); });
  EXPECT_NE(message.find(missing.string()), std::string::npos) << message;
  EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
}

TEST(EventsTest, EventTimeIsWhenItHappenedAndShiftMovesEveryStamp) {
  EXPECT_EQ(eventTime(Span{0, SpanKind::Compute, 10, 20, 0, 0}), 10);
  EXPECT_EQ(eventTime(Evaluation{.timeNs = 12}), 12);
  Event span = Span{0, SpanKind::Compute, 10, 20, 0, 0};
  shiftTime(span, 5);
  EXPECT_EQ(std::get<Span>(span).startNs, 15);
  EXPECT_EQ(std::get<Span>(span).endNs, 25);
  Event loss = StepLoss{100, 0, 0, 1};
  shiftTime(loss, -40);
  EXPECT_EQ(eventTime(loss), 60);
}

TEST(EventsTest, EveryEnumValueHasANameAndOthersAreUnknown) {
  EXPECT_STREQ(enumName(SpanKind::Evaluate), "evaluate");
  EXPECT_STREQ(enumName(static_cast<SpanKind>(200)), "unknown");
  EXPECT_STREQ(enumName(MessageType::Keys), "keys");
  EXPECT_STREQ(enumName(static_cast<MessageType>(0)), "unknown");
  EXPECT_STREQ(enumName(EndReason::Failed), "failed");
  for (std::size_t k = 0; k < kKinds; ++k) EXPECT_STRNE(eventName(k), "unknown");
  EXPECT_STREQ(eventName(kKinds), "unknown");
}

}  // namespace
}  // namespace distlab::engine
