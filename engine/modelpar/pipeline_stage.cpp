#include "modelpar/pipeline_stage.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <cstdio>
#include <memory>
#include <optional>
#include <type_traits>

#include "comm/async_sender.h"
#include "comm/blocking_channel.h"
#include "comm/blocking_handshake.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "modelpar/batch_order.h"
#include "modelpar/pipeline_schedule.h"
#include "modelpar/stage_plan.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "telemetry/event_codec.h"

namespace distlab::engine {
namespace {

constexpr std::int64_t kTelemetryPeriodNs = 50'000'000;
constexpr std::int64_t kMinIdleNs = 20'000;  // shorter waits are noise, not bubble

/// Micro-batch i of a batch of n examples cut into m: the first n % m get one example more.
std::pair<std::size_t, std::size_t> microRange(std::size_t n, int m, int i) {
  const auto parts = static_cast<std::size_t>(m), index = static_cast<std::size_t>(i);
  const std::size_t base = n / parts, extra = n % parts;
  const std::size_t begin = index * base + std::min(index, extra);
  return {begin, base + (index < extra ? 1 : 0)};
}

class StageLoop {
 public:
  StageLoop(BlockingChannel& hub, int rank, const Spec& spec)
      : m_hub(hub),
        m_rank(rank),
        m_spec(spec),
        m_stages(spec.modelParallel.stages),
        m_micro(spec.modelParallel.microBatches),
        m_data(loadDataset(spec.dataset, spec.seed)),
        m_order(spec.training, m_data.train.size(), spec.seed),
        m_loss(lossFromName(spec.training.loss)),
        m_optimizer(makeOptimizer(spec.training)) {
    Model whole = buildModelFor(spec, m_data.train);
    m_plan = planStages(whole, spec.modelParallel);
    m_model = std::make_unique<Model>(whole.extractLayers(m_plan.begin(rank), m_plan.end(rank)));
    m_ops = stageOps(pipelineScheduleFromName(spec.modelParallel.schedule), m_stages, rank,
                     m_micro);
    // One replica per micro-batch in flight: each keeps its own activations (and the layers'
    // caches, e.g. im2col columns) while all share this stage's parameters and gradient sum.
    for (int i = 0; i < peakInFlight(m_ops); ++i) {
      Model copy = buildModelFor(spec, m_data.train);
      m_replicas.push_back(
          std::make_unique<Model>(copy.extractLayers(m_plan.begin(rank), m_plan.end(rank))));
      m_replicas.back()->shareBuffers(m_model->parameters(), m_model->gradients());
    }
    m_inputs.resize(m_replicas.size());
    m_outputErrors.resize(static_cast<std::size_t>(m_micro));
    m_model->zeroGradients();
  }

  bool first() const { return m_rank == 0; }
  bool last() const { return m_rank == m_stages - 1; }

  /// Connects the chain: listen for the previous stage, learn where the next one listens.
  void link() {
    std::optional<BlockingListener> listener;
    if (!first()) listener.emplace("127.0.0.1");
    m_hub.send(Route{listener ? listener->port() : std::uint16_t{0}});
    Message reply = m_hub.receive();
    const auto* route = std::get_if<Route>(&reply);
    if (!route) throw Error("the coordinator did not say where the next stage listens");
    const int timeoutMs = m_spec.cluster.peerTimeoutMs;
    if (!last()) {
      m_next.setPeerName("stage " + std::to_string(m_rank + 1));
      m_next.connect("127.0.0.1", route->port, timeoutMs);
      joinPeer(m_next, PeerRole::Worker, static_cast<std::uint32_t>(m_rank), m_token);
      m_next.setReceiveTimeout(timeoutMs);
    }
    if (listener) {
      m_previous.setPeerName("stage " + std::to_string(m_rank - 1));
      listener->accept(m_previous, timeoutMs);
      Rng rng = Rng::stream(static_cast<std::uint64_t>(steadyNowNs()), RngPurpose::Data,
                            static_cast<std::uint64_t>(m_rank));
      const Hello who = admitPeer(m_previous, m_token, rng);
      if (static_cast<int>(who.rank) != m_rank - 1) {
        m_previous.send(Shutdown{"not my previous stage"});
        throw Error("stage " + std::to_string(who.rank) + " connected instead of stage " +
                    std::to_string(m_rank - 1));
      }
      m_previous.send(Welcome{});
      m_previous.setReceiveTimeout(timeoutMs);
    }
  }

  void setToken(std::string token) { m_token = std::move(token); }

  void run() {
    // Frames to the neighbours go out on threads of their own (see AsyncSender).
    const auto onSent = [this](MessageType type, std::int64_t t0, std::int64_t t1,
                               std::uint64_t bytes) {
      const std::lock_guard lock(m_eventsMutex);
      m_events.push_back(Span{m_rank, SpanKind::Send, t0, t1, m_sendingStep, bytes});
      m_events.push_back(Traffic{t1, m_rank, Direction::ToWorker, type,
                                 TrafficKind::IntermediateResults, bytes, bytes});
    };
    if (!last()) m_toNext.emplace(m_next, onSent);
    if (!first()) m_toPrevious.emplace(m_previous, onSent);
    const std::uint64_t steps = pipelineSteps(m_spec, m_data.train.size());
    const auto evalEvery = static_cast<std::uint64_t>(m_spec.modelParallel.evalEvery);
    for (std::uint64_t step = 0; step < steps; ++step) {
      runStep(step, m_order.next());
      if ((step + 1) % evalEvery == 0 || step + 1 == steps) sendParameters(step + 1);
      sendTelemetry();
    }
    if (m_toNext) m_toNext->drain();
    if (m_toPrevious) m_toPrevious->drain();
    sendTelemetry(true);
  }

 private:
  void runStep(std::uint64_t step, std::span<const std::size_t> rows) {
    m_step = step;
    double lossSum = 0.0;
    for (const PipelineOp& op : m_ops) {
      const auto [begin, count] = microRange(rows.size(), m_micro, op.micro);
      const auto micro = rows.subspan(begin, count);
      if (op.forward) {
        lossSum += forward(op.micro, micro, static_cast<double>(rows.size()));
      } else {
        backward(op.micro);
      }
    }
    const auto t0 = steadyNowNs();
    m_optimizer->step(m_model->parameters(), m_model->gradients());
    m_model->zeroGradients();
    record(Span{m_rank, SpanKind::Compute, t0, steadyNowNs(), step, 0});
    if (last()) record(StepLoss{steadyNowNs(), m_rank, step, lossSum});
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
      Activations a = receiveFrom<Activations>(m_previous, micro);
      t0 = steadyNowNs();
      x = Eigen::Map<const Matrix>(a.values.data(), a.rows, a.columns());
    }
    const Matrix& out = replica(micro).forward(x);
    m_inFlight += 1;
    record(
        Span{m_rank, SpanKind::Forward, t0, steadyNowNs(), m_step, heldActivationBytes()});
    if (!last()) {
      sendTo<Activations>(*m_toNext, micro, out);
      return 0.0;
    }
    // The loss of a micro-batch is its mean; scaled by its share of the batch, the summed
    // gradients are those of the batch's mean loss, as in single-process training.
    gatherBatch(m_data.train, rows, m_scratch, m_labels, m_targets);
    const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
    Matrix& dOut = m_outputErrors[static_cast<std::size_t>(micro)];
    const double loss = computeLoss(m_loss, out, targets, &dOut);
    const double share = static_cast<double>(rows.size()) / batchSize;
    dOut *= static_cast<float>(share);
    return loss * share;
  }

  void backward(int micro) {
    Matrix dy;
    const Matrix* errors = &m_outputErrors[static_cast<std::size_t>(micro)];
    if (!last()) {
      Errors e = receiveFrom<Errors>(m_next, micro);
      dy = Eigen::Map<const Matrix>(e.values.data(), e.rows, e.columns());
      errors = &dy;
    }
    const auto t0 = steadyNowNs();
    replica(micro).backward(*errors, first() ? nullptr : &m_dx, GradientMode::Accumulate);
    m_inFlight -= 1;
    record(Span{m_rank, SpanKind::Backward, t0, steadyNowNs(), m_step, 0});
    if (!first()) sendTo<Errors>(*m_toPrevious, micro, m_dx);
  }

  std::uint64_t heldActivationBytes() const {
    // Every replica holding a micro-batch keeps its layers' outputs and its input.
    std::uint64_t perMicro = 0;
    for (const auto& r : m_replicas) {
      perMicro = std::max<std::uint64_t>(perMicro, r->activationBytes());
    }
    const std::uint64_t input =
        static_cast<std::uint64_t>(m_inputs.front().size()) * sizeof(float);
    return static_cast<std::uint64_t>(m_inFlight) * (perMicro + input);
  }

  template <class M>
  void sendTo(AsyncSender& sender, int micro, const Matrix& values) {
    M m;
    m.step = m_step;
    m.micro = static_cast<std::uint32_t>(micro);
    m.rows = static_cast<std::uint32_t>(values.rows());
    m.values.assign(values.data(), values.data() + values.size());
    m_sendingStep = m_step;
    sender.send(std::move(m));
  }

  template <class M>
  M receiveFrom(BlockingChannel& channel, int micro) {
    const auto t0 = steadyNowNs();
    const std::uint64_t before = channel.bytesReceived();
    Message message = channel.receive();
    const auto t1 = steadyNowNs();
    auto* m = std::get_if<M>(&message);
    if (!m || m->step != m_step || static_cast<int>(m->micro) != micro) {
      throw Error("stage " + std::to_string(m_rank) + " expected micro-batch " +
                  std::to_string(micro) + " of step " + std::to_string(m_step) +
                  " and received something else");
    }
    const auto arrived = channel.lastHeaderNs();
    if (arrived - t0 >= kMinIdleNs) {
      record(Span{m_rank, SpanKind::Idle, t0, arrived, m_step, 0});
    }
    const std::uint64_t bytes = channel.bytesReceived() - before;
    record(Span{m_rank, SpanKind::Receive, std::max(t0, arrived), t1, m_step, bytes});
    return std::move(*m);
  }

  void sendParameters(std::uint64_t version) {
    Push push;
    push.kind = PushKind::Model;
    push.baseVersion = version;
    const auto params = m_model->parameters();
    m_hub.sendBulk(push, params);
    const std::uint64_t bytes = kFrameHeaderSize + bulkPrefixSize(MessageType::Push) +
                                params.size() * sizeof(float);
    record(Traffic{steadyNowNs(), m_rank, Direction::ToServer, MessageType::Push,
                               TrafficKind::Parameters, bytes, bytes});
  }

  void record(Event event) {
    const std::lock_guard lock(m_eventsMutex);
    m_events.push_back(std::move(event));
  }

  void sendTelemetry(bool force = false) {
    const auto now = steadyNowNs();
    if (!force && now - m_lastTelemetryNs < kTelemetryPeriodNs) return;
    std::vector<Event> events;
    {
      const std::lock_guard lock(m_eventsMutex);
      events.swap(m_events);
    }
    if (events.empty()) return;
    m_lastTelemetryNs = now;
    m_hub.send(telemetryOf(encodeRecords(events)));
  }

  BlockingChannel& m_hub;
  BlockingChannel m_previous, m_next;
  int m_rank;
  Spec m_spec;
  int m_stages, m_micro;
  std::string m_token;
  TrainTest m_data;
  BatchOrder m_order;
  LossKind m_loss;
  std::unique_ptr<Optimizer> m_optimizer;
  StagePlan m_plan;
  std::unique_ptr<Model> m_model;  ///< owns the stage's parameters and gradient sum
  std::vector<std::unique_ptr<Model>> m_replicas;
  std::vector<PipelineOp> m_ops;
  std::vector<Matrix> m_inputs;        ///< per replica: the micro-batch it holds
  std::vector<Matrix> m_outputErrors;  ///< last stage: dL/doutput per micro-batch
  Matrix m_dx, m_scratch, m_targets;
  std::vector<int> m_labels;
  int m_inFlight = 0;
  std::uint64_t m_step = 0;
  std::atomic<std::uint64_t> m_sendingStep{0};
  std::mutex m_eventsMutex;  ///< the senders' threads record their spans too
  std::vector<Event> m_events;
  std::int64_t m_lastTelemetryNs = 0;
  /// Last: they stop (and write what is queued) before the channels and events go.
  std::optional<AsyncSender> m_toNext, m_toPrevious;
};

}  // namespace

int runStage(const WorkerOptions& o) {
  if (o.token.empty()) {
    throw Error(std::string("no run token: set DISTLAB_RUN_TOKEN to the coordinator's token"));
  }
  BlockingChannel hub;
  hub.connect(o.host, o.port, o.connectTimeoutMs);
  const Welcome welcome =
      joinPeer(hub, PeerRole::Worker, static_cast<std::uint32_t>(o.rank), o.token);
  const Spec spec = loadSpecText(welcome.spec);
  if (o.rank < 0 || o.rank >= spec.modelParallel.stages) {
    throw Error("--rank " + std::to_string(o.rank) + " is not a stage of this run");
  }
  StageLoop loop(hub, o.rank, spec);
  loop.setToken(o.token);
  try {
    loop.link();
    loop.run();
  } catch (const Error& e) {
    std::fprintf(stderr, "error: stage %d: %s\n", o.rank, e.what());
    return kStageLostNeighbour;
  }
  // Wait for the coordinator's goodbye, so it has read everything before this side closes.
  hub.setReceiveTimeout(spec.cluster.peerTimeoutMs * 4);
  try {
    for (;;) {
      if (std::holds_alternative<Shutdown>(hub.receive())) break;
    }
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace distlab::engine
