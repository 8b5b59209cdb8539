#include "modelpar/skeleton_worker.h"

#include <memory>

#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "modelpar/batch_order.h"
#include "modelpar/peer_links.h"
#include "modelpar/skeleton_plan.h"
#include "modelpar/stage_reporter.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"

namespace distlab::engine {

void runSkeletonWorker(BlockingChannel& hub, int rank, const Spec& spec, const std::string& token) {
  // Workers of a skeleton run talk to the coordinator only: no links to each other.
  const PeerLinks none(hub, rank, spec.modelParallel.shards, {}, token, spec);
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  const auto share = skeletonShare(data.train.size(), spec.modelParallel.shards, rank, spec.seed);
  BatchOrder order(spec.training, share.size(), spec.seed + static_cast<std::uint64_t>(rank));
  const LossKind loss = lossFromName(spec.training.loss);
  StageReporter reporter(hub, rank);
  std::unique_ptr<Model> model;
  std::vector<int> widths;
  Mask mask;
  Matrix x, targets, dOut;
  std::vector<int> labels;
  std::vector<std::size_t> rows;
  std::uint64_t step = 0;
  for (;;) {
    const auto t0 = steadyNowNs();
    Message message = hub.receive();
    if (std::holds_alternative<Shutdown>(message)) return;
    if (auto* m = std::get_if<Mask>(&message)) {
      mask = std::move(*m);
      continue;
    }
    auto* params = std::get_if<Params>(&message);
    if (!params || params->version != mask.round) {
      throw Error("worker " + std::to_string(rank) + " expected its sub-network's parameters");
    }
    reporter.record(Span{rank, SpanKind::Pull, t0, steadyNowNs(), step,
                         params->values.size() * sizeof(float)});
    // The sub-network: the spec's MLP with the kept widths.
    std::vector<int> kept;
    for (const auto& layer : mask.neurons) kept.push_back(static_cast<int>(layer.size()));
    if (!model || kept != widths) {
      Spec sub = spec;
      sub.model.hidden = kept;
      model = std::make_unique<Model>(buildModelLayoutFor(sub, data.train));  // filled below
      widths = kept;
    }
    if (params->values.size() != model->parameterCount()) {
      throw Error("the sub-network's parameters do not fit its neurons");
    }
    std::copy(params->values.begin(), params->values.end(), model->parameters().begin());
    const auto optimizer = makeOptimizer(spec.training);
    std::uint32_t samples = 0;
    for (int s = 0; s < spec.cluster.localSteps; ++s, ++step) {
      const auto c0 = steadyNowNs();
      const auto positions = order.next();
      rows.clear();
      for (std::size_t p : positions) rows.push_back(share[p]);
      gatherBatch(data.train, rows, x, labels, targets);
      const BatchTargets t{labels, targets.size() > 0 ? &targets : nullptr};
      const double l = computeLoss(loss, model->forward(x), t, &dOut);
      model->backward(dOut);
      optimizer->step(model->parameters(), model->gradients());
      samples += static_cast<std::uint32_t>(rows.size());
      reporter.record(Span{rank, SpanKind::Compute, c0, steadyNowNs(), step, 0});
      reporter.record(StepLoss{steadyNowNs(), rank, step, l});
    }
    // Everything measured goes before the model: after the last one the coordinator may end.
    const std::uint64_t bytes = kFrameHeaderSize + bulkPrefixSize(MessageType::Push) +
                                model->parameterCount() * sizeof(float);
    reporter.record(Traffic{steadyNowNs(), rank, Direction::ToServer, MessageType::Push,
                            TrafficKind::Updates, bytes, bytes});
    reporter.sendTelemetry(true);
    Push push;
    push.kind = PushKind::Model;
    push.baseVersion = mask.round;
    push.samples = samples;
    hub.sendBulk(push, model->parameters());
  }
}

}  // namespace distlab::engine
