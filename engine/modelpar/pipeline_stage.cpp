#include "modelpar/pipeline_stage.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "comm/blocking_channel.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "modelpar/batch_order.h"
#include "modelpar/peer_links.h"
#include "modelpar/pipeline_schedule.h"
#include "modelpar/stage_model.h"
#include "modelpar/stage_plan.h"
#include "modelpar/stage_reporter.h"
#include "modelpar/step_loop.h"
#include "nn/builders.h"
#include "nn/dense.h"
#include "nn/dense_rows.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "nn/packed_weights.h"
#include "nn/weight_gradient_stash.h"

namespace distlab::engine {
namespace {

/// Micro-batch i of a batch of n examples cut into m: the first n % m get one example more.
std::pair<std::size_t, std::size_t> microRange(std::size_t n, int m, int i) {
  const auto parts = static_cast<std::size_t>(m), index = static_cast<std::size_t>(i);
  const std::size_t base = n / parts, extra = n % parts;
  const std::size_t begin = index * base + std::min(index, extra);
  return {begin, base + (index < extra ? 1 : 0)};
}

std::vector<int> neighbours(int rank, int stages) {
  std::vector<int> peers;
  if (rank > 0) peers.push_back(rank - 1);
  if (rank + 1 < stages) peers.push_back(rank + 1);
  return peers;
}

/// A stage keeps its micro-batches' weight gradients until this many columns are waiting, then
/// computes them in one product a layer. Measured on lesson 3 (784-1024-1024-1024-10, 2
/// stages): 64 columns of 1024-wide inputs and errors (512 KB) stay in L2 while the product
/// reads them; the whole batch (256 columns) did not and ran no faster than one micro-batch at a
/// time. It also keeps 1F1B's activations bounded.
constexpr int kWeightGradientColumns = 64;

class StageLoop {
 public:
  StageLoop(BlockingChannel& hub, int rank, const Spec& spec, const std::string& token)
      : m_rank(rank),
        m_spec(spec),
        m_stages(spec.modelParallel.stages),
        m_micro(spec.modelParallel.microBatches),
        m_data(loadDataset(spec.dataset, spec.seed)),
        m_order(spec.training, m_data.train.size(), spec.seed),
        m_loss(lossFromName(spec.training.loss)),
        m_optimizer(makeOptimizer(spec.training)),
        m_reporter(hub, rank),
        m_grouped(spec.modelParallel.weightGradients == "grouped") {
    Model whole = buildModelFor(spec, m_data.train);
    m_plan = planStages(whole, spec.modelParallel);
    m_model = std::make_unique<Model>(extractStage(whole, m_plan, rank));
    m_ops =
        stageOps(pipelineScheduleFromName(spec.modelParallel.schedule), m_stages, rank, m_micro);
    // One replica per micro-batch in flight: each keeps its own activations (and the layers'
    // caches, e.g. im2col columns) while all share this stage's parameters and gradient sum.
    for (int i = 0; i < peakInFlight(m_ops); ++i) {
      Model copy = buildModelLayoutFor(spec, m_data.train);  // its parameters are shared
      m_replicas.push_back(std::make_unique<Model>(extractStage(copy, m_plan, rank)));
      m_replicas.back()->shareBuffers(m_model->parameters(), m_model->gradients());
    }
    m_inputs.resize(m_replicas.size());
    m_outputErrors.resize(static_cast<std::size_t>(m_micro));
    m_model->zeroGradients();
    packWeights();
    if (m_grouped) {
      // Flushed once 64 columns wait: at most 63 and one more micro-batch are ever kept.
      const int batch = spec.training.batchSize;
      m_stash.prepare(*m_model,
                      std::min(batch, kWeightGradientColumns + (batch + m_micro - 1) / m_micro));
    }
    m_links =
        std::make_unique<PeerLinks>(hub, rank, m_stages, neighbours(rank, m_stages), token, spec);
    m_links->startSending(m_reporter.onSent());
  }

  void run() {
    runSteps(
        m_spec, m_data.train.size(), m_order, *m_links, m_reporter, m_model->parameters(),
        [this](std::uint64_t step, std::span<const std::size_t> rows) { runStep(step, rows); });
  }

 private:
  bool first() const { return m_rank == 0; }
  bool last() const { return m_rank == m_stages - 1; }

  void runStep(std::uint64_t step, std::span<const std::size_t> rows) {
    m_step = step;
    m_reporter.setStep(step);
    double lossSum = 0.0;
    for (const PipelineOp& op : m_ops) {
      const auto [begin, count] = microRange(rows.size(), m_micro, op.micro);
      if (op.forward) {
        lossSum += forward(op.micro, rows.subspan(begin, count), static_cast<double>(rows.size()));
      } else {
        backward(op.micro);
      }
    }
    const auto t0 = steadyNowNs();
    m_optimizer->step(m_model->parameters(), m_model->gradients());
    m_model->zeroGradients();
    packWeights();
    m_reporter.record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), step, 0});
    if (last()) m_reporter.record(StepLoss{steadyNowNs(), m_rank, step, lossSum});
  }

  /// Each Dense layer's weights (or a cut layer's rows of them) packed once for the step's
  /// micro-batches (they change only in the update), for W x and, but in the first layer,
  /// whose input errors no one reads, for W^T dy; every replica's copy pointed at them.
  void packWeights() {
    const auto& layers = m_model->layers();
    m_packed.resize(layers.size());
    m_packedTransposed.resize(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
      int outputs = 0, inputs = 0;
      const float* w = nullptr;
      if (const auto* dense = dynamic_cast<const Dense*>(layers[i].get())) {
        outputs = dense->outputs(), inputs = dense->inputs(), w = dense->weights().data();
      } else if (const auto* rows = dynamic_cast<const DenseRows*>(layers[i].get())) {
        outputs = rows->rows(), inputs = rows->inputs(), w = rows->weights();
      } else {
        continue;
      }
      m_packed[i].pack(outputs, inputs, w, outputs);
      if (i > 0 || !first()) m_packedTransposed[i].packTransposed(inputs, outputs, w, outputs);
      const auto use = [](const PackedWeights& p) { return p.packed() ? &p : nullptr; };
      for (auto& r : m_replicas) {
        Layer* copy = r->layers()[i].get();
        if (auto* d = dynamic_cast<Dense*>(copy)) {
          d->usePackedWeights(use(m_packed[i]), use(m_packedTransposed[i]));
        }
        if (auto* d = dynamic_cast<DenseRows*>(copy)) {
          d->usePackedWeights(use(m_packed[i]), use(m_packedTransposed[i]));
        }
      }
    }
  }

  Model& replica(int micro) {
    return *m_replicas[static_cast<std::size_t>(micro) % m_replicas.size()];
  }
  Matrix& input(int micro) { return m_inputs[static_cast<std::size_t>(micro) % m_inputs.size()]; }

  /// Returns this micro-batch's share of the batch loss (last stage), 0 elsewhere.
  double forward(int micro, std::span<const std::size_t> rows, double batchSize) {
    Matrix& x = input(micro);
    auto t0 = steadyNowNs();  // the first stage's pass includes gathering its examples
    if (first()) {
      gatherBatch(m_data.train, rows, x, m_labels, m_targets);
    } else {
      const auto a = m_reporter.receive<Activations>(m_links->channel(m_rank - 1),
                                                     static_cast<std::uint32_t>(micro));
      t0 = steadyNowNs();
      x = Eigen::Map<const Matrix>(a.values.data(), a.rows, a.columns());
    }
    const Matrix& out = replica(micro).forward(x);
    m_inFlight += 1;
    if (!last()) {
      m_reporter.record(
          Span{m_rank, SpanKind::Forward, t0, steadyNowNs(), m_step, heldActivationBytes()});
      send<Activations>(m_rank + 1, micro, out);
      return 0.0;
    }
    // The loss of a micro-batch is its mean; scaled by its share of the batch, the summed
    // gradients are those of the batch's mean loss, as in single-process training. It is part
    // of the last stage's forward pass (work, not bubble).
    gatherTargets(m_data.train, rows, m_labels, m_targets);
    const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
    Matrix& dOut = m_outputErrors[static_cast<std::size_t>(micro)];
    const double loss = computeLoss(m_loss, out, targets, &dOut);
    const double share = static_cast<double>(rows.size()) / batchSize;
    dOut *= static_cast<float>(share);
    m_reporter.record(
        Span{m_rank, SpanKind::Forward, t0, steadyNowNs(), m_step, heldActivationBytes()});
    return loss * share;
  }

  void backward(int micro) {
    Matrix dy;
    const Matrix* errors = &m_outputErrors[static_cast<std::size_t>(micro)];
    if (!last()) {
      const auto e = m_reporter.receive<Errors>(m_links->channel(m_rank + 1),
                                                static_cast<std::uint32_t>(micro));
      dy = Eigen::Map<const Matrix>(e.values.data(), e.rows, e.columns());
      errors = &dy;
    }
    const auto t0 = steadyNowNs();
    if (m_grouped) {
      replica(micro).backward(*errors, first() ? nullptr : &m_dx, m_stash);
    } else {
      replica(micro).backward(*errors, first() ? nullptr : &m_dx, GradientMode::Accumulate);
    }
    m_inFlight -= 1;
    if (!first()) send<Errors>(m_rank - 1, micro, m_dx);
    // The weight gradients kept so far, in one product a layer, once the errors went on (the
    // stage before does not wait for them), and at the step's last micro-batch. The span holds
    // the stage's activations just before: the kept inputs and errors are at their most then.
    const bool stepDone = ++m_backwards == m_micro;
    if (stepDone) m_backwards = 0;
    std::uint64_t held = 0;
    if (stepDone || m_stash.columns() >= kWeightGradientColumns) {
      held = heldActivationBytes();
      m_stash.flush(*m_model);
    }
    m_reporter.record(Span{m_rank, SpanKind::Backward, t0, steadyNowNs(), m_step, held});
  }

  std::uint64_t heldActivationBytes() const {
    // Every replica holding a micro-batch keeps its layers' outputs and its input.
    std::uint64_t perMicro = 0;
    for (const auto& r : m_replicas) {
      perMicro = std::max<std::uint64_t>(perMicro, r->activationBytes());
    }
    const std::uint64_t input = static_cast<std::uint64_t>(m_inputs.front().size()) * sizeof(float);
    return static_cast<std::uint64_t>(m_inFlight) * (perMicro + input) + m_stash.heldBytes();
  }

  template <class M>
  void send(int to, int micro, const Matrix& values) {
    M m;
    m.step = m_step;
    m.micro = static_cast<std::uint32_t>(micro);
    m.rows = static_cast<std::uint32_t>(values.rows());
    m.values.assign(values.data(), values.data() + values.size());
    m_links->sender(to).send(std::move(m));
  }

  int m_rank;
  Spec m_spec;
  int m_stages, m_micro;
  TrainTest m_data;
  BatchOrder m_order;
  LossKind m_loss;
  std::unique_ptr<Optimizer> m_optimizer;
  StageReporter m_reporter;
  StagePlan m_plan;
  std::unique_ptr<Model> m_model;  ///< owns the stage's parameters and gradient sum
  std::vector<std::unique_ptr<Model>> m_replicas;
  std::vector<PipelineOp> m_ops;
  std::vector<Matrix> m_inputs;        ///< per replica: the micro-batch it holds
  std::vector<Matrix> m_outputErrors;  ///< last stage: dL/doutput per micro-batch
  Matrix m_dx, m_targets;
  std::vector<int> m_labels;
  int m_inFlight = 0;
  int m_backwards = 0;                  ///< backward passes so far in this step
  std::vector<PackedWeights> m_packed;  ///< by layer index: Dense weights packed for the step
  std::vector<PackedWeights> m_packedTransposed;  ///< and their transposes, for input errors
  bool m_grouped;  ///< model_parallel.weight_gradients grouped: through m_stash
  WeightGradientStash m_stash;          ///< micro-batches whose weight gradients are not yet added
  std::uint64_t m_step = 0;
  std::unique_ptr<PeerLinks> m_links;  ///< last: its senders stop before the rest goes
};

}  // namespace

void runPipelineStage(BlockingChannel& coordinator, int rank, const Spec& spec,
                      const std::string& token) {
  StageLoop(coordinator, rank, spec, token).run();
}

}  // namespace distlab::engine
