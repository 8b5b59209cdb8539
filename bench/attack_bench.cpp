// One evaluation of the DLG objective through the reference LeNet (torch_dlg.py's model): the
// forward pass, the gradient, the distance to the shared gradient and its double backward.
// An L-BFGS attack is little else, so this is what bench/dlg_bench.sh's times are made of.
#include <benchmark/benchmark.h>

#include "attacks/attack_net.h"
#include "core/keep_freed_memory.h"
#include "core/rng.h"

namespace distlab::engine {
namespace {

MatD uniform(int rows, int cols, Rng& rng) {
  MatD m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform();
  return m;
}

void BM_NetDlgObjective(benchmark::State& state) {
  keepFreedMemory();  // as the inversion lesson does
  const int batch = static_cast<int>(state.range(0));
  Rng rng(7);
  const AttackNet net = AttackNet::lenet(10, 0.5, rng);
  MatD labels = MatD::Zero(10, batch);
  for (int b = 0; b < batch; ++b) labels(b % 10, b) = 1;
  const MlpGradient target = netGradient(net, uniform(784, batch, rng), labels);
  const MatD guess = uniform(784, batch, rng);
  MatD logits(10, batch);
  for (Eigen::Index i = 0; i < logits.size(); ++i) logits.data()[i] = rng.normal();
  for (auto _ : state) {
    benchmark::DoNotOptimize(netDlgObjective(net, guess, logits, target).distance);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NetDlgObjective)->Arg(1)->Arg(4);

}  // namespace
}  // namespace distlab::engine

BENCHMARK_MAIN();
