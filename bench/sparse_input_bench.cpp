// Would skipping Fashion-MNIST's zero pixels (50% of them) make the MLP's first layer faster?
// The two products of a 784-input layer over a batch of 64 real training images, through BLAS
// and through products that skip the zeros of x: y += W x reading only W's columns of nonzero
// pixels (one example at a time, or C examples sharing the union of their nonzeros), and
// dW = dy x^T adding only the nonzero pixels' terms. Counters: GFLOP/s of the dense product's
// arithmetic, so a faster sparse product shows a higher figure. Measured in bench/RESULTS.md
// ("Zero pixels skipped"); the engine keeps BLAS. AVX2 kernels here; AVX-512 ones where the CPU
// has it (register widths as the engine's kernel tables use).
#include <immintrin.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/cpu_isa.h"
#include "core/spec.h"
#include "data/load.h"
#include "nn/gemm.h"

namespace distlab::engine {
namespace {

constexpr int kInputs = 784, kBatch = 64;

/// Batch b of the training images, one column an example.
struct Batches {
  std::vector<std::vector<float>> x;
};

const Batches& batches() {
  static const Batches all = [] {
    DatasetSpec spec;
    spec.name = "fashion-mnist";
    const TrainTest data = loadDataset(spec, 0);
    Batches b;
    for (int i = 0; i < 64; ++i) {
      std::vector<float> x(static_cast<std::size_t>(kInputs) * kBatch);
      for (int j = 0; j < kBatch; ++j) {
        const float* row = data.train.x.data() + static_cast<long>(i * kBatch + j) * kInputs;
        std::copy(row, row + kInputs, x.begin() + static_cast<long>(j) * kInputs);
      }
      b.x.push_back(std::move(x));
    }
    return b;
  }();
  return all;
}

#define DISTLAB_SPARSE_KERNELS(Suffix, V, L, LOAD, STORE, SET1, FMA)                              \
  /* y (m x n) += W (m x k) x (k x n) over the union of C columns' nonzero rows of x. */         \
  template <int R, int C>                                                                         \
  void sparseWx##Suffix(int m, int n, int k, const float* w, const float* x, float* y,           \
                        std::vector<int>& idx, std::vector<float>& val) {                        \
    idx.resize(static_cast<std::size_t>(k));                                                      \
    val.resize(static_cast<std::size_t>(k) * C);                                                  \
    for (int j = 0; j < n; j += C) {                                                              \
      int nz = 0;                                                                                 \
      for (int p = 0; p < k; ++p) {                                                               \
        bool any = false;                                                                         \
        for (int c = 0; c < C; ++c) {                                                             \
          const float v = x[static_cast<long>(j + c) * k + p];                                    \
          val[static_cast<std::size_t>(nz) * C + c] = v;                                          \
          any |= v != 0.0f;                                                                       \
        }                                                                                         \
        idx[static_cast<std::size_t>(nz)] = p;                                                    \
        nz += any;                                                                                \
      }                                                                                           \
      for (int r0 = 0; r0 < m; r0 += R * L) {                                                     \
        V acc[R][C];                                                                              \
        for (int c = 0; c < C; ++c)                                                               \
          for (int r = 0; r < R; ++r) acc[r][c] = LOAD(y + static_cast<long>(j + c) * m + r0 + r * L); \
        for (int q = 0; q < nz; ++q) {                                                            \
          const float* wp = w + static_cast<long>(idx[q]) * m + r0;                               \
          V a[R];                                                                                 \
          for (int r = 0; r < R; ++r) a[r] = LOAD(wp + r * L);                                    \
          for (int c = 0; c < C; ++c) {                                                           \
            const V b = SET1(val[static_cast<std::size_t>(q) * C + c]);                           \
            for (int r = 0; r < R; ++r) acc[r][c] = FMA(a[r], b, acc[r][c]);                      \
          }                                                                                       \
        }                                                                                         \
        for (int c = 0; c < C; ++c)                                                               \
          for (int r = 0; r < R; ++r) STORE(y + static_cast<long>(j + c) * m + r0 + r * L, acc[r][c]); \
      }                                                                                           \
    }                                                                                             \
  }                                                                                               \
  /* dW (m x k) = dy (m x n) x^T, each column of dW from the examples whose pixel is nonzero. */ \
  template <int R>                                                                                \
  void sparseDw##Suffix(int m, int n, int k, const float* dy, const float* x, float* dw,         \
                        std::vector<int>& start, std::vector<int>& cols, std::vector<float>& vals) { \
    start.assign(static_cast<std::size_t>(k) + 1, 0);                                             \
    cols.resize(static_cast<std::size_t>(k) * n);                                                 \
    vals.resize(static_cast<std::size_t>(k) * n);                                                 \
    for (int j = 0; j < n; ++j)                                                                   \
      for (int p = 0; p < k; ++p) start[p + 1] += x[static_cast<long>(j) * k + p] != 0.0f;        \
    for (int p = 0; p < k; ++p) start[p + 1] += start[p];                                         \
    std::vector<int> fill(start.begin(), start.end() - 1);                                        \
    for (int j = 0; j < n; ++j)                                                                   \
      for (int p = 0; p < k; ++p) {                                                               \
        const float v = x[static_cast<long>(j) * k + p];                                          \
        if (v != 0.0f) {                                                                          \
          cols[fill[p]] = j;                                                                      \
          vals[fill[p]++] = v;                                                                    \
        }                                                                                         \
      }                                                                                           \
    for (int r0 = 0; r0 < m; r0 += R * L)                                                         \
      for (int p = 0; p < k; ++p) {                                                               \
        V acc[R];                                                                                 \
        for (int r = 0; r < R; ++r) acc[r] = SET1(0.0f);                                          \
        for (int q = start[p]; q < start[p + 1]; ++q) {                                           \
          const float* d = dy + static_cast<long>(cols[q]) * m + r0;                              \
          const V b = SET1(vals[q]);                                                              \
          for (int r = 0; r < R; ++r) acc[r] = FMA(LOAD(d + r * L), b, acc[r]);                   \
        }                                                                                         \
        for (int r = 0; r < R; ++r) STORE(dw + static_cast<long>(p) * m + r0 + r * L, acc[r]);   \
      }                                                                                           \
  }

#pragma GCC push_options
#pragma GCC target("avx2,fma")
DISTLAB_SPARSE_KERNELS(Avx2, __m256, 8, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_set1_ps,
                       _mm256_fmadd_ps)
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("avx512f")
DISTLAB_SPARSE_KERNELS(Avx512, __m512, 16, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_set1_ps,
                       _mm512_fmadd_ps)
#pragma GCC pop_options

struct Operands {
  int m;
  std::vector<float> w, dy, y, dw;
  explicit Operands(int outputs)
      : m(outputs),
        w(static_cast<std::size_t>(outputs) * kInputs, 0.01f),
        dy(static_cast<std::size_t>(outputs) * kBatch, 0.02f),
        y(static_cast<std::size_t>(outputs) * kBatch),
        dw(static_cast<std::size_t>(outputs) * kInputs) {}
};

/// Whether a skipping product gave BLAS's result on the first batch (to rounding).
bool sameAsBlas(const std::vector<float>& ours, const std::vector<float>& blas) {
  for (std::size_t i = 0; i < ours.size(); ++i) {
    if (std::abs(ours[i] - blas[i]) > 1e-4f * (1.0f + std::abs(blas[i]))) return false;
  }
  return true;
}

/// Loads the data set and checks product(x) against blas(x) (both writing `out`) on the first
/// batch before the timing starts, then times product over the batches.
template <class Blas, class Product>
void checkAndTime(benchmark::State& state, const std::vector<float>& out, int m, Blas blas,
                  Product product) {
  const std::vector<std::vector<float>>& xs = batches().x;
  blas(xs[0].data());
  const std::vector<float> expected = out;
  product(xs[0].data());
  if (!sameAsBlas(out, expected)) return state.SkipWithError("not BLAS's product");
  std::size_t b = 0;
  for (auto _ : state) {
    product(xs[b++ % xs.size()].data());
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["GFlop/s"] = benchmark::Counter(2.0 * m * kBatch * kInputs * 1e-9,
                                                 benchmark::Counter::kIsIterationInvariantRate);
}

/// Arg 0: 0 BLAS, 1 one example at a time, 2 / 4 / 8 examples sharing their nonzero rows (the
/// accumulators fill the registers: with AVX2's 16, eight examples leave one register of rows).
/// Arg 1: 0 AVX2, 1 AVX-512 (skipped where the CPU lacks it).
void BM_FirstLayerWx(benchmark::State& state) {
  const int how = static_cast<int>(state.range(0));
  const bool wide = state.range(1) == 1;
  if (wide && !cpuHas(Isa::Avx512)) return state.SkipWithError("no AVX-512 on this CPU");
  Operands o(256);
  std::vector<int> idx;
  std::vector<float> val;
  const auto blas = [&](const float* x) {
    blasGemm(false, false, o.m, kBatch, kInputs, 1.0f, o.w.data(), o.m, x, kInputs, 0.0f,
             o.y.data(), o.m);
  };
  const auto product = [&](const float* x) {
    if (how == 0) return blas(x);
    std::fill(o.y.begin(), o.y.end(), 0.0f);
    if (wide) {
      if (how == 1) sparseWxAvx512<16, 1>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
      if (how == 2) sparseWxAvx512<8, 2>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
      if (how == 4) sparseWxAvx512<4, 4>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
      if (how == 8) sparseWxAvx512<2, 8>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
    } else {
      if (how == 1) sparseWxAvx2<8, 1>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
      if (how == 2) sparseWxAvx2<4, 2>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
      if (how == 4) sparseWxAvx2<2, 4>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
      if (how == 8) sparseWxAvx2<1, 8>(o.m, kBatch, kInputs, o.w.data(), x, o.y.data(), idx, val);
    }
  };
  checkAndTime(state, o.y, o.m, blas, product);
}
BENCHMARK(BM_FirstLayerWx)->ArgsProduct({{0, 1, 2, 4, 8}, {0, 1}});

/// Arg 0: 0 BLAS, 1 skipping zero pixels. Arg 1 as above.
void BM_FirstLayerWeightGradient(benchmark::State& state) {
  const bool sparse = state.range(0) == 1, wide = state.range(1) == 1;
  if (wide && !cpuHas(Isa::Avx512)) return state.SkipWithError("no AVX-512 on this CPU");
  Operands o(256);
  std::vector<int> start, cols;
  std::vector<float> vals;
  const auto blas = [&](const float* x) {
    blasGemm(false, true, o.m, kInputs, kBatch, 1.0f, o.dy.data(), o.m, x, kInputs, 0.0f,
             o.dw.data(), o.m);
  };
  const auto product = [&](const float* x) {
    if (!sparse) {
      blas(x);
    } else if (wide) {
      sparseDwAvx512<16>(o.m, kBatch, kInputs, o.dy.data(), x, o.dw.data(), start, cols, vals);
    } else {
      sparseDwAvx2<8>(o.m, kBatch, kInputs, o.dy.data(), x, o.dw.data(), start, cols, vals);
    }
  };
  checkAndTime(state, o.dw, o.m, blas, product);
}
BENCHMARK(BM_FirstLayerWeightGradient)->ArgsProduct({{0, 1}, {0, 1}});

}  // namespace
}  // namespace distlab::engine

BENCHMARK_MAIN();
