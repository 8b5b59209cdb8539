// MainWindow's runs: the Runs panel (this session's runs and the opened ones), sweeps run in the
// window, and run folders dropped on it.
#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include "app/cluster_views.h"
#include "app/file_actions.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "app/run_library.h"
#include "app/spec_fields.h"
#include "app/window_actions.h"
#include "widgets/runs_panel.h"
#include "widgets/spec_form.h"
#include "widgets/sweep_dialog.h"

namespace distlab::app {
namespace {

constexpr std::size_t kAutoCompared = 3;  // earlier runs ticked for comparison on their own

/// The fields a sweep may vary for this experiment: what the form shows, settings first and
/// the rarely changed ones after; not its name, text or seed (repeats vary the seed).
QList<QPair<QString, QString>> sweepableFields(const QString& experiment) {
  QList<QPair<QString, QString>> common, advanced;
  for (const auto& f : specFormFields()) {
    if (f.kind == widgets::FormField::Kind::Text || f.path == "seed" || f.path == "experiment")
      continue;
    if (!f.usedBy.contains("all") && !f.usedBy.contains(experiment)) continue;
    const QString title = QCoreApplication::translate("SpecSchema", f.label.toUtf8().constData());
    (f.advanced ? advanced : common).append({f.path, title});
  }
  return common + advanced;
}

QString duration(double seconds) {
  const int s = static_cast<int>(seconds + 0.5);
  return s >= 60 ? MainWindow::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar('0'))
                 : MainWindow::tr("%1 s").arg(s);
}

/// Local folders and .json files among dropped URLs.
QStringList droppedPaths(const QMimeData* data) {
  QStringList paths;
  if (!data || !data->hasUrls()) return paths;
  for (const QUrl& url : data->urls()) {
    const QFileInfo info(url.toLocalFile());
    if (url.isLocalFile() && (info.isDir() || info.suffix().toLower() == "json"))
      paths << info.absoluteFilePath();
  }
  return paths;
}

}  // namespace

void MainWindow::buildRunsPanel() {
  m_library = new RunLibrary(m_cluster->chart(), this);
  m_runsDock = new QDockWidget;
  m_runsDock->setObjectName("runsDock");
  m_runsDock->setWidget(m_library->panel());
  m_runsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                          QDockWidget::DockWidgetClosable);
  // Below the views, as wide as they are (the Experiment panel keeps the whole left side): a
  // table of runs needs width more than height.
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  addDockWidget(Qt::BottomDockWidgetArea, m_runsDock);
  resizeDocks({m_runsDock}, {170}, Qt::Vertical);
  m_actions->view->addSeparator();
  m_actions->view->addAction(m_runsDock->toggleViewAction());
  connect(m_library, &RunLibrary::showRequested, this, [this](const QString& folder) {
    if (!m_run->isRunning()) openRun(folder);
  });
  connect(m_actions->sweep, &QAction::triggered, this, &MainWindow::openSweepDialog);
  // A run the user unticks is no longer one compareWithPrevious() ticked.
  connect(m_library->panel(), &widgets::RunsPanel::checkedChanged, this, [this](int id, bool on) {
    if (!on) std::erase(m_autoCompared, id);
  });
  setAcceptDrops(true);
}

void MainWindow::recordRun(bool completed, int exitCode, bool stopped) {
  if (m_run->showsOpenedFolder()) return;  // openRun() lists it
  const bool sweeping = m_sweep.isActive();
  if (sweeping) m_sweep.finished(exitCode);
  const int id = m_library->addRun(m_run->runFolder(), completed, sweeping ? m_sweepGroup : -1);
  m_library->setCurrent(id);
  // A sweep goes on after a run that ended by itself; stop() ends the sweep too.
  if (sweeping && !stopped) QTimer::singleShot(0, this, &MainWindow::runNextOfSweep);
}

void MainWindow::compareWithPrevious() {
  const int previous = m_library->current();
  if (previous < 0 || m_library->panel()->isChecked(previous)) return;
  m_library->panel()->setChecked(previous, true);
  m_autoCompared.push_back(previous);
  if (m_autoCompared.size() > kAutoCompared) {
    const int oldest = m_autoCompared.front();
    m_autoCompared.erase(m_autoCompared.begin());
    m_library->panel()->setChecked(oldest, false);
  }
}

bool MainWindow::followRun(const QString& dir, const QByteArray& token) {
  if (m_run->isRunning()) return false;
  QString error;
  // follow() reads the log once and changes nothing on a refusal; its records come later, from
  // the event loop, so the views are prepared after it.
  if (!m_run->follow(dir, token, &error)) {
    return refuse(tr("Cannot follow the run: %1").arg(error));
  }
  prepareFolderViews(dir);
  m_log->appendPlainText(
      m_run->followsLog()
          ? tr("Following the log of the run in %1 (it takes no commands: Stop only stops "
               "following)")
                .arg(QDir::toNativeSeparators(dir))
          : tr("Following the run in %1 (Stop asks it to stop)")
                .arg(QDir::toNativeSeparators(dir)));
  m_files->rememberRecent(dir);
  updateState();
  return true;
}

void MainWindow::compareRun(const QString& folder) {
  if (const int id = m_library->idOf(folder); id >= 0) m_library->panel()->setChecked(id, true);
}

void MainWindow::openSweepDialog() {
  if (m_run->isRunning() || !validatedSpec()) {
    if (!m_run->isRunning()) {
      m_runStatus.setMessage(tr("The experiment has problems: see the fields marked in red"));
      updateState();
    }
    return;
  }
  const QJsonObject spec = m_form->spec();
  widgets::SweepDialog dialog(this);
  dialog.setFields(sweepableFields(spec.value("experiment").toString("cluster")));
  QMap<QString, QStringList> choices;
  for (const auto& f : specFormFields()) {
    if (!f.choices.isEmpty()) choices.insert(f.path, f.choices);
  }
  dialog.setChoices(choices);
  dialog.setAxis(0, "training.lr", "0.01,0.05,0.1");
  const QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  dialog.setFolder(
      QDir(base.isEmpty() ? QDir::homePath() : base)
          .filePath("DistLab/sweep-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss")));
  auto check = [&] {
    const auto c =
        SweepRunner::check(spec, dialog.varyOptions(), dialog.repeats(), dialog.folder());
    dialog.setVerdict(c.runs, c.problem);
  };
  connect(&dialog, &widgets::SweepDialog::changed, &dialog, check);
  check();
  if (dialog.exec() == QDialog::Accepted)
    startSweep(dialog.varyOptions(), dialog.repeats(), dialog.folder());
}

bool MainWindow::startSweep(const QStringList& vary, int repeats, const QString& folder) {
  if (m_run->isRunning() || m_sweep.isActive() || !validatedSpec()) return false;
  const QJsonObject spec = m_form->spec();
  auto c = SweepRunner::check(spec, vary, repeats, folder);
  if (c.problem.isEmpty()) m_sweep.start(spec, vary, repeats, folder, &c.problem);
  if (!c.problem.isEmpty()) {
    m_runStatus.setMessage(tr("The sweep cannot run: %1").arg(c.problem));
    m_log->appendPlainText(tr("The sweep cannot run: %1").arg(c.problem));
    updateState();
    return false;
  }
  m_sweepGroup = m_library->addSweepGroup(tr("Sweep: %1").arg(vary.join("; ")), folder);
  m_files->rememberRecent(folder);
  runNextOfSweep();
  return true;
}

void MainWindow::runNextOfSweep() {
  if (!m_sweep.isActive()) return;  // stopped in the meantime
  const auto next = m_sweep.next();
  if (!next) {
    const QString done = tr("Sweep finished: %1 runs in %2")
                             .arg(m_sweep.done())
                             .arg(QDir::toNativeSeparators(m_sweep.folder()));
    m_runStatus.setMessage(done);
    m_log->appendPlainText(done);
    updateState();
    if (!qApp->property("distlab.headless").toBool()) m_library->showSweep(m_sweepGroup);
    emit sweepEnded(m_sweepGroup);
    return;
  }
  const QJsonObject spec = QJsonDocument::fromJson(next->spec).object();
  const auto left = m_sweep.secondsLeft();
  const QString name = tr("Sweep run %1 of %2").arg(next->index + 1).arg(next->total);
  prepareViews(spec, name);
  m_log->appendPlainText(
      left ? tr("%1: %2, about %3 left").arg(name, QDir(next->folder).dirName(), duration(*left))
           : tr("%1: %2").arg(name, QDir(next->folder).dirName()));
  if (!m_run->start(next->spec, next->folder) && m_sweep.isActive()) {
    m_sweep.cancel();  // couldNotStart() has said why
    emit sweepEnded(m_sweepGroup);
  }
  updateState();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!m_run->isRunning() && !droppedPaths(event->mimeData()).isEmpty())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QStringList paths = droppedPaths(event->mimeData());
  if (paths.isEmpty() || m_run->isRunning()) return;
  event->acceptProposedAction();
  // Every folder is listed in the Runs panel; the last one stays on show, the others are
  // ticked on its chart (as `distlab RUN1 RUN2 ...` does).
  QStringList opened;
  for (const QString& path : paths) {
    if (!QFileInfo(path).isDir()) {
      openLesson(path);
    } else if (openRun(path)) {
      opened << path;
    }
  }
  for (qsizetype i = 0; i + 1 < opened.size(); ++i) compareRun(opened[i]);
}

}  // namespace distlab::app
