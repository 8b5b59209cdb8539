#include "app/event_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <csignal>

#include "app/stage_setting_text.h"
#include "core/spec_problems.h"
#include "widgets/choice_names.h"
#include "widgets/figure_text.h"
#include "widgets/result_names.h"

namespace distlab::app {

using namespace distlab::engine;

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }
QString seconds(std::int64_t t, std::int64_t start) {
  return QString::number(start ? static_cast<double>(t - start) * 1e-9 : 0.0, 'f', 1);
}
QString percent(double v) { return QString::number(v * 100.0, 'f', 2); }
// A spec choice by its name in the window's language.
QString choice(const char* field, const std::string& id) {
  return widgets::ChoiceNames::name(field, QString::fromStdString(id));
}

}  // namespace

QString EventText::workerReason(const WorkerState& w) {
  using R = WorkerReason;
  switch (w.reason) {
    case R::None:
      return QString();
    case R::Launched:
      return tr("pid %1").arg(w.pid);
    case R::StartedByHand:
      return tr("started by hand");
    case R::ConnectionClosed:
      return tr("its connection closed");
    case R::Killed:
      return tr("killed from the window");
    case R::HeartbeatTimeout:
      return tr("no sign of life for %1 ms").arg(w.value, 0, 'f', 0);
    case R::BadFrame:
      return tr("it sent bytes that are not a frame");
    case R::ProtocolError:
      return tr("it sent a message it may not send");
    case R::BadTelemetry:
      return tr("it sent telemetry that does not decode");
    case R::BadPush:
      return tr("it pushed an update of the wrong size or kind");
    case R::NetworkError:
      return tr("network error %1").arg(w.code);
    case R::FromMonitor:
      return tr("from the window");
    case R::RestartPolicy:
      return tr("started again by the restart policy, restart %1, pid %2")
          .arg(w.value, 0, 'f', 0)
          .arg(w.pid);
    case R::RestartFromMonitor:
      return tr("started again from the window, pid %1").arg(w.pid);
  }
  return QString();
}

QString EventText::refusalReason(const ConnectionRefused& r) {
  using R = RefusalReason;
  switch (r.reason) {
    case R::WrongToken:
      return tr("wrong token");
    case R::HandshakeViolation:
      return tr("it broke the handshake");
    case R::HandshakeTimeout:
      return tr("no authentication within %1 ms").arg(r.limit);
    case R::RankOutOfRange:
      return tr("rank %1 is not one of the run's %2 workers").arg(r.worker).arg(r.limit);
    case R::RankConnected:
      return tr("worker %1 is already connected").arg(r.worker);
    case R::RankFinished:
      return tr("worker %1 has already finished").arg(r.worker);
    case R::TooManyMonitors:
      return tr("at most %1 monitors may watch a run").arg(r.limit);
    case R::DroppedBeforeAuth:
      return tr("it closed or sent garbage before authenticating");
    case R::TooManyStrangers:
      return tr("more than %1 connections were waiting to authenticate; an idle one was dropped "
                "so that workers can still join")
          .arg(r.limit);
    case R::RankDroppedOut:
      return tr("worker %1 dropped out of secure aggregation: its mask key was given away to "
                "remove its masks, so it may not push again")
          .arg(r.worker);
  }
  return QString();
}

QString EventText::endReason(const RunEnded& e) {
  using R = EndReason;
  switch (e.reason) {
    case R::Completed:
      return tr("done");
    case R::AllWorkersDied:
      return tr("every worker died");
    case R::Stopped:
      return tr("stopped from the window");
    case R::Interrupted:
      return tr("interrupted by a signal (%1)").arg(e.code == SIGINT ? "SIGINT" : "SIGTERM");
    case R::JoinTimeout:
      return tr("not every worker joined within %1 s").arg(e.code);
    case R::WorkerExitedBeforeJoining:
      return e.code >= 0 ? tr("worker %1 exited with status %2 before joining").arg(e.worker).arg(e.code)
                         : tr("worker %1 was killed by signal %2 before joining")
                               .arg(e.worker)
                               .arg(-e.code);
    case R::SecureAggregationDropout:
      return e.code == 0
                 ? tr("worker %1 left a securely aggregated run before the mask keys were "
                      "shared, so its partners' masks can never be removed")
                       .arg(e.worker)
                 : tr("worker %1 left a securely aggregated run, and fewer than the %2 workers "
                      "needed to rebuild its mask key are still in")
                       .arg(e.worker)
                       .arg(e.code);
    case R::Failed:
      // A problem of the spec is said in the window's language; any other reason (a missing
      // file, say) is the engine's own English, from the system.
      if (!e.problem.empty()) {
        return tr("the engine failed: %1")
            .arg(text(e.field) + ": " + specError(SpecError{e.field, e.message, e.problem, e.args}));
      }
      return tr("the engine failed: %1").arg(text(e.message));
    case R::KeyHolderLost:
      return tr("worker %1, the Paillier key holder, left: no round's sum can be decrypted "
                "without it")
          .arg(e.worker);
    case R::RingWorkerLost:
      if (e.code < 0) {
        return tr("worker %1 of the ring was killed by signal %2; the ring cannot sum without "
                  "it, the other workers were stopped")
            .arg(e.worker)
            .arg(-e.code);
      }
      if (e.code > 0) {
        return tr("worker %1 of the ring exited with status %2; the ring cannot sum without it, "
                  "the other workers were stopped")
            .arg(e.worker)
            .arg(e.code);
      }
      return tr("worker %1 of the ring stopped answering; the ring cannot sum without it, the "
                "other workers were stopped")
          .arg(e.worker);
    case R::StageLost:
      if (e.code < 0) {
        return tr("pipeline stage %1 was killed by signal %2; the other stages were stopped")
            .arg(e.worker)
            .arg(-e.code);
      }
      if (e.code > 0) {
        return tr("pipeline stage %1 exited with status %2; the other stages were stopped")
            .arg(e.worker)
            .arg(e.code);
      }
      return tr("pipeline stage %1 stopped answering; the other stages were stopped")
          .arg(e.worker);
  }
  return QString();
}

QString EventText::processName(int process, std::optional<ModelSplit> split) {
  if (split == ModelSplit::Pipeline) return tr("Stage %1").arg(process);
  if (split == ModelSplit::Tensor) return tr("Shard %1").arg(process);
  return tr("Worker %1").arg(process);
}

QString EventText::logLine(const Event& event, const Context& run) {
  if (const auto* d = std::get_if<DataLoaded>(&event)) {
    return tr("Data set %1: %2 training and %3 test examples")
        .arg(text(d->dataset))
        .arg(d->trainExamples)
        .arg(d->testExamples);
  }
  if (const auto* r = std::get_if<RunStarted>(&event)) {
    if (r->experiment == "model_parallel") {  // partition: model_parallel.mode
      if (r->partition == "tensor") {
        return tr("The split within layers started: %1 shard processes, %2 parameters")
            .arg(r->workers)
            .arg(r->parameters);
      }
      if (r->partition == "skeleton") {
        return tr("The skeleton partition started: %1 worker processes, %2 parameters")
            .arg(r->workers)
            .arg(r->parameters);
      }
      return tr("The pipeline started: %1 stage processes, schedule %2, %3 parameters")
          .arg(r->workers)
          .arg(choice("model_parallel.schedule", r->sync))
          .arg(r->parameters);
    }
    if (r->experiment == "federated") {  // sync: fl.algorithm, partition: cluster.partition
      return tr("Federated learning started: %1 worker processes host the clients, client rule "
                "%2, data split %3, %4 parameters")
          .arg(r->workers)
          .arg(choice("fl.algorithm", r->sync), choice("cluster.partition", r->partition))
          .arg(r->parameters);
    }
    if (r->port == 0) return tr("Started: %1").arg(run.lesson);
    QString line = tr("The cluster started: %1 workers, %2, data: %3, %4 parameters, port %5")
                       .arg(r->workers)
                       .arg(choice("cluster.sync", r->sync),
                            choice("cluster.partition", r->partition))
                       .arg(r->parameters)
                       .arg(r->port);
    if (!r->attackers.empty()) {
      QStringList ranks;
      for (const int a : r->attackers) ranks << QString::number(a);
      line += tr("; malicious workers: %1").arg(ranks.join(", "));
    }
    return line;
  }
  if (const auto* l = std::get_if<ModelLayout>(&event); l && l->split == ModelSplit::Skeleton) {
    int skeleton = 0;  // of the hidden layers: the output layer is every worker's anyway
    for (const auto& b : l->blocks) {
      if (b.owner == LayoutBlock::kSkeleton && b.layer != l->blocks.back().layer) {
        skeleton += b.neurons;
      }
    }
    return tr("Round %1: the server chose a new skeleton (%2 hidden neurons every worker "
              "trains) and a new sub-network for each worker")
        .arg(l->round + 1)
        .arg(skeleton);
  }
  if (const auto* f = std::get_if<FederatedRound>(&event);
      f && f->secure == SecureRound::TooFewSurvivors) {
    int survivors = 0;
    for (auto o : f->outcomes) survivors += o == ClientOutcome::Trained;
    return tr("Round %1, attempt %2: %3 of %4 clients survived, fewer than the %5 secure "
              "aggregation needs; nothing was unmasked and the global model stays")
        .arg(f->round + 1)
        .arg(f->attempt + 1)
        .arg(survivors)
        .arg(f->sampled.size())
        .arg(f->secureThreshold);
  }
  if (const auto* f = std::get_if<FederatedRound>(&event); f && f->applied && f->recovered > 0) {
    return tr("Round %1: %2 client(s) dropped out after sharing their keys; the survivors' "
              "shares removed their masks and the server unmasked only the survivors' sum")
        .arg(f->round + 1)
        .arg(f->recovered);
  }
  if (const auto* f = std::get_if<FederatedRound>(&event); f && !f->applied) {
    int results = static_cast<int>(f->carried.size());
    for (auto o : f->outcomes) results += o == ClientOutcome::Trained;
    return tr("Round %1, attempt %2: %3 result(s) from %4 sampled clients are too few; the "
              "global model stays")
        .arg(f->round + 1)
        .arg(f->attempt + 1)
        .arg(results)
        .arg(f->sampled.size());
  }
  if (const auto* c = std::get_if<ClientShares>(&event)) {
    return tr("The training data are split over %1 clients")
        .arg(c->classes > 0 ? static_cast<int>(c->counts.size()) / c->classes : 0);
  }
  if (const auto* w = std::get_if<WorkerState>(&event)) {
    const QString why = workerReason(*w);
    const QString who = processName(w->worker, run.split);
    switch (w->status) {
      case WorkerStatus::Joined:
        return tr("%1 joined (%2)").arg(who, why);
      case WorkerStatus::Rejoined:
        return tr("%1 rejoined at step %2 (%3)").arg(who).arg(w->clock).arg(why);
      case WorkerStatus::Finished:
        return tr("%1 finished all its steps").arg(who);
      case WorkerStatus::Died:
        return tr("%1 died: %2").arg(who, why);
      case WorkerStatus::Slowed:
        return tr("%1 slowed down %2 times").arg(who).arg(w->value);
      case WorkerStatus::Restored:
        return tr("%1 back to full speed").arg(who);
    }
  }
  if (const auto* u = std::get_if<ShareUntrained>(&event)) {
    const QString who = processName(u->worker, run.split);
    if (u->cause == UntrainedCause::MissedWhileDown) {
      return tr("%1 skipped %2 of its %3 steps while it was down: %4 examples untrained")
          .arg(who)
          .arg(u->steps)
          .arg(u->totalSteps)
          .arg(u->examples);
    }
    return tr("%1 was lost and not restarted: %2 of its %3 steps, %4 examples, untrained")
        .arg(who)
        .arg(u->steps)
        .arg(u->totalSteps)
        .arg(u->examples);
  }
  if (const auto* r = std::get_if<ConnectionRefused>(&event)) {
    return tr("A connection from %1 was refused: %2").arg(text(r->from), refusalReason(*r));
  }
  if (const auto* c = std::get_if<RunControlled>(&event)) {
    if (c->command == ControlCommand::Pause) return tr("Paused: every worker waits before its next step");
    if (c->command == ControlCommand::Resume) return tr("Resumed");
    return tr("One more step for every worker");
  }
  if (const auto* k = std::get_if<KeysExchanged>(&event)) {
    return tr("Secure aggregation: the %1 workers exchanged their public keys and shares of "
              "their mask keys; every push is masked, and the server sees only each round's sum")
        .arg(k->keys);
  }
  if (const auto* l = std::get_if<RoundsLost>(&event)) {
    return tr("Secure aggregation: %1 round(s) without every worker could not be unmasked")
        .arg(l->rounds);
  }
  if (const auto* n = std::get_if<Notice>(&event)) {
    switch (n->kind) {
      case NoticeKind::CaptureFailed:
        return tr("The server could not keep worker %1's push").arg(n->worker);
      case NoticeKind::CaptureNotGradient:
        return tr("Worker %1 pushes models (local SGD), not gradients: nothing was captured")
            .arg(n->worker);
      case NoticeKind::ValuesClamped:
        return tr("Worker %1: %2 values clamped to the masks' fixed-point range")
            .arg(n->worker)
            .arg(n->count);
      case NoticeKind::PaillierKeyShared:
        return tr("Homomorphic aggregation: worker %1 holds a %2-bit Paillier key and sent its "
                  "public half to every worker; the server adds encrypted pushes it cannot read, "
                  "and worker %1 decrypts only each round's sum")
            .arg(n->worker)
            .arg(n->count);
      case NoticeKind::ResumedFromCheckpoint:
        return tr("The run resumes from its checkpoint at update %1").arg(n->count);
      case NoticeKind::CheckpointFailed:
        return tr("The checkpoint at update %1 could not be written: %2")
            .arg(n->count)
            .arg(QString::fromStdString(n->detail));
      case NoticeKind::MaskKeyRebuilt:
        return tr("Secure aggregation: worker %1 dropped out; its mask key was rebuilt from %2 "
                  "survivors' shares, and the server removes its masks from the rounds it misses")
            .arg(n->worker)
            .arg(n->count);
    }
  }
  if (const auto* s = std::get_if<SplitSummary>(&event)) {
    return tr("The data split for epoch %1: %2% of the training examples go to no worker")
        .arg(s->epoch + 1)
        .arg(s->unusedFraction * 100.0, 0, 'f', 1);
  }
  if (const auto* e = std::get_if<Evaluation>(&event)) {
    return tr("Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s")
        .arg(e->update)
        .arg(e->epoch, 0, 'f', 2)
        .arg(run.epochs)
        .arg(seconds(e->timeNs, run.startNs))
        .arg(e->testLoss, 0, 'f', 4)
        .arg(percent(e->testAccuracy))
        .arg(widgets::figureText(e->samplesPerSecond, 0));
  }
  if (const auto* s = std::get_if<LessonStage>(&event)) {
    const QString settings = StageSettingText::settings(s->settings);
    // A pipeline's stages (its settings say how many), or a run from before the settings
    // (whose model-parallel parts counted stages there).
    if (s->workers <= 0 || s->settings.empty()) {
      return tr("%1, part %2 of %3: %4")
          .arg(run.lesson)
          .arg(s->stage + 1)
          .arg(s->stages)
          .arg(settings);
    }
    return tr("%1, part %2 of %3: %4 on %n worker(s)", nullptr, s->workers)
        .arg(run.lesson)
        .arg(s->stage + 1)
        .arg(s->stages)
        .arg(settings);
  }
  if (const auto* a = std::get_if<AttackProgress>(&event)) {
    return tr("Iteration %1: gradient distance %2, mean PSNR %3 dB")
        .arg(a->iteration)
        .arg(a->objective, 0, 'g', 3)
        .arg(a->psnr, 0, 'f', 1);
  }
  if (const auto* r = std::get_if<LessonResult>(&event)) {
    // Each table by its name in the window's language and its file in the run folder.
    QStringList tables;
    for (const auto& t : r->tables) {
      tables << tr("%1 (%2.csv)").arg(widgets::ResultNames::table(text(t.name)), text(t.name));
    }
    return tr("%1 computed, tables in the run folder: %2").arg(run.lesson, tables.join(tr(", ")));
  }
  if (const auto* e = std::get_if<RunEnded>(&event)) {
    return tr("The run ended: %1").arg(endReason(*e));
  }
  return QString();  // spans, traffic, losses, staleness, partitions: the views show them
}

QString EventText::specError(const SpecError& e) {
  // The engine's sentence for the problem, looked up in the window's language (context
  // "SpecProblems", collected from `distlab-engine spec --problems`), with the same values.
  const std::string_view english = specProblemText(e.code);
  if (english.empty()) return text(e.message);
  QString sentence = QCoreApplication::translate("SpecProblems", std::string(english).c_str());
  for (const auto& arg : e.args) sentence = sentence.arg(text(arg));
  return sentence;
}

}  // namespace distlab::app
