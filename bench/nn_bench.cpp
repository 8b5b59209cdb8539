// Google Benchmark timings of the training core on Fashion-MNIST-shaped batches of 64.
// Run: build/bench/distlab_bench_nn --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "core/rng.h"
#include "nn/activations.h"
#include "nn/builders.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
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
void layerStep(benchmark::State& state, std::unique_ptr<Layer> layer, Shape input, bool inputGrad) {
  Model model(input);
  model.add(std::move(layer));
  model.finalize();
  Rng rng(1);
  model.initialize(Initializer{}, rng);
  const Matrix x = randomMatrix(input.size(), kBatch, 2);
  const Matrix dy = randomMatrix(model.outputShape().size(), kBatch, 3);
  Matrix dx;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model.forward(x).data());
    model.backward(dy, inputGrad ? &dx : nullptr);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_Conv1(benchmark::State& s) {
  layerStep(s, std::make_unique<Conv2D>(6, 5, 1, 2), {1, 28, 28}, false);
}
void BM_Conv2(benchmark::State& s) {
  layerStep(s, std::make_unique<Conv2D>(16, 5), {6, 14, 14}, true);
}
void BM_MaxPool1(benchmark::State& s) {
  layerStep(s, std::make_unique<MaxPool2D>(2), {6, 28, 28}, true);
}
void BM_ReLU1(benchmark::State& s) { layerStep(s, std::make_unique<ReLU>(), {6, 28, 28}, true); }
void BM_Dense784x256(benchmark::State& s) {
  layerStep(s, std::make_unique<Dense>(256), {784, 1, 1}, false);
}
BENCHMARK(BM_Conv1);
BENCHMARK(BM_Conv2);
BENCHMARK(BM_MaxPool1);
BENCHMARK(BM_ReLU1);
BENCHMARK(BM_Dense784x256);

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

}  // namespace

BENCHMARK_MAIN();
