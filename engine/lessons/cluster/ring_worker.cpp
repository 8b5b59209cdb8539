#include "lessons/cluster/ring_worker.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include "cluster/sync_rule.h"
#include "cluster/worker_schedule.h"
#include "comm/process_all_reduce.h"
#include "comm/ring_allreduce.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "modelpar/peer_links.h"
#include "modelpar/stage_reporter.h"
#include "modelpar/step_loop.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"

namespace distlab::engine {
namespace {

class RingWorkerLoop {
 public:
  RingWorkerLoop(BlockingChannel& hub, int rank, const Spec& spec, const std::string& token)
      : m_rank(rank),
        m_workers(spec.cluster.workers),
        m_spec(spec),
        m_rule(syncRuleFor(spec)),
        m_data(loadDataset(spec.dataset, spec.seed)),
        m_model(buildModelFor(spec, m_data.train)),
        m_schedule(m_spec, m_data.train, rank),
        m_steps(ringSteps(m_spec, m_data.train)),
        m_optimizer(makeOptimizer(spec.training)),
        m_loss(lossFromName(spec.training.loss)),
        m_reporter(hub, rank) {
    if (!spec.cluster.slowdown.empty()) {
      m_slowdown = spec.cluster.slowdown.at(static_cast<std::size_t>(rank));
    }
    // The weighted gradients, then the weights: one ring sums both.
    m_sum.resize(m_model.parameterCount() + 1);
    // Under mpirun the sums are MPI_Allreduce's: no ring of our own to link.
    const bool ownRing = !processAllReduce();
    m_links = std::make_unique<PeerLinks>(
        hub, rank, m_workers, ownRing ? ringNeighbours(rank, m_workers) : std::vector<int>{}, token,
        spec);
    m_links->startSending(m_reporter.onSent());
    const int next = (rank + 1) % m_workers, previous = (rank + m_workers - 1) % m_workers;
    m_ring.sendNext = [this, next](RingChunk chunk) {
      chunk.round = m_step;
      m_links->sender(next).send(std::move(chunk));
    };
    m_ring.receivePrevious = [this, previous] {
      Message message = m_reporter.receiveTimed(m_links->channel(previous));
      auto* chunk = std::get_if<RingChunk>(&message);
      if (!chunk || chunk->round != m_step) {
        throw Error("worker " + std::to_string(m_rank) + " expected a ring chunk of step " +
                    std::to_string(m_step) + " from worker " + std::to_string(previous) +
                    " and received something else");
      }
      return std::move(*chunk);
    };
  }

  void run() {
    // Only rank 0 sends its parameters (every rank holds the same); the others say "here".
    const std::span<const float> shown =
        m_rank == 0 ? std::span<const float>(m_model.parameters()) : std::span<const float>();
    runSteps(m_steps, static_cast<std::uint64_t>(m_spec.cluster.evalEvery), *m_links, m_reporter,
             shown, [this](std::uint64_t step) { runStep(step); });
  }

 private:
  void runStep(std::uint64_t step) {
    m_step = step;
    m_reporter.setStep(step);
    const auto t0 = steadyNowNs();
    const auto rows = m_schedule.batch(step);
    gatherBatch(m_data.train, rows, m_x, m_labels, m_targets);
    const float weight =
        static_cast<float>(m_rule.weightOf(static_cast<std::uint32_t>(rows.size())));
    if (step + 1 < m_steps) prefetchRows(m_data.train, m_schedule.batch(step + 1));
    const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
    const double loss = computeLoss(m_loss, m_model.forward(m_x), targets, &m_dOut);
    m_model.backward(m_dOut);
    const auto gradients = m_model.gradients();
    for (std::size_t i = 0; i < gradients.size(); ++i) m_sum[i] = weight * gradients[i];
    m_sum.back() = weight;
    // A straggler: the same work takes `slowdown` times as long (and the whole ring waits).
    const auto computed = steadyNowNs();
    if (m_slowdown > 1.0) {
      std::this_thread::sleep_for(std::chrono::nanoseconds(
          static_cast<std::int64_t>((computed - t0) * (m_slowdown - 1.0))));
    }
    m_reporter.record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), step, 0});
    m_reporter.record(StepLoss{steadyNowNs(), m_rank, step, loss});
    if (const auto& allReduce = processAllReduce()) {
      const auto sent = steadyNowNs();
      allReduce(m_sum);
      m_reporter.record(Span{m_rank, SpanKind::Send, sent, steadyNowNs(), step, 0});
    } else {
      ringAllReduce(m_sum, m_rank, m_workers, m_ring, m_spec.cluster.ringSegments);
    }
    // The mean of the round, as the parameter server would apply it (weighted by examples).
    const auto t1 = steadyNowNs();
    const float total = m_sum.back();
    for (std::size_t i = 0; i < gradients.size(); ++i) gradients[i] = m_sum[i] / total;
    m_optimizer->step(m_model.parameters(), gradients);
    m_reporter.record(Span{m_rank, SpanKind::Aggregate, t1, steadyNowNs(), step, 0});
  }

  int m_rank, m_workers;
  Spec m_spec;
  SyncRule m_rule;
  TrainTest m_data;
  Model m_model;
  WorkerSchedule m_schedule;
  std::uint64_t m_steps;
  std::unique_ptr<Optimizer> m_optimizer;
  LossKind m_loss;
  StageReporter m_reporter;
  double m_slowdown = 1.0;
  std::vector<float> m_sum;
  Matrix m_x, m_dOut, m_targets;
  std::vector<int> m_labels;
  std::uint64_t m_step = 0;
  RingLinks m_ring;
  std::unique_ptr<PeerLinks> m_links;  ///< last: its senders stop before the rest goes
};

}  // namespace

std::uint64_t ringSteps(const Spec& spec, const Dataset& train) {
  std::uint64_t fewest = 0;
  for (int k = 0; k < spec.cluster.workers; ++k) {
    const std::uint64_t steps = WorkerSchedule(spec, train, k).totalSteps();
    fewest = k == 0 ? steps : std::min(fewest, steps);
  }
  return fewest;
}

std::vector<int> ringNeighbours(int rank, int workers) {
  std::vector<int> peers;
  for (int peer : {(rank + workers - 1) % workers, (rank + 1) % workers}) {
    if (peer != rank && std::find(peers.begin(), peers.end(), peer) == peers.end()) {
      peers.push_back(peer);
    }
  }
  return peers;
}

void runRingWorker(BlockingChannel& coordinator, int rank, const Spec& spec,
                   const std::string& token) {
  RingWorkerLoop(coordinator, rank, spec, token).run();
}

}  // namespace distlab::engine
