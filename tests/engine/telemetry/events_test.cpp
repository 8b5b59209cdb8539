#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "core/text_file.h"
#include "telemetry/event_log.h"
#include "telemetry/events.h"

namespace distlab::engine {
namespace {

constexpr auto kMaxU64 = std::numeric_limits<std::uint64_t>::max();
constexpr auto kMinI64 = std::numeric_limits<std::int64_t>::min();
constexpr auto kMaxI64 = std::numeric_limits<std::int64_t>::max();

// Exact equality (full precision is the point), with NaN equal to NaN and -0.0 unlike 0.0.
void expectSameDouble(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) {
    EXPECT_TRUE(std::isnan(a) && std::isnan(b)) << a << " vs " << b;
    return;
  }
  EXPECT_EQ(a, b);
  EXPECT_EQ(std::signbit(a), std::signbit(b)) << a << " vs " << b;
}

void expectFields(const Span& a, const Span& b) {
  EXPECT_EQ(a.lane, b.lane);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.startNs, b.startNs);
  EXPECT_EQ(a.endNs, b.endNs);
  EXPECT_EQ(a.step, b.step);
  EXPECT_EQ(a.bytes, b.bytes);
}
void expectFields(const TrafficRecord& a, const TrafficRecord& b) {
  EXPECT_EQ(a.timeNs, b.timeNs);
  EXPECT_EQ(a.worker, b.worker);
  EXPECT_EQ(a.direction, b.direction);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.bytes, b.bytes);
}
void expectFields(const Metric& a, const Metric& b) {
  EXPECT_EQ(a.timeNs, b.timeNs);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.worker, b.worker);
  EXPECT_EQ(a.step, b.step);
  expectSameDouble(a.value, b.value);
}
void expectFields(const StalenessRecord& a, const StalenessRecord& b) {
  EXPECT_EQ(a.timeNs, b.timeNs);
  EXPECT_EQ(a.worker, b.worker);
  EXPECT_EQ(a.version, b.version);
  EXPECT_EQ(a.staleness, b.staleness);
  EXPECT_EQ(a.clockGap, b.clockGap);
}
void expectFields(const PartitionRecord& a, const PartitionRecord& b) {
  EXPECT_EQ(a.timeNs, b.timeNs);
  EXPECT_EQ(a.worker, b.worker);
  EXPECT_EQ(a.epoch, b.epoch);
  EXPECT_EQ(a.stats.size, b.stats.size);
  EXPECT_EQ(a.stats.distinct, b.stats.distinct);
  EXPECT_EQ(a.stats.labelCounts, b.stats.labelCounts);
  expectSameDouble(a.stats.unseenFraction, b.stats.unseenFraction);
}
void expectFields(const Lifecycle& a, const Lifecycle& b) {
  EXPECT_EQ(a.timeNs, b.timeNs);
  EXPECT_EQ(a.worker, b.worker);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.detail, b.detail);
}

void expectSame(const Event& a, const Event& b) {
  ASSERT_EQ(a.index(), b.index());
  std::visit([&b](const auto& x) { expectFields(x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
}

void expectSame(const std::vector<Event>& a, const std::vector<Event>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE("event " + std::to_string(i));
    expectSame(a[i], b[i]);
  }
}

PartitionStats sampleStats() {
  PartitionStats stats;
  stats.size = 15000;
  stats.distinct = 9482;
  stats.labelCounts = {1503, 0, 1498, 2, 1500, 1497, 3000, 1, 4000, 1999};
  stats.unseenFraction = 0.36787944117144233;
  return stats;
}

/// Every event type, every enum value, and the awkward values: extremes, non-finite doubles,
/// doubles that need 17 digits, text with Chinese, quotes, backslashes and a newline.
std::vector<Event> sampleEvents() {
  std::vector<Event> events;
  for (int k = 0; k <= static_cast<int>(SpanKind::Evaluate); ++k) {
    events.push_back(Span{k - 1, static_cast<SpanKind>(k), 1'000'000 + k, 2'500'000 + k,
                          static_cast<std::uint64_t>(k * 7), static_cast<std::uint64_t>(k) << 33});
  }
  events.push_back(Span{kServerLane, SpanKind::Wait, kMinI64, kMaxI64, kMaxU64, kMaxU64});
  for (int t = 1; t <= static_cast<int>(MessageType::Keys); ++t) {
    events.push_back(TrafficRecord{123'456'789'012 + t, t % 4,
                                   t % 2 ? Direction::ToServer : Direction::ToWorker,
                                   static_cast<MessageType>(t), 4u * 1'000'000u + 12u});
  }
  events.push_back(Metric{5, "train_loss", 2, 40, 0.1 + 0.2});
  events.push_back(Metric{6, "test_accuracy", kServerLane, 40, 0.8534000000000001});
  events.push_back(Metric{7, "samples_per_s", kServerLane, 41, 61234.5});
  events.push_back(Metric{8, "train_loss", 0, 42, std::numeric_limits<double>::quiet_NaN()});
  events.push_back(Metric{9, "train_loss", 1, 42, std::numeric_limits<double>::infinity()});
  events.push_back(Metric{10, "grad_norm", 1, 42, -std::numeric_limits<double>::infinity()});
  events.push_back(Metric{11, "lr", 1, 42, std::numeric_limits<double>::denorm_min()});
  events.push_back(Metric{12, "delta", 1, 42, -0.0});
  events.push_back(Metric{13, "", 1, 42, 1e300});
  events.push_back(StalenessRecord{14, 3, 1200, 5, 2});
  events.push_back(StalenessRecord{-15, 0, kMaxU64, 0, kMaxU64});
  events.push_back(PartitionRecord{16, 1, 3, sampleStats()});
  events.push_back(PartitionRecord{17, 0, 0, PartitionStats{}});
  for (int k = 0; k <= static_cast<int>(LifecycleKind::Rejected); ++k) {
    events.push_back(
        Lifecycle{100 + k, k - 1, static_cast<LifecycleKind>(k), "step " + std::to_string(k)});
  }
  events.push_back(Lifecycle{200, 2, LifecycleKind::Rejected,
                             "工作节点 2 被拒绝: \"令牌错误\" \\ path C:\\tmp\nsecond line\t😀"});
  return events;
}

TEST(EventsTest, NamesAreSnakeCase) {
  const char* spans[] = {"compute", "push", "pull", "wait", "aggregate", "evaluate"};
  for (int k = 0; k < 6; ++k) EXPECT_STREQ(spanKindName(static_cast<SpanKind>(k)), spans[k]);
  const char* lifecycles[] = {"run_started", "joined",       "died",     "rejoined", "auth_failed",
                              "finished",    "slowed",       "restored", "paused",   "resumed",
                              "stepped",     "run_finished", "rejected"};
  for (int k = 0; k < 13; ++k) {
    EXPECT_STREQ(lifecycleName(static_cast<LifecycleKind>(k)), lifecycles[k]);
  }
  EXPECT_STREQ(spanKindName(static_cast<SpanKind>(200)), "unknown");
}

TEST(EventsTest, WritesOneObjectWithTheTypeFirstAndShortKeys) {
  EXPECT_EQ(toJsonLine(Span{kServerLane, SpanKind::Aggregate, 100, 250, 7, 0}),
            R"({"e":"span","lane":-1,"kind":"aggregate","t0":100,"t1":250,"step":7,"bytes":0})");
  EXPECT_EQ(toJsonLine(TrafficRecord{5, 1, Direction::ToWorker, MessageType::Params, 4096}),
            R"({"e":"traffic","t":5,"w":1,"dir":"to_worker","type":"params","bytes":4096})");
  EXPECT_EQ(toJsonLine(Metric{5, "test_loss", kServerLane, 3, 0.5}),
            R"({"e":"metric","t":5,"name":"test_loss","w":-1,"step":3,"v":0.5})");
  EXPECT_EQ(toJsonLine(StalenessRecord{5, 2, 10, 3, 1}),
            R"({"e":"staleness","t":5,"w":2,"version":10,"staleness":3,"clock_gap":1})");
  EXPECT_EQ(toJsonLine(PartitionRecord{5, 0, 1, {4, 3, {1, 3}, 0.25}}),
            R"({"e":"partition","t":5,"w":0,"epoch":1,"size":4,"distinct":3,"labels":[1,3],)"
            R"("unseen":0.25})");
  EXPECT_EQ(toJsonLine(Lifecycle{5, 3, LifecycleKind::AuthFailed, "bad \"token\""}),
            R"({"e":"lifecycle","t":5,"w":3,"kind":"auth_failed","detail":"bad \"token\""})");
  EXPECT_EQ(toJsonLine(Metric{5, "train_loss", 0, 3, std::nan("")}),
            R"({"e":"metric","t":5,"name":"train_loss","w":0,"step":3,"v":"nan"})");
}

TEST(EventsTest, EveryEventRoundTripsWithAllFields) {
  for (const Event& event : sampleEvents()) {
    const std::string line = toJsonLine(event);
    SCOPED_TRACE(line);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    Event back = Metric{};
    std::string error;
    ASSERT_TRUE(fromJsonLine(line, back, &error)) << error;
    EXPECT_EQ(error, "");
    expectSame(event, back);
    EXPECT_EQ(toJsonLine(back), line);
  }
}

TEST(EventsTest, KeepsChineseTextReadable) {
  const std::string line = toJsonLine(Lifecycle{1, 0, LifecycleKind::Died, "进程退出"});
  EXPECT_NE(line.find("进程退出"), std::string::npos) << line;
}

TEST(EventsTest, ReplacesBytesThatAreNotUtf8) {
  const std::string line = toJsonLine(Lifecycle{1, 0, LifecycleKind::Died, "cut \xE5\xB7"});
  Event back;
  std::string error;
  ASSERT_TRUE(fromJsonLine(line, back, &error)) << error;
  EXPECT_EQ(std::get<Lifecycle>(back).detail, "cut \xEF\xBF\xBD");
}

TEST(EventsTest, EventTimeIsWhenItHappened) {
  EXPECT_EQ(eventTime(Span{0, SpanKind::Compute, 10, 20, 0, 0}), 10);
  EXPECT_EQ(eventTime(TrafficRecord{.timeNs = 11}), 11);
  EXPECT_EQ(eventTime(Metric{.timeNs = 12}), 12);
  EXPECT_EQ(eventTime(StalenessRecord{.timeNs = 13}), 13);
  EXPECT_EQ(eventTime(PartitionRecord{.timeNs = 14}), 14);
  EXPECT_EQ(eventTime(Lifecycle{.timeNs = 15}), 15);
}

TEST(EventsTest, ShiftTimeMovesEveryTimestampAndNothingElse) {
  for (const std::int64_t offset :
       {std::int64_t{0}, std::int64_t{-7'000'000'000}, std::int64_t{123'456'789}}) {
    for (const Event& event : sampleEvents()) {
      if (const auto* span = std::get_if<Span>(&event); span && span->startNs == kMinI64) continue;
      Event shifted = event;
      shiftTime(shifted, offset);
      SCOPED_TRACE(toJsonLine(event) + " by " + std::to_string(offset));
      EXPECT_EQ(eventTime(shifted), eventTime(event) + offset);
      Event expected = event;
      std::visit(
          [offset](auto& e) {
            if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Span>) {
              e.startNs += offset;
              e.endNs += offset;
            } else {
              e.timeNs += offset;
            }
          },
          expected);
      expectSame(shifted, expected);
    }
  }
  Event span = Span{1, SpanKind::Push, 100, 180, 2, 64};
  shiftTime(span, -50);
  EXPECT_EQ(std::get<Span>(span).startNs, 50);
  EXPECT_EQ(std::get<Span>(span).endNs, 130);
}

TEST(EventsTest, BatchRoundTrips) {
  const std::vector<Event> events = sampleEvents();
  const std::string text = encodeBatch(events);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), events.size());
  std::vector<Event> back;
  std::string error;
  ASSERT_TRUE(decodeBatch(text, back, &error)) << error;
  expectSame(events, back);
  EXPECT_EQ(encodeBatch({}), "");
}

TEST(EventsTest, BatchAppendsSkipsBlankLinesAndToleratesCrLfAndAMissingLastNewline) {
  const std::vector<Event> events = {Metric{1, "a", 0, 1, 1.5}, Lifecycle{.timeNs = 2},
                                     StalenessRecord{.timeNs = 3}};
  std::string text = "\n";
  text += toJsonLine(events[0]) + "\r\n  \n" + toJsonLine(events[1]) + "\n\n";
  text += toJsonLine(events[2]);  // no newline after the last line
  std::vector<Event> back = {Span{}};
  std::string error;
  ASSERT_TRUE(decodeBatch(text, back, &error)) << error;
  ASSERT_EQ(back.size(), 4u);
  EXPECT_TRUE(std::holds_alternative<Span>(back[0]));
  expectSame(events, std::vector<Event>(back.begin() + 1, back.end()));
  EXPECT_TRUE(decodeBatch("", back));
  EXPECT_EQ(back.size(), 4u);
}

TEST(EventsTest, BatchStopsAtTheFirstBadLineAndKeepsWhatCameBefore) {
  const std::vector<Event> good = {Metric{1, "a", 0, 1, 1.5}, Lifecycle{.timeNs = 2}};
  const std::string text = encodeBatch(good) + R"({"e":"metric","t":3})" + "\n" +
                           toJsonLine(Lifecycle{.timeNs = 4}) + "\n";
  std::vector<Event> back;
  std::string error;
  EXPECT_FALSE(decodeBatch(text, back, &error));
  EXPECT_EQ(error, "line 3: missing field \"name\" in metric event");
  expectSame(good, back);
  EXPECT_FALSE(decodeBatch("{\n", back));  // no error pointer: must not crash
}

TEST(EventsTest, RejectsBadLinesNamingTheProblem) {
  struct Case {
    std::string line;
    std::string expected;  // a part of the error message
  };
  const std::vector<Case> cases = {
      {"", "not JSON"},
      {"hello", "not JSON: parse error"},
      {R"({"e":"span","lane":0)", "not JSON"},
      {R"({"e":"lifecycle"} trailing)", "not JSON"},
      {"[1,2]", "not a JSON object"},
      {"42", "not a JSON object"},
      {R"({"t":5})", "missing field \"e\""},
      {R"({"e":7})", "field \"e\" has the wrong type (integer 7)"},
      {R"({"e":"spam"})",
       "unknown event type \"spam\" in field \"e\"; expected one of span, "
       "traffic, metric, staleness, partition, lifecycle"},
      {R"({"e":"span","lane":0,"kind":"compute","t0":1,"t1":2,"step":3})",
       "missing field \"bytes\" in span event"},
      {R"({"e":"span","lane":0,"kind":"compute","t0":"1","t1":2,"step":3,"bytes":0})",
       "field \"t0\" in span event has the wrong type (string \"1\"); expected an integer"},
      {R"({"e":"span","lane":0,"kind":"compute","t0":1.5,"t1":2,"step":3,"bytes":0})",
       "field \"t0\" in span event has the wrong type (number 1.5); expected an integer"},
      {R"({"e":"span","lane":0,"kind":"compute","t0":1,"t1":2,"step":-3,"bytes":0})",
       "field \"step\" in span event is out of range: -3"},
      {R"({"e":"span","lane":0,"kind":"sleep","t0":1,"t1":2,"step":3,"bytes":0})",
       "field \"kind\" in span event has an unknown value \"sleep\"; expected one of compute, "
       "push, pull, wait, aggregate, evaluate"},
      {R"({"e":"span","lane":0,"kind":"unknown","t0":1,"t1":2,"step":3,"bytes":0})",
       "has an unknown value \"unknown\""},
      {R"({"e":"traffic","t":1,"w":3000000000,"dir":"to_server","type":"push","bytes":1})",
       "field \"w\" in traffic event is out of range: 3000000000"},
      {R"({"e":"traffic","t":1,"w":0,"dir":"up","type":"push","bytes":1})",
       "field \"dir\" in traffic event has an unknown value \"up\""},
      {R"({"e":"traffic","t":1,"w":0,"dir":"to_server","type":"gossip","bytes":1})",
       "field \"type\" in traffic event has an unknown value \"gossip\"; expected one of hello, "
       "challenge, auth, welcome, pull, params, push, clock, barrier, telemetry, control, "
       "shutdown, heartbeat"},
      {R"({"e":"traffic","t":18446744073709551615,"w":0,"dir":"to_server","type":"push",)"
       R"("bytes":1})",
       "field \"t\" in traffic event is out of range: 18446744073709551615"},
      {R"({"e":"metric","t":1,"name":5,"w":0,"step":1,"v":1})",
       "field \"name\" in metric event has the wrong type (integer 5); expected a string"},
      {R"({"e":"metric","t":1,"name":"a","w":0,"step":1,"v":null})",
       "field \"v\" in metric event has the wrong type (null null); expected a number"},
      {R"({"e":"metric","t":1,"name":"a","w":0,"step":1,"v":"NaN"})",
       "field \"v\" in metric event has the wrong type (string \"NaN\")"},
      {R"({"e":"staleness","t":1,"w":0,"version":1,"staleness":true,"clock_gap":0})",
       "field \"staleness\" in staleness event has the wrong type (boolean true); expected a "
       "non-negative integer"},
      {R"({"e":"partition","t":1,"w":0,"epoch":0,"size":1,"distinct":1,"labels":5,"unseen":0})",
       "field \"labels\" in partition event has the wrong type (integer 5); expected an array"},
      {R"({"e":"partition","t":1,"w":0,"epoch":0,"size":1,"distinct":1,"labels":[1,-2],)"
       R"("unseen":0})",
       "field \"labels\" in partition event holds -2; expected an array of non-negative integers"},
      {R"({"e":"lifecycle","t":1,"w":0,"kind":"joined"})",
       "missing field \"detail\" in lifecycle event"},
      {R"({"e":"lifecycle","t":1,"w":0,"kind":"Joined","detail":""})",
       "field \"kind\" in lifecycle event has an unknown value \"Joined\"; expected one of "
       "run_started, joined, died"},
      {"{\"e\":\"lifecycle\",\"t\":1,\"w\":0,\"kind\":\"joined\",\"detail\":\"\xFF\"}", "not JSON"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Event out = Lifecycle{99, 9, LifecycleKind::Paused, "untouched"};
    std::string error;
    EXPECT_FALSE(fromJsonLine(c.line, out, &error));
    EXPECT_NE(error.find(c.expected), std::string::npos) << "error: " << error;
    expectSame(out, Lifecycle{99, 9, LifecycleKind::Paused, "untouched"});
    EXPECT_FALSE(fromJsonLine(c.line, out));  // no error pointer: must not crash
  }
}

TEST(EventsTest, IgnoresFieldsItDoesNotKnow) {
  Event out;
  std::string error;
  ASSERT_TRUE(fromJsonLine(R"({"e":"staleness","t":1,"w":2,"version":3,"staleness":4,)"
                           R"("clock_gap":5,"added_later":[1,{"x":2}]})",
                           out, &error))
      << error;
  expectSame(out, StalenessRecord{1, 2, 3, 4, 5});
}

TEST(EventsTest, AcceptsIntegersAndNonFiniteNamesWhereNumbersGo) {
  Event out;
  std::string error;
  ASSERT_TRUE(fromJsonLine(R"({"e":"metric","t":1,"name":"a","w":0,"step":1,"v":3})", out, &error))
      << error;
  expectSameDouble(std::get<Metric>(out).value, 3.0);
  ASSERT_TRUE(
      fromJsonLine(R"({"e":"metric","t":1,"name":"a","w":0,"step":1,"v":"-inf"})", out, &error))
      << error;
  expectSameDouble(std::get<Metric>(out).value, -std::numeric_limits<double>::infinity());
}

class EventLogTest : public testing::TempDirTest {};

TEST_F(EventLogTest, WritesAFileThatDecodesToTheSameEvents) {
  const std::vector<Event> events = sampleEvents();
  const auto file = path("events.jsonl");
  {
    EventLog log(file);
    EXPECT_EQ(log.path(), file.string());
    for (std::size_t i = 0; i < 10; ++i) log.append(events[i]);
    EXPECT_EQ(log.written(), 10u);
    log.flush();
    std::vector<Event> back;
    std::string error;
    ASSERT_TRUE(decodeBatch(readTextFile(file), back, &error)) << error;
    expectSame(std::vector<Event>(events.begin(), events.begin() + 10), back);

    for (std::size_t i = 10; i < events.size(); ++i) log.append(events[i]);
    EXPECT_EQ(log.written(), events.size());
  }  // the destructor flushes the rest
  std::vector<Event> back;
  std::string error;
  ASSERT_TRUE(decodeBatch(readTextFile(file), back, &error)) << error;
  expectSame(events, back);
}

TEST_F(EventLogTest, BuffersUntilFlushed) {
  const auto file = path("events.jsonl");
  EventLog log(file);
  const Lifecycle started{1, kServerLane, LifecycleKind::RunStarted, "开始"};
  log.append(started);
  EXPECT_EQ(std::filesystem::file_size(file), 0u);
  log.flush();
  EXPECT_EQ(readTextFile(file), toJsonLine(started) + "\n");
  log.flush();  // nothing new: nothing written twice
  EXPECT_EQ(readTextFile(file), toJsonLine(started) + "\n");
}

TEST_F(EventLogTest, WritesByItselfWhenTheBufferGetsLarge) {
  const auto file = path("events.jsonl");
  EventLog log(file);
  const Lifecycle big{1, 0, LifecycleKind::Died, std::string(1000, 'x')};
  for (int i = 0; i < 2000; ++i) log.append(big);  // about 2 MB
  const auto size = std::filesystem::file_size(file);
  EXPECT_GT(size, 0u);
  const std::string text = readTextFile(file);
  EXPECT_EQ(text.back(), '\n');  // whole lines only
  std::vector<Event> back;
  std::string error;
  EXPECT_TRUE(decodeBatch(text, back, &error)) << error;
  EXPECT_GT(back.size(), 0u);
  EXPECT_LT(back.size(), 2000u);
}

TEST_F(EventLogTest, TruncatesAnOldFile) {
  const auto file = path("events.jsonl");
  testing::writeRaw(file, {'o', 'l', 'd', '\n'});
  { EventLog log(file); }
  EXPECT_EQ(std::filesystem::file_size(file), 0u);
}

TEST_F(EventLogTest, SaysWhichPathCannotBeOpenedAndWhy) {
  const auto file = path("no_such_folder") / "events.jsonl";
  const std::string message = testing::errorOf([&] { EventLog log(file); });
  EXPECT_NE(message.find(file.string()), std::string::npos) << message;
  EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
}

}  // namespace
}  // namespace distlab::engine
