// What one core can do at most, to put the training figures against (issue 25):
// - BM_FmaPeak: fused multiply-adds on registers only, per instruction set; no memory traffic,
//   so no real kernel can beat it;
// - BM_MlpProducts: the eight matrix products of one training step of the MLP 784-256-128-10 at
//   batch 64, through the same gemm() the layers call, and nothing else (BM_MlpProduct: each
//   alone). The step can run no faster than these products.
// Run: build/bench/distlab_bench_ceiling --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/cpu_isa.h"
#include "core/rng.h"
#include "nn/gemm.h"
#include "nn/kernels/kernels.h"

using namespace distlab::engine;

namespace {

// Twelve independent chains: enough to cover the FMA latency (4-5 cycles) on two pipes.
constexpr int kChains = 12;

__attribute__((target("avx2,fma"))) float fmaLoopAvx2(long iterations, float seed) {
  __m256 acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = _mm256_set1_ps(seed + static_cast<float>(i));
  const __m256 scale = _mm256_set1_ps(0.999f), shift = _mm256_set1_ps(0.001f);
  for (long it = 0; it < iterations; ++it) {
    for (int i = 0; i < kChains; ++i) acc[i] = _mm256_fmadd_ps(acc[i], scale, shift);
  }
  __m256 sum = acc[0];
  for (int i = 1; i < kChains; ++i) sum = _mm256_add_ps(sum, acc[i]);
  return _mm256_cvtss_f32(sum);
}

// The name carries "Avx512": scripts/check-avx512-confined.sh allows such functions only.
__attribute__((target("avx512f"))) float fmaLoopAvx512(long iterations, float seed) {
  __m512 acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = _mm512_set1_ps(seed + static_cast<float>(i));
  const __m512 scale = _mm512_set1_ps(0.999f), shift = _mm512_set1_ps(0.001f);
  for (long it = 0; it < iterations; ++it) {
    for (int i = 0; i < kChains; ++i) acc[i] = _mm512_fmadd_ps(acc[i], scale, shift);
  }
  __m512 sum = acc[0];
  for (int i = 1; i < kChains; ++i) sum = _mm512_add_ps(sum, acc[i]);
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, sum);
  return lanes[0];
}

void BM_FmaPeak(benchmark::State& state) {
  const auto isa = static_cast<Isa>(state.range(0));
  state.SetLabel(std::string(isaName(isa)));
  if (!cpuHas(isa)) return state.SkipWithError("this CPU cannot run it");
  constexpr long kIterations = 1 << 20;
  const int lanes = isa == Isa::Avx512 ? 16 : 8;
  for (auto _ : state) {
    benchmark::DoNotOptimize(isa == Isa::Avx512 ? fmaLoopAvx512(kIterations, 1.0f)
                                                : fmaLoopAvx2(kIterations, 1.0f));
  }
  state.counters["GFlop/s"] = benchmark::Counter(
      2.0 * lanes * kChains * kIterations * static_cast<double>(state.iterations()) / 1e9,
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FmaPeak)->Arg(static_cast<int>(Isa::Avx2))->Arg(static_cast<int>(Isa::Avx512));

std::vector<float> randomFloats(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (float& x : v) x = rng.uniformFloat() - 0.5f;
  return v;
}

// One product C (m x n) = op(A) op(B) (+ C), column-major, as gemm() gets it.
struct Product {
  const char* what;
  bool transposeA, transposeB;
  int m, n, k;
  float beta;
};

// The products of Dense::forward, weightGradient and backwardInput in one training step of the
// MLP at batch 64 (examples in columns); the first layer's input errors are not computed.
const std::vector<Product>& mlpProducts() {
  static const std::vector<Product> products{
      {"W1 x (256x784 by 784x64)", false, false, 256, 64, 784, 1.0f},
      {"W2 h1 (128x256 by 256x64)", false, false, 128, 64, 256, 1.0f},
      {"W3 h2 (10x128 by 128x64)", false, false, 10, 64, 128, 1.0f},
      {"dW3 = dy h2^T (10x64 by 64x128)", false, true, 10, 128, 64, 0.0f},
      {"W3^T dy (128x10 by 10x64)", true, false, 128, 64, 10, 0.0f},
      {"dW2 = dy h1^T (128x64 by 64x256)", false, true, 128, 256, 64, 0.0f},
      {"W2^T dy (256x128 by 128x64)", true, false, 256, 64, 128, 0.0f},
      {"dW1 = dy x^T (256x64 by 64x784)", false, true, 256, 784, 64, 0.0f},
  };
  return products;
}

struct Operands {
  std::vector<float> a, b, c;
  explicit Operands(const Product& p)
      : a(randomFloats(static_cast<std::size_t>(p.m) * p.k, 1)),
        b(randomFloats(static_cast<std::size_t>(p.k) * p.n, 2)),
        c(randomFloats(static_cast<std::size_t>(p.m) * p.n, 3)) {}
  void multiply(const Product& p) {
    // Leading dimensions of the stored (untransposed) arrays.
    const int lda = p.transposeA ? p.k : p.m, ldb = p.transposeB ? p.n : p.k;
    gemm(p.transposeA, p.transposeB, p.m, p.n, p.k, 1.0f, a.data(), lda, b.data(), ldb, p.beta,
         c.data(), p.m);
  }
};

double flopsOf(const Product& p) { return 2.0 * p.m * p.n * p.k; }

void BM_MlpProducts(benchmark::State& state) {
  std::vector<Operands> operands;
  double flops = 0;
  for (const auto& p : mlpProducts()) operands.emplace_back(p), flops += flopsOf(p);
  for (auto _ : state) {
    for (std::size_t i = 0; i < operands.size(); ++i) operands[i].multiply(mlpProducts()[i]);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * 64);
  state.counters["GFlop/s"] = benchmark::Counter(
      flops * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MlpProducts);

// Each product alone (range 0: its index in mlpProducts()).
void BM_MlpProduct(benchmark::State& state) {
  const Product& p = mlpProducts().at(static_cast<std::size_t>(state.range(0)));
  state.SetLabel(p.what);
  Operands operands(p);
  for (auto _ : state) {
    operands.multiply(p);
    benchmark::ClobberMemory();
  }
  state.counters["GFlop/s"] = benchmark::Counter(
      flopsOf(p) * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MlpProduct)->DenseRange(0, 7);

// One product through BLAS (range 0 = 0), the active table's narrow kernels (1) or, for W^T dy,
// its packing one (2), for the rule in narrowGemmPays: range 1 transposes a (W^T dy) or not
// (W x), ranges 2-4 are m, n, k.
void BM_GemmPath(benchmark::State& state) {
  const int path = static_cast<int>(state.range(0));
  const bool narrow = path >= 1, transposed = state.range(1) == 1;
  if (path == 2 && !transposed) return state.SkipWithError("W x has one narrow kernel");
  const Product p{"", transposed, false, static_cast<int>(state.range(2)),
                  static_cast<int>(state.range(3)), static_cast<int>(state.range(4)), 0.0f};
  state.SetLabel(path == 2 ? "packing" : narrow ? "narrow" : "blas");
  Operands operands(p);
  const int lda = transposed ? p.k : p.m;
  const kernels::Table& t = kernels::active();
  for (auto _ : state) {
    if (!narrow) {
      blasGemm(transposed, false, p.m, p.n, p.k, 1.0f, operands.a.data(), lda, operands.b.data(),
               p.k, 0.0f, operands.c.data(), p.m);
    } else {
      (path == 2 ? t.gemmPackedTN : transposed ? t.gemmNarrowTN : t.gemmNarrowNN)(
          p.m, p.n, p.k, operands.a.data(), lda,
                                                     operands.b.data(), p.k, 0.0f,
                                                     operands.c.data(), p.m);
    }
    benchmark::ClobberMemory();
  }
  state.counters["GFlop/s"] = benchmark::Counter(
      flopsOf(p) * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}
// The MLP's forward pass over an evaluation batch of 1,000 test examples (nn/evaluate.cpp), the
// coordinator's work every eval_every rounds: through BLAS (range 0 = 0), or our narrow W x
// kernel on column blocks of kNarrowAmdMaxBatch (1).
void BM_EvalForward(benchmark::State& state) {
  const bool blocks = state.range(0) == 1;
  state.SetLabel(blocks ? "narrow, column blocks" : "blas");
  const std::vector<Product> layers{{"", false, false, 256, 1000, 784, 0.0f},
                                    {"", false, false, 128, 1000, 256, 0.0f},
                                    {"", false, false, 10, 1000, 128, 0.0f}};
  std::vector<Operands> operands;
  double flops = 0;
  for (const auto& p : layers) operands.emplace_back(p), flops += flopsOf(p);
  const kernels::Table& t = kernels::active();
  for (auto _ : state) {
    for (std::size_t i = 0; i < layers.size(); ++i) {
      const Product& p = layers[i];
      Operands& o = operands[i];
      const int whole = p.m - p.m % kNarrowRowMultiple;
      if (!blocks || whole == 0) {
        blasGemm(false, false, p.m, p.n, p.k, 1.0f, o.a.data(), p.m, o.b.data(), p.k, 0.0f,
                 o.c.data(), p.m);
        continue;
      }
      for (int j = 0; j < p.n; j += kNarrowAmdMaxBatch) {
        const int width = std::min(kNarrowAmdMaxBatch, p.n - j);
        t.gemmNarrowNN(whole, width, p.k, o.a.data(), p.m, o.b.data() + static_cast<long>(j) * p.k,
                       p.k, 0.0f, o.c.data() + static_cast<long>(j) * p.m, p.m);
      }
      if (whole < p.m) {
        blasGemm(false, false, p.m - whole, p.n, p.k, 1.0f, o.a.data() + whole, p.m, o.b.data(),
                 p.k, 0.0f, o.c.data() + whole, p.m);
      }
    }
    benchmark::ClobberMemory();
  }
  state.counters["GFlop/s"] = benchmark::Counter(
      flops * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EvalForward)->Arg(0)->Arg(1);

BENCHMARK(BM_GemmPath)
    ->ArgsProduct({{0, 1}, {0}, {128, 256, 1024}, {32, 64, 128, 256}, {64, 256, 784, 1024}})
    ->ArgsProduct({{0, 1, 2}, {1}, {256, 784, 1024}, {32, 64, 128, 256}, {10, 64, 128, 256, 1024}});

}  // namespace

BENCHMARK_MAIN();
