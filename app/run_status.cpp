#include "app/run_status.h"

#include "widgets/figure_text.h"

namespace distlab::app {

using namespace distlab::engine;

void RunStatus::start(int epochs, int workers, const QString& message) {
  m_rounds = false;
  m_message = message;
  m_epochs = epochs;
  m_workers = workers;
  m_alive = 0;
  m_untrained = 0;
  m_processes = false;
  m_epoch = m_accuracy = m_samplesPerSecond = 0.0;
  m_paused = false;
  m_evaluated = false;
}

void RunStatus::onEvent(const Event& event, std::int64_t runStartNs) {
  if (const auto* e = std::get_if<Evaluation>(&event)) {
    m_evaluated = true;
    m_epoch = e->epoch;
    m_accuracy = e->testAccuracy;
    m_samplesPerSecond = e->samplesPerSecond;
    const double seconds =
        runStartNs ? static_cast<double>(e->timeNs - runStartNs) * 1e-9 : 0.0;
    if (m_rounds) {
      m_message = tr("Round %1 of %2 (%3 s): test accuracy %4%, %5 samples/s")
                      .arg(e->update)
                      .arg(m_epochs)
                      .arg(seconds, 0, 'f', 1)
                      .arg(m_accuracy * 100.0, 0, 'f', 2)
                      .arg(widgets::figureText(m_samplesPerSecond, 0));
      return;
    }
    m_message = tr("Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s")
                    .arg(m_epoch, 0, 'f', 2)
                    .arg(m_epochs)
                    .arg(e->update)
                    .arg(seconds, 0, 'f', 1)
                    .arg(m_accuracy * 100.0, 0, 'f', 2)
                    .arg(widgets::figureText(m_samplesPerSecond, 0));
  } else if (const auto* r = std::get_if<RunStarted>(&event); r && r->workers > 0) {
    m_workers = r->workers;  // a pipeline's stages, which the spec's cluster section does not say
    if (r->rounds > 0) {  // a federated run's progress is in rounds
      m_rounds = true;
      m_epochs = r->rounds;
    }
    m_processes = r->experiment == "model_parallel";
  } else if (const auto* w = std::get_if<WorkerState>(&event)) {
    if (w->status == WorkerStatus::Joined || w->status == WorkerStatus::Rejoined) ++m_alive;
    if (w->status == WorkerStatus::Died || w->status == WorkerStatus::Finished) {
      m_alive = std::max(0, m_alive - 1);
    }
  } else if (const auto* u = std::get_if<ShareUntrained>(&event)) {
    m_untrained += u->examples;
  } else if (const auto* s = std::get_if<LessonStage>(&event)) {
    // A lesson of several runs: each part is a share of the bar.
    m_epoch = static_cast<double>(m_epochs) * s->stage / std::max(s->stages, 1);
  }
}

QString RunStatus::text(bool running, std::uint64_t trafficBytes) const {
  QString line = m_message.isEmpty() ? tr("Ready: press Run (F5) to train") : m_message;
  if (running && m_workers > 0) {
    line += "  |  " + (m_processes ? tr("processes alive: %1 / %2")
                                   : tr("workers alive: %1 / %2"))
                          .arg(m_alive)
                          .arg(m_workers);
  }
  if (trafficBytes > 0) {
    line += "  |  " + tr("network: %1").arg(widgets::bytesText(static_cast<double>(trafficBytes)));
  }
  if (running && m_paused) line += "  |  " + tr("paused");
  return line;
}

QString RunStatus::progressText() const {
  if (m_rounds) return tr("round %1 / %2").arg(m_epoch, 0, 'f', 0).arg(m_epochs);
  return tr("epoch %1 / %2").arg(m_epoch, 0, 'f', 1).arg(m_epochs);
}

QString RunStatus::finished() const {
  QString line = tr("Finished: test accuracy %1%, %2 samples/s")
                     .arg(m_accuracy * 100.0, 0, 'f', 2)
                     .arg(widgets::figureText(m_samplesPerSecond, 0));
  if (m_untrained > 0) {
    line += "  |  " + tr("%1 examples of lost workers' shares untrained").arg(m_untrained);
  }
  return line;
}

}  // namespace distlab::app
