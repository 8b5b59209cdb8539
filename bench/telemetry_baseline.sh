#!/usr/bin/env bash
# The telemetry mix of bench/telemetry_bench.cpp through the stream of the code before the typed
# event contract (commit 5b65a3b: JSON lines in TELEMETRY frames, spans, traffic and staleness
# through the hand-written fast path, the rest through nlohmann), for bench/RESULTS.md.
# Usage: bash bench/telemetry_baseline.sh [WORKTREE]   (default /tmp/distlab-telemetry-baseline)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-/tmp/distlab-telemetry-baseline}
baseline=5b65a3b

if [ ! -d "$tree" ]; then git -C "$repo" worktree add --detach "$tree" "$baseline"; fi
cat >"$tree/bench/telemetry_baseline_bench.cpp" <<'EOF'
#include <benchmark/benchmark.h>

#include <vector>

#include "comm/messages.h"
#include "telemetry/events.h"

using namespace distlab::engine;

namespace {

// The same 15 records a round as bench/telemetry_bench.cpp; the step loss was a Metric.
std::vector<Event> roundMix() {
  std::vector<Event> events;
  std::int64_t t = 1'234'567'890'123;
  for (int round = 0; round < 64; ++round) {
    const auto step = static_cast<std::uint64_t>(round + 1000);
    for (int w = 0; w < 2; ++w) {
      events.push_back(Span{w, SpanKind::Compute, t, t + 715'123, step, 0});
      events.push_back(Span{w, SpanKind::Push, t + 715'123, t + 795'456, step, 940'612});
      events.push_back(Span{w, SpanKind::Pull, t + 995'000, t + 1'125'789, step, 940'600});
      events.push_back(TrafficRecord{t + 795'456, w, Direction::ToServer, MessageType::Push, 940'612});
      events.push_back(TrafficRecord{t + 1'125'789, w, Direction::ToWorker, MessageType::Params, 940'600});
      events.push_back(StalenessRecord{t + 900'000, w, step + 1, 0, 0});
      events.push_back(Metric{t + 715'123, "train_loss", w, step, 0.4123456789 + 0.001 * round});
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

std::vector<std::uint8_t> frameOf(const std::vector<Event>& events) {
  const std::string text = encodeBatch(events);
  return encodeFrame(Telemetry{std::vector<std::uint8_t>(text.begin(), text.end())});
}

void BM_StreamEncode(benchmark::State& state) {
  const auto events = roundMix();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto frame = frameOf(events);
    bytes = frame.size();
    benchmark::DoNotOptimize(frame.data());
  }
  setCounters(state, events.size(), bytes);
}

void BM_StreamDecode(benchmark::State& state) {
  const auto events = roundMix();
  const auto frame = frameOf(events);
  DecodeLimits limits;
  limits.maxPayload = 256u << 20;
  std::vector<Event> out;
  out.reserve(events.size());
  for (auto _ : state) {
    out.clear();
    Message message;
    std::size_t consumed = 0;
    if (decodeFrame(frame, limits, message, consumed) != DecodeError::None) state.SkipWithError("frame");
    const auto& bytes = std::get<Telemetry>(message).events;
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (!decodeBatch(text, out) || out.size() != events.size()) state.SkipWithError("json");
    benchmark::DoNotOptimize(out.data());
  }
  setCounters(state, events.size(), frame.size());
}

}  // namespace

BENCHMARK(BM_StreamEncode);
BENCHMARK(BM_StreamDecode);
BENCHMARK_MAIN();
EOF
if ! grep -q telemetry_baseline_bench "$tree/bench/CMakeLists.txt"; then
  cat >>"$tree/bench/CMakeLists.txt" <<'EOF'
add_executable(distlab_bench_telemetry_baseline telemetry_baseline_bench.cpp)
target_link_libraries(distlab_bench_telemetry_baseline PRIVATE distlab::engine benchmark::benchmark)
EOF
fi
cmake -S "$tree" -B "$tree/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDISTLAB_BUILD_GUI=OFF \
  -DDISTLAB_BUILD_TESTS=OFF -DDISTLAB_BUILD_BENCH=ON >/dev/null
cmake --build "$tree/build" --target distlab_bench_telemetry_baseline
echo "== before (JSON lines, $baseline)"
"$tree/build/bench/distlab_bench_telemetry_baseline" --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only | grep -E 'median'
echo "== now (binary records)"
"$repo/build/bench/distlab_bench_telemetry" --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only | grep -E 'median'
