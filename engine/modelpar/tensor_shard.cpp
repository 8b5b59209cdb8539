#include "modelpar/tensor_shard.h"

#include <memory>

#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "modelpar/batch_order.h"
#include "modelpar/peer_links.h"
#include "modelpar/stage_reporter.h"
#include "modelpar/step_loop.h"
#include "modelpar/tensor_plan.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"

namespace distlab::engine {
namespace {

std::vector<int> everyoneBut(int rank, int shards) {
  std::vector<int> peers;
  for (int k = 0; k < shards; ++k) {
    if (k != rank) peers.push_back(k);
  }
  return peers;
}

class TensorShardLoop {
 public:
  TensorShardLoop(BlockingChannel& hub, int rank, const Spec& spec, const std::string& token)
      : m_rank(rank),
        m_shards(spec.modelParallel.shards),
        m_spec(spec),
        m_data(loadDataset(spec.dataset, spec.seed)),
        m_order(spec.training, m_data.train.size(), spec.seed),
        m_loss(lossFromName(spec.training.loss)),
        m_optimizer(makeOptimizer(spec.training)),
        m_reporter(hub, rank) {
    const Model whole = buildModelFor(spec, m_data.train);
    m_plan = planTensorShards(whole, m_shards);
    m_params = shardParameters(whole, m_plan, rank);
    m_grads.assign(m_params.size(), 0.0f);
    // Each block: this shard's part of a layer with weights (fewer neurons or channels) and the
    // parameterless layers after it, on this shard's slices of the parameters and gradients.
    std::size_t offset = 0;
    for (const auto& t : m_plan.layers) {
      auto block = std::make_unique<Model>(t.layer == 0 ? whole.inputShape()
                                                        : whole.layerShapes()[t.layer - 1]);
      block->add(whole.layers()[t.layer]->blank(t.neurons(rank)));
      for (std::size_t i = t.layer + 1; i < t.end; ++i) block->add(whole.layers()[i]->blank());
      block->finalize();
      const std::size_t count = block->parameterCount();
      block->shareBuffers({m_params.data() + offset, count}, {m_grads.data() + offset, count});
      offset += count;
      m_blocks.push_back(std::move(block));
    }
    m_inputs.resize(m_plan.layers.size() + 1);
    m_links =
        std::make_unique<PeerLinks>(hub, rank, m_shards, everyoneBut(rank, m_shards), token, spec);
    m_links->startSending(m_reporter.onSent());
  }

  void run() {
    runSteps(
        m_spec, m_data.train.size(), m_order, *m_links, m_reporter, m_params,
        [this](std::uint64_t step, std::span<const std::size_t> rows) { runStep(step, rows); });
  }

 private:
  void runStep(std::uint64_t step, std::span<const std::size_t> rows) {
    m_step = step;
    m_reporter.setStep(step);
    gatherBatch(m_data.train, rows, m_inputs[0], m_labels, m_targets);
    const std::size_t layers = m_plan.layers.size();
    for (std::size_t l = 0; l < layers; ++l) forward(l);
    // Every shard has the whole output: the same loss and output errors everywhere.
    const auto t0 = steadyNowNs();
    const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
    const double loss = computeLoss(m_loss, m_inputs[layers], targets, &m_errors);
    m_reporter.record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), step, 0});
    for (std::size_t l = layers; l-- > 0;) backward(l);
    const auto t1 = steadyNowNs();
    m_optimizer->step(m_params, m_grads);
    m_reporter.record(Span{m_rank, SpanKind::Compute, t1, steadyNowNs(), step, 0});
    if (m_rank == 0) m_reporter.record(StepLoss{steadyNowNs(), m_rank, step, loss});
  }

  /// Rows of shard k's block in the whole output of layer l (a neuron's or channel's values
  /// are consecutive rows, column per example).
  std::pair<int, int> rowsOf(const TensorLayer& t, int k) const {
    return {t.first[static_cast<std::size_t>(k)] * t.unit, t.neurons(k) * t.unit};
  }

  void forward(std::size_t l) {
    const auto& t = m_plan.layers[l];
    const auto t0 = steadyNowNs();
    const Matrix& h = m_blocks[l]->forward(m_inputs[l]);
    m_reporter.record(Span{m_rank, SpanKind::Forward, t0, steadyNowNs(), m_step, 0});
    // All-gather: this block to every other shard, theirs into their rows.
    for (int k = 0; k < m_shards; ++k) {
      if (k != m_rank) send<Activations>(k, static_cast<std::uint32_t>(l), h);
    }
    Matrix& whole = m_inputs[l + 1];
    whole.resize(static_cast<Eigen::Index>(t.outputs) * t.unit, h.cols());
    for (int k = 0; k < m_shards; ++k) {
      const auto [first, rows] = rowsOf(t, k);
      if (k == m_rank) {
        whole.middleRows(first, rows) = h;
        continue;
      }
      const auto a =
          m_reporter.receive<Activations>(m_links->channel(k), static_cast<std::uint32_t>(l));
      if (static_cast<int>(a.rows) != rows) throw Error("a shard sent a block of another size");
      whole.middleRows(first, rows) = Eigen::Map<const Matrix>(a.values.data(), rows, a.columns());
    }
  }

  /// m_errors holds dL/d(block l's whole output) on entry and dL/d(its input) on return.
  void backward(std::size_t l) {
    const auto& t = m_plan.layers[l];
    const auto t0 = steadyNowNs();
    const auto [first, rows] = rowsOf(t, m_rank);
    const Matrix mine = m_errors.middleRows(first, rows);
    Matrix partial;
    m_blocks[l]->backward(mine, l > 0 ? &partial : nullptr, GradientMode::Overwrite);
    m_reporter.record(Span{m_rank, SpanKind::Backward, t0, steadyNowNs(), m_step, 0});
    if (l == 0) return;
    // All-reduce: every shard's share of the input errors, summed in rank order everywhere.
    for (int k = 0; k < m_shards; ++k) {
      if (k != m_rank) send<Errors>(k, static_cast<std::uint32_t>(l), partial);
    }
    m_errors.setZero(partial.rows(), partial.cols());
    for (int k = 0; k < m_shards; ++k) {
      if (k == m_rank) {
        m_errors += partial;
        continue;
      }
      const auto e = m_reporter.receive<Errors>(m_links->channel(k), static_cast<std::uint32_t>(l));
      if (e.values.size() != static_cast<std::size_t>(partial.size())) {
        throw Error("a shard sent input errors of another size");
      }
      m_errors += Eigen::Map<const Matrix>(e.values.data(), partial.rows(), partial.cols());
    }
  }

  template <class M>
  void send(int to, std::uint32_t index, const Matrix& values) {
    M m;
    m.step = m_step;
    m.micro = index;
    m.rows = static_cast<std::uint32_t>(values.rows());
    m.values.assign(values.data(), values.data() + values.size());
    m_links->sender(to).send(std::move(m));
  }

  int m_rank, m_shards;
  Spec m_spec;
  TrainTest m_data;
  BatchOrder m_order;
  LossKind m_loss;
  std::unique_ptr<Optimizer> m_optimizer;
  TensorPlan m_plan;
  std::vector<float> m_params, m_grads;
  std::vector<std::unique_ptr<Model>> m_blocks;  ///< per layer with weights: this shard's part
  StageReporter m_reporter;
  std::vector<Matrix> m_inputs;  ///< per block: its whole input; last: the whole output
  Matrix m_errors, m_targets;
  std::vector<int> m_labels;
  std::uint64_t m_step = 0;
  std::unique_ptr<PeerLinks> m_links;  ///< last: its senders stop before the rest goes
};

}  // namespace

void runTensorShard(BlockingChannel& coordinator, int rank, const Spec& spec,
                    const std::string& token) {
  TensorShardLoop(coordinator, rank, spec, token).run();
}

}  // namespace distlab::engine
