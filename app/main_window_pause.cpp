#include "app/main_window.h"

#include <QAction>
#include <QJsonDocument>
#include <QSignalBlocker>

#include "app/run_controller.h"
#include "app/window_actions.h"
#include "widgets/spec_form.h"

// Holding a cluster: Pause and Resume on a live run, Pause pressed before Run (the run starts
// held), Step, and what the Pause action shows.

namespace distlab::app {

void MainWindow::setPaused(bool paused) {
  if (!m_run->isRunning()) {  // pressed before Run: the next run starts held
    m_startPaused = paused;
    m_runStatus.setMessage(paused ? tr("The next run starts paused: Step runs one round, "
                                       "Resume lets it train")
                                  : tr("The next run starts right away"));
    m_actions->retranslate();
    updateState();
    return;
  }
  if (paused == m_runStatus.paused()) return;
  m_runStatus.setPaused(paused);
  ++m_controlsInFlight;  // its echo in the events changes nothing
  m_run->control(paused ? engine::ControlCommand::Pause : engine::ControlCommand::Resume);
  m_actions->retranslate();  // Pause <-> Resume
  updateState();
}

void MainWindow::stepOneRound() {
  if (m_runStatus.paused()) m_run->control(engine::ControlCommand::Step);
}

void MainWindow::showPauseChecked(bool checked) {
  if (m_actions->pause->isChecked() == checked) return;
  const QSignalBlocker quiet(m_actions->pause);  // shows a state, sends no command
  m_actions->pause->setChecked(checked);
  m_actions->retranslate();  // Pause <-> Resume
}

bool MainWindow::lessonCanBeHeld() const {
  return !m_lesson.specJson.isEmpty() && canBeHeld(m_form->spec());  // the spec as edited
}

bool MainWindow::canBeHeld(const QJsonObject& spec) {
  // A parameter server holds its workers; a ring (allreduce) and the lessons' own experiments
  // have nobody to hold them.
  return spec.value("experiment").toString("cluster") == "cluster" &&
         spec.value("cluster").toObject().value("sync").toString() != "allreduce";
}

}  // namespace distlab::app
