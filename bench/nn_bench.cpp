// Google Benchmark timings of the training core on Fashion-MNIST-shaped batches of 64.
// Run: build/bench/distlab_bench_nn --benchmark_repetitions=5 --benchmark_report_aggregates_only
// The layer and step timings use the kernels DISTLAB_ISA picks (avx2 | avx512, default the
// best the CPU runs); the BM_Kernel* ones time each kernel table the CPU can run.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "core/rng.h"
#include "nn/activations.h"
#include "nn/builders.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/gemm.h"
#include "nn/kernels/kernels.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"
#include "nn/pooling.h"

using namespace distlab::engine;

namespace {

constexpr int kBatch = 64;

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniformFloat();
  return m;
}

// Forward + backward of one layer inside a one-layer model (so it has its parameter buffer).
void layerStep(benchmark::State& state, std::unique_ptr<Layer> layer, Shape input, bool inputGrad,
               int batch = kBatch) {
  Model model(input);
  model.add(std::move(layer));
  model.finalize();
  Rng rng(1);
  model.initialize(Initializer{}, rng);
  const Matrix x = randomMatrix(input.size(), batch, 2);
  const Matrix dy = randomMatrix(model.outputShape().size(), batch, 3);
  Matrix dx;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model.forward(x).data());
    model.backward(dy, inputGrad ? &dx : nullptr);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * batch);
}

void BM_Conv1(benchmark::State& s) {
  layerStep(s, std::make_unique<Conv2D>(6, 5, 1, 2), {1, 28, 28}, false);
}
void BM_Conv2(benchmark::State& s) {
  layerStep(s, std::make_unique<Conv2D>(16, 5), {6, 14, 14}, true);
}
// The second conv at other batch sizes: below Conv2D::kBatchedMinExamples it is lowered, from
// there on batch-inner in blocks of 64 (where the switch pays off).
void BM_Conv2Batch(benchmark::State& s) {
  layerStep(s, std::make_unique<Conv2D>(16, 5), {6, 14, 14}, true, static_cast<int>(s.range(0)));
}
void BM_MaxPool1(benchmark::State& s) {
  layerStep(s, std::make_unique<MaxPool2D>(2), {6, 28, 28}, true);
}
void BM_ReLU1(benchmark::State& s) { layerStep(s, std::make_unique<ReLU>(), {6, 28, 28}, true); }
void BM_Dense784x256(benchmark::State& s) {
  layerStep(s, std::make_unique<Dense>(256), {784, 1, 1}, false);
}
// A square layer's products at few columns, each way they can be computed (range 0): BLAS,
// the narrow kernels with AVX-512, with AVX2; the forward form W x (NN) and the input errors'
// W^T dy (TN). Range 1: columns, range 2: the layer's width. gemm() picks the narrow kernels
// where these say they win (nn/gemm.cpp).
void BM_NarrowGemm(benchmark::State& s) {
  const int path = static_cast<int>(s.range(0)), n = static_cast<int>(s.range(1)),
            size = static_cast<int>(s.range(2));
  const bool transposed = path >= 3;
  const int variant = path % 3;  // 0 BLAS, 1 AVX-512, 2 AVX2
  if (variant == 1 && !cpuHas(Isa::Avx512)) return s.SkipWithError("no AVX-512 on this CPU");
  const Matrix w = randomMatrix(size, size, 1), x = randomMatrix(size, n, 2);
  Matrix y(size, n);
  for (auto _ : s) {
    if (variant == 0) {
      blasGemm(transposed, false, size, n, size, 1.0f, w.data(), size, x.data(), size, 0.0f,
               y.data(), size);
    } else {
      const kernels::Table& t = variant == 1 ? kernels::avx512() : kernels::avx2();
      (transposed ? t.gemmNarrowTN : t.gemmNarrowNN)(size, n, size, w.data(), size, x.data(), size,
                                                     0.0f, y.data(), size);
    }
    benchmark::ClobberMemory();
  }
  s.counters["GFlop/s"] =
      benchmark::Counter(2.0 * size * size * n * s.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NarrowGemm)->ArgsProduct({{0, 1, 2, 3, 4, 5}, {16, 32, 64, 128}, {256, 512, 1024}});

// A layer's W x with the weights packed once for many micro-batches (nn/packed_weights.h), as
// a pipeline stage multiplies them between two updates, by the AVX2 kernels (range 0 = 2) or
// AVX-512 (1): against BM_NarrowGemm's BLAS (path 0) at the same shape.
void BM_PackedOnceGemm(benchmark::State& s) {
  const bool avx512 = s.range(0) == 1;
  const int n = static_cast<int>(s.range(1)), size = static_cast<int>(s.range(2));
  if (avx512 && !cpuHas(Isa::Avx512)) return s.SkipWithError("no AVX-512 on this CPU");
  const kernels::Table& t = avx512 ? kernels::avx512() : kernels::avx2();
  const Matrix w = randomMatrix(size, size, 1), x = randomMatrix(size, n, 2);
  Matrix y(size, n);
  std::vector<float> packed(static_cast<std::size_t>(size) * size);
  t.packNarrowNN(size, size, w.data(), size, packed.data());
  for (auto _ : s) {
    t.gemmNarrowNNPacked(size, n, size, packed.data(), x.data(), size, 0.0f, y.data(), size);
    benchmark::ClobberMemory();
  }
  s.counters["GFlop/s"] =
      benchmark::Counter(2.0 * size * size * n * s.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PackedOnceGemm)->ArgsProduct({{1, 2}, {16, 32, 64}, {512, 1024}});

// A layer's input errors W^T dy with W^T packed once for many micro-batches (AVX-512: range 0 =
// 1, AVX2: 2), against BM_NarrowGemm's paths 3-5 (BLAS, the narrow dot products) at the same
// shape; and what the packing costs once a step (range 1 = 0).
void BM_PackedOnceGemmTN(benchmark::State& s) {
  const bool avx512 = s.range(0) == 1;
  const int n = static_cast<int>(s.range(1)), size = static_cast<int>(s.range(2));
  if (avx512 && !cpuHas(Isa::Avx512)) return s.SkipWithError("no AVX-512 on this CPU");
  const kernels::Table& t = avx512 ? kernels::avx512() : kernels::avx2();
  const Matrix w = randomMatrix(size, size, 1), dy = randomMatrix(size, std::max(n, 1), 2);
  Matrix dx(size, std::max(n, 1));
  std::vector<float> packed(static_cast<std::size_t>(size) * size);
  t.packNarrowTN(size, size, w.data(), size, packed.data());
  for (auto _ : s) {
    if (n == 0) {
      t.packNarrowTN(size, size, w.data(), size, packed.data());
    } else {
      t.gemmNarrowNNPacked(size, n, size, packed.data(), dy.data(), size, 0.0f, dx.data(), size);
    }
    benchmark::ClobberMemory();
  }
  s.counters["GFlop/s"] =
      benchmark::Counter(2.0 * size * size * n * s.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PackedOnceGemmTN)->ArgsProduct({{1, 2}, {0, 16, 32, 64}, {512, 1024}});

// Packed 1024 x 1024 weights multiplied by micro-batches of 16 or 32 columns (range 0), one
// matrix after another out of range 1 of them (4 MB each): how the narrow products fare once a
// stage's weights (packed for W x and W^T dy) no longer stay in the caches, as in lesson 3's
// 784-1024-1024-1024-10 pipeline, whose two stages hold ~20 MB each against a 32 MB L3.
void BM_PackedOnceGemmStream(benchmark::State& s) {
  const int n = static_cast<int>(s.range(0)), count = static_cast<int>(s.range(1)), size = 1024;
  const kernels::Table& t = kernels::active();
  const Matrix x = randomMatrix(size, n, 2);
  Matrix y(size, n);
  std::vector<std::vector<float>> packed(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const Matrix w = randomMatrix(size, size, 10 + i);
    packed[static_cast<std::size_t>(i)].resize(static_cast<std::size_t>(size) * size);
    t.packNarrowNN(size, size, w.data(), size, packed[static_cast<std::size_t>(i)].data());
  }
  std::size_t next = 0;
  for (auto _ : s) {
    t.gemmNarrowNNPacked(size, n, size, packed[next].data(), x.data(), size, 0.0f, y.data(), size);
    next = (next + 1) % packed.size();
    benchmark::ClobberMemory();
  }
  s.counters["GFlop/s"] =
      benchmark::Counter(2.0 * size * size * n * s.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PackedOnceGemmStream)->ArgsProduct({{16, 32}, {1, 2, 5, 10}});

// Lesson 3's hidden layer at a pipeline's micro-batch widths (batch 256 cut into m = 8 -> 32):
// items/s per width shows what small micro-batches cost each stage.
void BM_Dense1024Batch(benchmark::State& s) {
  layerStep(s, std::make_unique<Dense>(1024), {1024, 1, 1}, true, static_cast<int>(s.range(0)));
}
BENCHMARK(BM_Conv1);
BENCHMARK(BM_Conv2);
BENCHMARK(BM_Conv2Batch)->Arg(8)->Arg(31)->Arg(32)->Arg(48)->Arg(100)->Arg(128);
BENCHMARK(BM_MaxPool1);
BENCHMARK(BM_ReLU1);
BENCHMARK(BM_Dense784x256);
BENCHMARK(BM_Dense1024Batch)->Arg(16)->Arg(32)->Arg(64)->Arg(128)->Arg(256);

// One SGD step of a whole model: forward, loss, backward, update.
void trainStep(benchmark::State& state, const char* arch) {
  ModelSpec spec;
  spec.arch = arch;
  Model model = buildModel(spec, Shape{1, 28, 28}, 10, 1);
  Sgd sgd(0.1f);
  const Matrix x = randomMatrix(784, kBatch, 4);
  std::vector<int> labels(kBatch);
  for (int i = 0; i < kBatch; ++i) labels[i] = i % 10;
  Matrix dOut;
  for (auto _ : state) {
    benchmark::DoNotOptimize(softmaxCrossEntropy(model.forward(x), labels, &dOut));
    model.backward(dOut);  // overwrites the gradients, as the trainer does
    sgd.step(model.parameters(), model.gradients());
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_MlpTrainStep(benchmark::State& s) { trainStep(s, "mlp"); }
void BM_LeNetTrainStep(benchmark::State& s) { trainStep(s, "lenet5"); }
BENCHMARK(BM_MlpTrainStep);
BENCHMARK(BM_LeNetTrainStep);

// The hand-written kernels on LeNet-5's shapes, one table per instruction set.
std::vector<float> randomFloats(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (float& x : v) x = rng.uniformFloat();
  return v;
}

const kernels::Table* tableOrSkip(benchmark::State& state) {
  const auto isa = static_cast<Isa>(state.range(0));
  state.SetLabel(std::string(isaName(isa)));
  if (!cpuHas(isa)) {
    state.SkipWithError("this CPU cannot run it");
    return nullptr;
  }
  return &kernels::forIsa(isa);
}

// Where each of Conv1's 25 taps reads in its padded 32-wide input.
std::vector<int> conv1TapOffsets() {
  std::vector<int> offsets(25);
  for (int t = 0; t < 25; ++t) offsets[t] = (t / 5) * 32 + t % 5;
  return offsets;
}

// The first conv's forward for one example: 6 channels, 25 taps over 28 rows of 32.
void BM_KernelConvTaps(benchmark::State& state) {
  const auto* table = tableOrSkip(state);
  if (!table) return;
  const int n = 28 * 32 / kernels::kWideBlock * kernels::kWideBlock, taps = 25, channels = 6;
  const std::vector<int> offsets = conv1TapOffsets();
  const auto in = randomFloats(32 * 32 + 64, 1), w = randomFloats(taps * channels, 2);
  const std::vector<float> bias(channels, 0.1f);
  std::vector<float> out(static_cast<std::size_t>(n) * channels);
  for (auto _ : state) {
    table->convTaps(in.data(), offsets.data(), nullptr, taps, w.data(), channels, bias.data(),
                    channels, out.data(), n, n);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * n * taps * channels);  // multiply-adds
}

// The first conv's weight gradient for one example: 6 channels, 25 taps over 896 outputs.
void BM_KernelConvTapsGrad(benchmark::State& state) {
  const auto* table = tableOrSkip(state);
  if (!table) return;
  const int n = 28 * 32 / kernels::kWideBlock * kernels::kWideBlock, taps = 25, channels = 6;
  const std::vector<int> offsets = conv1TapOffsets();
  const auto g = randomFloats(n * channels, 1), in = randomFloats(32 * 32 + 64, 2);
  std::vector<float> dw(taps * channels);
  for (auto _ : state) {
    table->convTapsGrad(g.data(), n, channels, in.data(), offsets.data(), taps, dw.data(), channels,
                        kernels::oneRow(n));
    benchmark::DoNotOptimize(dw.data());
  }
  state.SetItemsProcessed(state.iterations() * n * taps * channels);  // multiply-adds
}

// One 28x28 plane pooled to 14x14, a row at a time.
void BM_KernelMaxPool2x2(benchmark::State& state) {
  const auto* table = tableOrSkip(state);
  if (!table) return;
  const auto plane = randomFloats(28 * 28, 5);
  std::vector<float> out(14 * 14);
  std::vector<int> arg(14 * 14);
  for (auto _ : state) {
    for (int oy = 0; oy < 14; ++oy)
      table->maxPool2x2Row(plane.data() + 2 * oy * 28, 28, 14, 2 * oy * 28, out.data() + oy * 14,
                           arg.data() + oy * 14);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * 14 * 14);
}

#define DISTLAB_PER_ISA(name) \
  BENCHMARK(name)->Arg(static_cast<int>(Isa::Avx2))->Arg(static_cast<int>(Isa::Avx512))
DISTLAB_PER_ISA(BM_KernelConvTaps);
DISTLAB_PER_ISA(BM_KernelConvTapsGrad);
DISTLAB_PER_ISA(BM_KernelMaxPool2x2);

}  // namespace

BENCHMARK_MAIN();
