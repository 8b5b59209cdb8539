// The server's rules (lesson 8) on one BSP round of the default MLP (235,146 floats a push):
// the time from the round's pushes to its aggregate, at 10 and 50 workers. Krum and Bulyan are
// O(n^2 d): this says where they stop being interactive.
#include <benchmark/benchmark.h>

#include <numeric>
#include <random>
#include <vector>

#include "aggregate/robust/robust_aggregator.h"
#include "core/spec.h"
#include "data/load.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "security/adversarial/adversarial_attack.h"

using namespace distlab::engine;

namespace {

constexpr std::size_t kFloats = 235146;
const char* kRules[] = {"mean",       "median", "trimmed-mean", "krum",
                        "multi-krum", "bulyan", "norm-clip",    "centered-clip"};

void BM_Rule(benchmark::State& state) {
  const RobustAggregator& rule = robustAggregators().at(kRules[state.range(0)]);
  const auto n = static_cast<std::size_t>(state.range(1));
  std::mt19937 rng(1);
  std::normal_distribution<float> normal(0.0f, 1e-2f);
  std::vector<std::vector<float>> pushes(n, std::vector<float>(kFloats));
  for (auto& p : pushes) {
    for (float& x : p) x = normal(rng);
  }
  const std::vector<std::span<const float>> views(pushes.begin(), pushes.end());
  const std::vector<float> weights(n, 64.0f);
  // f as large as every rule allows at this n (Bulyan: 4f + 3 <= n).
  const RobustSettings settings{static_cast<int>((n - 3) / 4), 0.2, 0, 0.0};
  std::vector<float> out(kFloats);
  RobustMemory memory;
  RobustRound round;
  for (auto _ : state) {
    rule.combine(views, weights, settings, memory, out, round);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetLabel(std::string(rule.name()) + ", " + std::to_string(n) +
                 " workers, f = " + std::to_string(settings.assumedAttackers));
}

// PGD-10 (L-inf, epsilon 0.1, step 0.025, random start) on LeNet-5, batches of 100
// Fashion-MNIST test images: adversarial examples a second, beside bench/pgd_torch.py.
void BM_PgdLenet(benchmark::State& state) {
  Spec spec;
  spec.model.arch = "lenet5";
  spec.dataset.testLimit = 1000;
  spec.dataset.trainLimit = 1000;
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  Model model = buildModelFor(spec, data.train);
  std::vector<std::size_t> rows(100);
  Matrix x, targets, adversarial;
  std::vector<int> labels;
  PerturbSettings settings;
  settings.epsilon = 0.1;
  settings.step = 0.025;
  settings.steps = 10;
  Rng rng(1);
  std::size_t begin = 0;
  for (auto _ : state) {
    std::iota(rows.begin(), rows.end(), begin);
    begin = (begin + 100) % 1000;
    gatherBatch(data.test, rows, x, labels, targets);
    adversarialAttacks().at("pgd").perturb(model, LossKind::CrossEntropy, x, {labels, nullptr},
                                           settings, rng, adversarial);
    benchmark::DoNotOptimize(adversarial.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 100);
}

}  // namespace

BENCHMARK(BM_PgdLenet)->Unit(benchmark::kMillisecond)->MinTime(2.0);

BENCHMARK(BM_Rule)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 7, 1), {10, 50}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(0.5);

BENCHMARK_MAIN();
