// The update encoders on one PUSH of the default MLP (235,146 floats; topk and randk at their
// default 1%, qsgd at 4 levels): encode on the worker,
// decode on the server, and the half-precision conversion's two paths (F16C, chosen at run time
// when the CPU has it, and the portable software one).
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "encoders/update_encoder.h"

using namespace distlab::engine;

namespace {

constexpr std::size_t kFloats = 235146;

std::vector<float> update() {
  std::mt19937 rng(1);
  std::normal_distribution<float> normal(0.0f, 1e-2f);
  std::vector<float> v(kFloats);
  for (float& x : v) x = normal(rng);
  return v;
}

const char* kNames[] = {"float32", "fp16", "int8", "topk", "randk", "qsgd", "sign"};

void BM_Encode(benchmark::State& state) {
  const UpdateEncoder& e = updateEncoders().at(kNames[state.range(0)]);
  const auto x = update();
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    out.clear();
    e.encode(x, out);
    benchmark::DoNotOptimize(out.data());
  }
  const bool half = e.name() == "fp16";
  state.SetLabel(std::string(e.name()) + (half && halfConversionUsesF16c() ? " (F16C)" : ""));
  state.counters["bytes/push"] = static_cast<double>(out.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFloats * sizeof(float)));
}

void BM_Decode(benchmark::State& state) {
  const UpdateEncoder& e = updateEncoders().at(kNames[state.range(0)]);
  const auto x = update();
  std::vector<std::uint8_t> payload;
  e.encode(x, payload);
  std::vector<float> y(kFloats);
  for (auto _ : state) {
    if (!e.decode(payload, y)) state.SkipWithError("decode");
    benchmark::DoNotOptimize(y.data());
  }
  state.SetLabel(std::string(e.name()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFloats * sizeof(float)));
}

void BM_HalvesSoftware(benchmark::State& state) {
  const auto x = update();
  std::vector<std::uint16_t> h(kFloats);
  for (auto _ : state) {
    for (std::size_t i = 0; i < kFloats; ++i) h[i] = floatToHalfSoftware(x[i]);
    benchmark::DoNotOptimize(h.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFloats * sizeof(float)));
}

void BM_HalvesDispatched(benchmark::State& state) {
  const auto x = update();
  std::vector<std::uint16_t> h(kFloats);
  for (auto _ : state) {
    floatsToHalves(x, h.data());
    benchmark::DoNotOptimize(h.data());
  }
  state.SetLabel(halfConversionUsesF16c() ? "F16C" : "software");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFloats * sizeof(float)));
}

}  // namespace

BENCHMARK(BM_Encode)->DenseRange(0, 6);
BENCHMARK(BM_Decode)->DenseRange(0, 6);
BENCHMARK(BM_HalvesSoftware);
BENCHMARK(BM_HalvesDispatched);
BENCHMARK_MAIN();
