#include "app/cluster_views.h"

#include <QEvent>

#include <cmath>

#include "cluster/sync/sync_policy.h"

#include "widgets/data_view.h"
#include "widgets/staleness_view.h"
#include "widgets/timeline_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace distlab::app {

using namespace distlab::engine;

namespace {

widgets::TrafficView::Kind trafficKind(const Traffic& traffic) {
  using Kind = widgets::TrafficView::Kind;
  using T = MessageType;
  switch (traffic.message) {
    case T::Push:  // a pipeline stage's parameters, sent for testing, are not an update
      return traffic.kind == TrafficKind::Parameters ? Kind::Params : Kind::Push;
    case T::Activations:
      return Kind::Activations;
    case T::Errors:
      return Kind::Errors;
    case T::Ring:
      return Kind::Ring;
    case T::Params:
      return Kind::Params;
    case T::Pull:
      return Kind::Pull;
    case T::Clock:
    case T::Barrier:
      return Kind::Sync;
    case T::Telemetry:
      return Kind::Telemetry;
    case T::Heartbeat:
      return Kind::Heartbeat;
    case T::Hello:
    case T::Challenge:
    case T::Auth:
    case T::Welcome:
    case T::Keys:
    case T::Route:
    case T::Shared:
    case T::KeyShares:
    case T::Reveal:
    case T::PaillierKey:
      return Kind::Handshake;
    case T::Encrypted:  // the key holder's download: a round's encrypted sum
      return Kind::Params;
    case T::Decrypted:  // its upload: the sum, decrypted for the server
      return Kind::Push;
    case T::Mask:  // a skeleton worker's neurons: small, with the parameters that follow
      return Kind::Params;
    case T::Control:
    case T::Shutdown:
      break;
  }
  return Kind::Control;
}

widgets::LayoutDiagram::Split layoutSplit(ModelSplit split) {
  using S = widgets::LayoutDiagram::Split;
  switch (split) {
    case ModelSplit::Tensor:
      return S::Tensor;
    case ModelSplit::Skeleton:
      return S::Skeleton;
    case ModelSplit::Pipeline:
      break;
  }
  return S::Pipeline;
}

std::vector<widgets::LayoutDiagram::Block> layoutBlocks(const std::vector<LayoutBlock>& blocks) {
  std::vector<widgets::LayoutDiagram::Block> out;
  for (const auto& b : blocks) {
    out.push_back({b.layer, static_cast<double>(b.width), static_cast<double>(b.neurons), b.owner});
  }
  return out;
}

widgets::TopologyView::State topologyState(WorkerStatus status) {
  using S = widgets::TopologyView::State;
  switch (status) {
    case WorkerStatus::Joined:
    case WorkerStatus::Rejoined:
    case WorkerStatus::Restored:
      return S::Running;
    case WorkerStatus::Slowed:
      return S::Slowed;
    case WorkerStatus::Died:
      return S::Dead;
    case WorkerStatus::Finished:
      break;
  }
  return S::Finished;
}

}  // namespace

ClusterViews::ClusterViews(QObject* parent)
    : QObject(parent),
      m_chart(new widgets::TrainingChart),
      m_timeline(new widgets::TimelineView),
      m_data(new widgets::DataView),
      m_staleness(new widgets::StalenessView),
      m_traffic(new widgets::TrafficView),
      m_topology(new widgets::TopologyView) {
  // Per-step worker losses are noisy: start smoothed (TensorBoard's default weight).
  m_chart->setSmoothing(0.6);
  m_redraws = {{m_chart, [this] { m_chart->refresh(); }},
               {m_timeline, [this] { m_timeline->refresh(); }},
               {m_staleness, [this] { m_staleness->refresh(); }},
               {m_traffic, [this] { m_traffic->refresh(); }}};
  for (auto& [view, redraw] : m_redraws) view->installEventFilter(this);
  connect(m_topology, &widgets::TopologyView::actionRequested, this,
          [this](int worker, widgets::TopologyView::Action action) {
            using A = widgets::TopologyView::Action;
            using C = ControlCommand;
            const C command = action == A::Kill      ? C::Kill
                              : action == A::Slow    ? C::Slow
                              : action == A::Restore ? C::Restore
                              : action == A::Capture ? C::Capture
                                                     : C::Restart;
            emit controlRequested(command, worker, action == A::Slow ? 3.0 : 0.0);
          });
}

void ClusterViews::startRun(const QJsonObject& spec) {
  // The last run stays on the chart, dashed, to compare with this one.
  m_chart->startRun(spec.value("name").toString());
  m_timeline->clear();
  m_data->clear();
  m_data->setDataset(spec.value("dataset").toObject().value("name").toString());
  m_staleness->clear();
  m_traffic->clear();
  m_staleness->setBound(std::nullopt);  // until the run says its rule's bound
  m_topology->setWorkerCount(spec.value("cluster").toObject().value("workers").toInt(1));
  m_topology->clearModelLayout();
  m_topology->setRing(false);
  m_batchSize = spec.value("training").toObject().value("batch_size").toInt(64);
  m_stepsPerEpoch.clear();
  m_runStartNs = 0;
}

double ClusterViews::secondsSinceStart(std::int64_t timeNs) const {
  return m_runStartNs ? static_cast<double>(timeNs - m_runStartNs) * 1e-9 : 0.0;
}

void ClusterViews::onEvents(const std::vector<Event>& batch) {
  for (const Event& event : batch) onEvent(event);
  // One redraw per batch (<= 10 a second), of the views on screen. A view behind another tab is
  // redrawn when it is shown: relayouting hidden charts' axes at every batch took a fifth of the
  // window's CPU in a live run, CPU the workers on a 2-core laptop need. A window not on screen
  // (a test's, or before it opens) gets no show events, so its views are redrawn at once.
  for (auto& [view, redraw] : m_redraws) {
    if (view->isVisible() || !view->window()->isVisible()) {
      redraw();
    } else {
      m_stale.insert(view);
    }
  }
}

bool ClusterViews::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Show && m_stale.erase(static_cast<QWidget*>(watched)) > 0) {
    for (auto& [view, redraw] : m_redraws) {
      if (view == watched) redraw();
    }
  }
  return QObject::eventFilter(watched, event);
}

void ClusterViews::onEvent(const Event& event) {
  if (const auto* started = std::get_if<RunStarted>(&event)) {
    m_runStartNs = started->timeNs;
    // A run counted in rounds places its evaluations at their round (RunRecorder::countRounds).
    m_chart->setCountsRounds(started->rounds > 0);
    m_lanesAreWorkers = started->rounds == 0;  // a federated run's verdicts name clients
    const bool pipeline = started->experiment == "model_parallel";
    m_timeline->setLaneNaming(pipeline ? widgets::TimelineView::LaneNaming::Stages
                                       : widgets::TimelineView::LaneNaming::Workers);
    if (pipeline) m_topology->setWorkerCount(started->workers);
    // A rule without a server (allreduce): the workers are a ring.
    const SyncPolicy* rule = syncPolicies().find(started->sync);
    m_topology->setRing(rule && !rule->hasServer());
    m_staleness->setBound(started->stalenessBound >= 0 ? std::optional<int>(started->stalenessBound)
                                                       : std::nullopt);
  } else if (const auto* layout = std::get_if<ModelLayout>(&event)) {
    m_topology->setModelLayout(layoutSplit(layout->split), layoutBlocks(layout->blocks));
  } else if (const auto* round = std::get_if<FederatedRound>(&event)) {
    if (round->epsilon > 0.0) {
      m_chart->addPrivacySpent(static_cast<double>(round->round + 1),
                               secondsSinceStart(round->timeNs), round->epsilon, round->delta);
    }
    // Each worker process: how many of its clients trained this round.
    std::vector<int> trained(static_cast<std::size_t>(m_topology->workerCount()), 0);
    for (int host : round->hosts) {
      if (host >= 0 && host < m_topology->workerCount()) ++trained[static_cast<std::size_t>(host)];
    }
    for (int k = 0; k < m_topology->workerCount(); ++k) {
      m_topology->setNote(k, tr("%1 clients this round").arg(trained[static_cast<std::size_t>(k)]));
    }
  } else if (const auto* shares = std::get_if<ClientShares>(&event)) {
    m_data->setClientShares(shares->classes, shares->counts);
  } else if (const auto* loss = std::get_if<StepLoss>(&event)) {
    m_topology->setStep(loss->worker, loss->step + 1);
    const auto steps = m_stepsPerEpoch.find(loss->worker);
    const double perEpoch = steps == m_stepsPerEpoch.end() ? 1.0 : steps->second;
    m_chart->addWorkerLoss(loss->worker, static_cast<double>(loss->step + 1) / perEpoch,
                           secondsSinceStart(loss->timeNs), loss->loss);
  } else if (const auto* e = std::get_if<Evaluation>(&event)) {
    m_chart->addEvaluation(e->epoch, secondsSinceStart(e->timeNs), e->trainLoss, e->testLoss,
                           e->testAccuracy);
    if (e->epsilon > 0.0) {
      m_chart->addPrivacySpent(e->epoch, secondsSinceStart(e->timeNs), e->epsilon, e->delta);
    }
  } else if (const auto* t = std::get_if<Traffic>(&event)) {
    const auto kind = trafficKind(*t);
    m_traffic->add(t->worker, secondsSinceStart(t->timeNs), kind, t->wireBytes, t->rawBytes);
    if (t->message == MessageType::Push || t->message == MessageType::Params) {
      m_topology->pulse(t->worker, t->message == MessageType::Push);
    } else if (t->message == MessageType::Ring) {
      m_topology->pulseRing(t->worker);
    } else if (t->message == MessageType::Activations || t->message == MessageType::Errors) {
      m_topology->pulseNeighbours(t->worker, t->message == MessageType::Activations);
    }
  } else if (const auto* s = std::get_if<Staleness>(&event)) {
    m_staleness->add(s->clockGap, s->staleness);
  } else if (const auto* span = std::get_if<Span>(&event)) {
    // A pipeline stage's update (only the last stage reports a loss) counts its steps.
    if (span->kind == SpanKind::Compute && span->lane >= 0 && m_topology->hasModelLayout()) {
      m_topology->setStep(span->lane, span->step + 1);
    }
    m_timeline->addSpan(
        span->lane,
        {span->startNs, span->endNs, static_cast<std::uint32_t>(span->step),
         static_cast<std::uint32_t>(span->bytes), static_cast<std::uint8_t>(span->kind)});
  } else if (const auto* p = std::get_if<PartitionShare>(&event); p && p->epoch == 0) {
    m_data->setWorker(p->worker, {p->labelCounts.begin(), p->labelCounts.end()}, p->size,
                      p->distinct, p->unseenFraction);
    m_topology->setShare(p->worker, 1.0 - p->unseenFraction);
    // A worker's steps per epoch, to place its per-step losses on the epoch axis.
    m_stepsPerEpoch[p->worker] =
        std::max(1.0, std::ceil(static_cast<double>(p->size) / m_batchSize));
  } else if (const auto* u = std::get_if<SplitSummary>(&event); u && u->epoch == 0) {
    m_data->setUnusedFraction(u->unusedFraction);
  } else if (const auto* v = std::get_if<PushVerdicts>(&event); v && m_lanesAreWorkers) {
    // Lesson 8: a push the server's rule left out or scaled down, on its worker's lane.
    for (std::size_t i = 0; i < v->workers.size() && i < v->fates.size(); ++i) {
      if (v->fates[i] == PushFate::Kept) continue;
      m_timeline->addMarker(v->workers[i], v->timeNs,
                            v->fates[i] == PushFate::Excluded
                                ? widgets::TimelineView::MarkerKind::Excluded
                                : widgets::TimelineView::MarkerKind::Clipped);
    }
  } else if (const auto* w = std::get_if<WorkerState>(&event)) {
    m_topology->setState(w->worker, topologyState(w->status));
    if (w->status == WorkerStatus::Died || w->status == WorkerStatus::Rejoined) {
      m_timeline->addMarker(w->worker, w->timeNs,
                            w->status == WorkerStatus::Died
                                ? widgets::TimelineView::MarkerKind::Died
                                : widgets::TimelineView::MarkerKind::Rejoined);
    }
  }
}

}  // namespace distlab::app
