// The live telemetry between engine and window: one TELEMETRY frame of the records a 2-worker
// BSP cluster makes in 64 rounds, encoded and decoded the way the engine and the window's
// TelemetryHub do it (frame codec + event records), and the same events as the JSON lines of
// events.jsonl. bench/telemetry_baseline.sh runs the same mix through the JSON stream of the
// code before the typed contract (commit 5b65a3b), for the comparison in bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "comm/messages.h"
#include "telemetry/event_codec.h"
#include "telemetry/json_lines.h"

using namespace distlab::engine;

namespace {

constexpr int kRounds = 64;
constexpr int kWorkers = 2;

// Per round and worker: compute, push and pull spans, its PUSH and PARAMS frames, the staleness
// of its update and its step loss; per round the server's aggregate span: 15 records a round.
std::vector<Event> roundMix() {
  std::vector<Event> events;
  std::int64_t t = 1'234'567'890'123;
  for (int round = 0; round < kRounds; ++round) {
    const auto step = static_cast<std::uint64_t>(round + 1000);
    for (int w = 0; w < kWorkers; ++w) {
      events.push_back(Span{w, SpanKind::Compute, t, t + 715'123, step, 0});
      events.push_back(Span{w, SpanKind::Push, t + 715'123, t + 795'456, step, 940'612});
      events.push_back(Span{w, SpanKind::Pull, t + 995'000, t + 1'125'789, step, 940'600});
      events.push_back(Traffic{t + 795'456, w, Direction::ToServer, MessageType::Push,
                               TrafficKind::Updates, 940'612, 940'612});
      events.push_back(Traffic{t + 1'125'789, w, Direction::ToWorker, MessageType::Params,
                               TrafficKind::Parameters, 940'600, 940'600});
      events.push_back(Staleness{t + 900'000, w, step + 1, 0, 0});
      events.push_back(StepLoss{t + 715'123, w, step, 0.4123456789 + 0.001 * round});
    }
    events.push_back(Span{kServerLane, SpanKind::Aggregate, t + 800'000, t + 990'000, step, 0});
    t += 1'200'000;
  }
  return events;
}

void setCounters(benchmark::State& state, std::size_t events, std::size_t bytes) {
  state.counters["events/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * events), benchmark::Counter::kIsRate);
  state.counters["ns/event"] = benchmark::Counter(
      static_cast<double>(state.iterations() * events),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["bytes/event"] = static_cast<double>(bytes) / static_cast<double>(events);
}

void BM_StreamEncode(benchmark::State& state) {
  const auto events = roundMix();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto frame = encodeFrame(telemetryOf(encodeRecords(events)));
    bytes = frame.size();
    benchmark::DoNotOptimize(frame.data());
  }
  setCounters(state, events.size(), bytes);
}

void BM_StreamDecode(benchmark::State& state) {
  const auto events = roundMix();
  const auto frame = encodeFrame(telemetryOf(encodeRecords(events)));
  DecodeLimits limits;
  limits.maxPayload = 256u << 20;
  std::vector<Event> out;
  out.reserve(events.size());
  for (auto _ : state) {
    out.clear();
    Message message;
    std::size_t consumed = 0;
    if (decodeFrame(frame, limits, message, consumed) != DecodeError::None) state.SkipWithError("frame");
    const auto result = decodeTelemetry(std::get<Telemetry>(message), out);
    if (!result.ok || out.size() != events.size()) state.SkipWithError("records");
    benchmark::DoNotOptimize(out.data());
  }
  setCounters(state, events.size(), frame.size());
}

void BM_JsonLinesWrite(benchmark::State& state) {
  const auto events = roundMix();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = encodeJsonLines(events);
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  setCounters(state, events.size(), bytes);
}

void BM_JsonLinesRead(benchmark::State& state) {
  const auto events = roundMix();
  const std::string text = encodeJsonLines(events);
  std::vector<Event> out;
  for (auto _ : state) {
    out.clear();
    if (!decodeJsonLines(text, out) || out.size() != events.size()) state.SkipWithError("json");
    benchmark::DoNotOptimize(out.data());
  }
  setCounters(state, events.size(), text.size());
}

}  // namespace

BENCHMARK(BM_StreamEncode);
BENCHMARK(BM_StreamDecode);
BENCHMARK(BM_JsonLinesWrite);
BENCHMARK(BM_JsonLinesRead);
BENCHMARK_MAIN();
