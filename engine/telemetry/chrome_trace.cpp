#include "telemetry/chrome_trace.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <limits>

namespace distlab::engine {
namespace {

// Written by hand, not through a JSON library: a long run has millions of records, and a
// document tree of them would take gigabytes. Every name written is an enum's, plain ASCII.

int threadOf(int lane) { return lane == kServerLane ? 0 : lane + 1; }

std::string laneName(int lane) {
  return lane == kServerLane ? "server" : "worker " + std::to_string(lane);
}

std::int64_t timeOf(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::int64_t {
        if constexpr (requires { e.startNs; }) return e.startNs;
        else if constexpr (requires { e.timeNs; }) return e.timeNs;
        else return std::numeric_limits<std::int64_t>::max();
      },
      event);
}

/// The trace's events, each with its time, for one stable sort at the end.
class TraceBuilder {
 public:
  explicit TraceBuilder(std::int64_t originNs) : m_origin(originNs) {}

  void span(const Span& s) {
    lane(s.lane);
    char text[256];
    std::snprintf(text, sizeof text,
                  R"("ph":"X","cat":"span","name":"%s","pid":1,"tid":%d,"dur":%.3f,)"
                  R"("args":{"step":%)" PRIu64 R"(,"bytes":%)" PRIu64 "}",
                  enumName(s.kind), threadOf(s.lane),
                  std::max(0.0, static_cast<double>(s.endNs - s.startNs) / 1e3), s.step, s.bytes);
    add(s.startNs, text);
  }

  void traffic(const Traffic& t) {
    const bool up = t.direction == Direction::ToServer;
    const int from = up ? t.worker : kServerLane, to = up ? kServerLane : t.worker;
    lane(from);
    lane(to);
    const auto id = ++m_flows;
    char text[256];
    // Flow ends bind to slices on their threads: a 1 us one at each end.
    for (const int at : {from, to}) {
      std::snprintf(text, sizeof text,
                    R"("ph":"X","cat":"traffic","name":"%s","pid":1,"tid":%d,"dur":1,)"
                    R"("args":{"wire_bytes":%)" PRIu64 R"(,"raw_bytes":%)" PRIu64 "}",
                    enumName(t.message), threadOf(at), t.wireBytes, t.rawBytes);
      add(t.timeNs, text);
    }
    std::snprintf(text, sizeof text,
                  R"("ph":"s","cat":"traffic","name":"%s","pid":1,"tid":%d,"id":%)" PRIu64,
                  enumName(t.message), threadOf(from), id);
    add(t.timeNs, text);
    std::snprintf(text, sizeof text,
                  R"("ph":"f","bp":"e","cat":"traffic","name":"%s","pid":1,"tid":%d,"id":%)" PRIu64,
                  enumName(t.message), threadOf(to), id);
    add(t.timeNs, text);
  }

  void counter(std::int64_t timeNs, const char* name, const std::string& series, double value) {
    if (!std::isfinite(value)) return;  // JSON has no NaN; a diverged loss leaves a gap
    char text[256];
    std::snprintf(text, sizeof text, R"("ph":"C","name":"%s","pid":1,"tid":0,"args":{"%s":%.9g})",
                  name, series.c_str(), value);
    add(timeNs, text);
  }

  std::string finish() {
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = R"({"displayTimeUnit":"ms","traceEvents":[)";
    out += R"({"ph":"M","name":"process_name","pid":1,"tid":0,"ts":0,"args":{"name":"DistLab run"}})";
    std::sort(m_lanes.begin(), m_lanes.end());
    for (const int lane : m_lanes) {
      const std::string tid = std::to_string(threadOf(lane));
      out += R"(,{"ph":"M","name":"thread_name","pid":1,"tid":)" + tid +
             R"(,"ts":0,"args":{"name":")" + laneName(lane) + "\"}}";
      // The server first, then the workers in rank order.
      out += R"(,{"ph":"M","name":"thread_sort_index","pid":1,"tid":)" + tid +
             R"(,"ts":0,"args":{"sort_index":)" + tid + "}}";
    }
    char ts[48];
    for (const auto& [time, body] : m_events) {
      std::snprintf(ts, sizeof ts, R"(,{"ts":%.3f,)", time);
      out += ts;
      out += body;
      out += '}';
    }
    out += "]}\n";
    return out;
  }

 private:
  void lane(int lane) {
    if (std::find(m_lanes.begin(), m_lanes.end(), lane) == m_lanes.end()) m_lanes.push_back(lane);
  }
  void add(std::int64_t timeNs, const char* body) {
    m_events.emplace_back(static_cast<double>(timeNs - m_origin) / 1e3, body);
  }

  std::int64_t m_origin;
  std::vector<int> m_lanes;
  std::vector<std::pair<double, std::string>> m_events;
  std::uint64_t m_flows = 0;
};

}  // namespace

std::string chromeTraceJson(const std::vector<Event>& events) {
  std::int64_t origin = std::numeric_limits<std::int64_t>::max();
  for (const auto& e : events) origin = std::min(origin, timeOf(e));
  TraceBuilder trace(origin == std::numeric_limits<std::int64_t>::max() ? 0 : origin);
  for (const auto& event : events) {
    if (const auto* s = std::get_if<Span>(&event)) {
      trace.span(*s);
    } else if (const auto* t = std::get_if<Traffic>(&event)) {
      trace.traffic(*t);
    } else if (const auto* l = std::get_if<StepLoss>(&event)) {
      trace.counter(l->timeNs, "train loss", laneName(l->worker), l->loss);
    } else if (const auto* e = std::get_if<Evaluation>(&event)) {
      trace.counter(e->timeNs, "test accuracy", "accuracy", e->testAccuracy);
      trace.counter(e->timeNs, "test loss", "loss", e->testLoss);
    }
  }
  return trace.finish();
}

}  // namespace distlab::engine
