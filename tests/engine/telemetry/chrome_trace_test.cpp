// The Chrome trace export: valid trace-event JSON (required fields, time order on every track,
// flows that pair up), one complete event per span, counters for the losses.
#include "telemetry/chrome_trace.h"

#include <cmath>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace distlab::engine {
namespace {

std::vector<Event> sampleRun() {
  std::vector<Event> events;
  const std::int64_t t0 = 5'000'000'000;
  for (int step = 0; step < 4; ++step) {
    for (int w = 0; w < 3; ++w) {
      const std::int64_t t = t0 + step * 10'000'000 + w * 1'000'000;
      events.push_back(Span{w, SpanKind::Compute, t, t + 4'000'000, static_cast<std::uint64_t>(step), 0});
      events.push_back(Traffic{t + 4'000'000, w, Direction::ToServer, MessageType::Push,
                               TrafficKind::Updates, 1000, 4000});
      events.push_back(StepLoss{t + 4'000'000, w, static_cast<std::uint64_t>(step),
                                step == 2 && w == 1 ? NAN : 1.0 / (step + 1)});
    }
    events.push_back(Span{kServerLane, SpanKind::Aggregate, t0 + step * 10'000'000 + 7'000'000,
                          t0 + step * 10'000'000 + 7'500'000, static_cast<std::uint64_t>(step + 1), 0});
  }
  Evaluation e;
  e.timeNs = t0 + 50'000'000;
  e.testAccuracy = 0.9;
  e.testLoss = 0.3;
  events.push_back(e);
  return events;
}

TEST(ChromeTraceTest, IsValidTraceEventJsonWithASpanPerSpanAndPairedFlows) {
  const auto events = sampleRun();
  const auto trace = nlohmann::json::parse(chromeTraceJson(events));
  ASSERT_TRUE(trace.contains("traceEvents"));
  std::map<std::string, int> phases;
  std::map<int, double> lastTs;  // per track
  std::map<std::uint64_t, int> flows;
  int spans = 0;
  std::map<int, std::string> threadNames;
  for (const auto& e : trace["traceEvents"]) {
    for (const char* field : {"ph", "name", "pid", "tid", "ts"}) ASSERT_TRUE(e.contains(field)) << e;
    const std::string ph = e["ph"];
    ++phases[ph];
    if (ph == "M") {
      if (e["name"] == "thread_name") threadNames[e["tid"]] = e["args"]["name"];
      continue;
    }
    const int tid = e["tid"];
    const double ts = e["ts"];
    EXPECT_GE(ts, 0.0);
    EXPECT_GE(ts, lastTs[tid]) << "time order on track " << tid;
    lastTs[tid] = ts;
    if (ph == "X") {
      EXPECT_GE(e["dur"].get<double>(), 0.0);
      if (e["cat"] == "span") ++spans;
    }
    if (ph == "s") ++flows[e["id"]];
    if (ph == "f") {
      EXPECT_EQ(e["bp"], "e");
      flows[e["id"]] += 10;
    }
  }
  EXPECT_EQ(spans, 16);  // 4 steps x 3 workers + 4 aggregations
  EXPECT_EQ(flows.size(), 12u);
  for (const auto& [id, both] : flows) EXPECT_EQ(both, 11) << "flow " << id << " has both ends";
  EXPECT_EQ(threadNames[0], "server");
  EXPECT_EQ(threadNames[2], "worker 1");
  // Counters: 11 finite step losses (one was NaN: a gap, JSON has no NaN), accuracy and loss.
  EXPECT_EQ(phases["C"], 11 + 2);
  // The first record is at time 0; a span keeps its length in microseconds.
  const auto& first = trace["traceEvents"][1 + 2 * 4];
  EXPECT_EQ(first["ts"].get<double>(), 0.0);
  EXPECT_EQ(first["dur"].get<double>(), 4000.0);
}

TEST(ChromeTraceTest, AnEmptyRunIsAnEmptyTrace) {
  const auto trace = nlohmann::json::parse(chromeTraceJson({}));
  EXPECT_EQ(trace["traceEvents"].size(), 1u);  // the process name
}

}  // namespace
}  // namespace distlab::engine
