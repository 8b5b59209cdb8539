#include "app/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

#include "app/cluster_views.h"
#include "app/file_actions.h"
#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "app/look.h"
#include "app/run_controller.h"
#include "app/run_library.h"
#include "app/spec_fields.h"
#include "app/telemetry_hub.h"
#include "app/view_tabs.h"
#include "app/window_actions.h"
#include "core/spec.h"
#include "widgets/lesson_panel.h"
#include "widgets/result_pane.h"
#include "widgets/spec_form.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace distlab::app {

MainWindow::MainWindow(Language* language, QWidget* parent)
    : QMainWindow(parent),
      m_language(language),
      m_run(new RunController(this)),
      m_cluster(new ClusterViews(this)),
      m_results(new widgets::ResultPane),
      m_lessonPanel(new widgets::LessonPanel),
      m_form(new widgets::SpecForm(specFormFields())),
      m_formDock(new QDockWidget),
      m_log(new QPlainTextEdit),
      m_status(new QLabel),
      m_progress(new QProgressBar),
      m_actions(std::make_unique<WindowActions>(this, language)) {
  LessonViewContext context{[this] { return m_run->runFolder(); },
                            [this] { return m_run->isRunning(); },
                            [this] { return m_form->spec(); }};
  m_lessonViews = makeLessonViews(context);
  std::vector<LessonView*> lessons;
  for (const auto& view : m_lessonViews) {
    lessons.push_back(view.get());
    connect(view.get(), &LessonView::runRequested, this, &MainWindow::runSpec);
    connect(view.get(), &LessonView::logLine, this, [this](const QString& line) {
      m_log->appendPlainText(line);
      m_runStatus.setMessage(line);
      updateState();
    });
  }
  m_tabs = new ViewTabs(m_cluster, m_results, lessons, this);
  m_files = new FileActions(
      {this, m_form, m_tabs, m_run, [this](const QString& path) { return openLesson(path); },
       [this](const QString& dir) { return openRun(dir); },
       [this](const QString& dir, const QByteArray& token) { return followRun(dir, token); },
       [this](const QString& message) {
         m_runStatus.setMessage(message);
         updateState();
       },
       [this](const QString& line) { m_log->appendPlainText(line); },
       [this] { return m_experiment; }},
      this);
  buildLayout();
  buildRunsPanel();
  connectRun();
  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  if (!settings.contains("window/geometry")) resize(1360, 860);
  retranslate();
  applyLook();
  updateState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout() {
  m_log->setReadOnly(true);
  m_log->setMaximumBlockCount(5000);
  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(m_lessonPanel);
  topLayout->addWidget(m_tabs->widget(), 1);
  // Right-clicks a view leaves unhandled reach the tab widget: offer the view's exports there.
  m_tabs->widget()->installEventFilter(this);
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(top);
  splitter->addWidget(m_log);
  splitter->setStretchFactor(0, 4);
  splitter->setStretchFactor(1, 1);
  setCentralWidget(splitter);
  auto* formScroll = new QScrollArea;
  formScroll->setWidget(m_form);
  formScroll->setWidgetResizable(true);
  m_formDock->setObjectName("experimentDock");
  m_formDock->setWidget(formScroll);
  m_formDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
  addDockWidget(Qt::LeftDockWidgetArea, m_formDock);
  connect(m_form, &widgets::SpecForm::edited, this, [this] { validatedSpec(); });
  statusBar()->addWidget(m_status, 1);
  statusBar()->addPermanentWidget(m_progress);
  m_files->fillMenu(m_actions->file, m_actions->newExperiment, m_actions->quit);
  fillLessonsMenu(m_actions->lessons);
  connect(m_actions->newExperiment, &QAction::triggered, this, &MainWindow::newExperiment);
  connect(m_actions->run, &QAction::triggered, this, &MainWindow::run);
  connect(m_actions->stop, &QAction::triggered, this, &MainWindow::stop);
  connect(m_actions->pause, &QAction::toggled, this, &MainWindow::setPaused);
  connect(m_actions->step, &QAction::triggered, this, &MainWindow::stepOneRound);
  connect(m_actions->presentation, &QAction::toggled, this, &MainWindow::applyLook);
  connect(m_actions->dark, &QAction::toggled, this, &MainWindow::applyLook);
}

void MainWindow::fillLessonsMenu(QMenu* menu) {
  for (const QString& path : shippedLessons()) {
    Lesson lesson;
    QString error;
    if (!loadLesson(path, &lesson, &error)) continue;
    auto* action = menu->addAction(QString());
    connect(action, &QAction::triggered, this, [this, path] {
      if (!m_run->isRunning() && openLesson(path)) m_cluster->chart()->clear();
    });
    m_actions->lessonActions.emplace_back(action, lesson.name);
  }
}

void MainWindow::connectRun() {
  connect(m_run->hub(), &TelemetryHub::events, this, &MainWindow::onEvents);
  connect(m_run->hub(), &TelemetryHub::streamBroken, this, [this](const QString& reason) {
    m_log->appendPlainText(
        tr("The engine's stream broke off (%1); the run goes on unseen").arg(reason));
  });
  connect(m_run, &RunController::succeeded, this, [this] {
    // A cluster run ends on its last evaluation; a lesson's view has said its own.
    if (m_runStatus.evaluated()) m_runStatus.setMessage(m_runStatus.finished());
    m_runStatus.complete();
    m_runStatus.setPaused(false);
    recordRun(true, 0);
    updateState();
    emit runEnded();
  });
  connect(m_run, &RunController::failed, this, &MainWindow::onFailed);
  connect(m_run, &RunController::couldNotStart, this, [this](const QString& reason) {
    m_runStatus.setMessage(tr("The run failed: %1").arg(reason));
    m_log->appendPlainText(reason);
    if (m_sweep.isActive()) {
      m_sweep.cancel();
      emit sweepEnded(m_sweepGroup);
    }
    updateState();
    emit runEnded();
  });
  connect(m_cluster, &ClusterViews::controlRequested, m_run, &RunController::control);
}

void MainWindow::applyLook() {
  const bool presentation = m_actions->presentation->isChecked();
  const bool dark = m_actions->dark->isChecked();
  const double scale = app::applyLook(presentation, dark);
  m_cluster->chart()->setLook(dark, scale);
  m_progress->setMaximumWidth(static_cast<int>(220 * scale));
  m_progress->setMinimumWidth(static_cast<int>(160 * scale));
  QSettings settings;
  settings.setValue("view/presentation", presentation);
  settings.setValue("view/dark", dark);
}

void MainWindow::retranslate() {
  setWindowTitle(tr("DistLab - Distributed Learning Lab"));
  m_actions->retranslate();
  m_files->retranslate();
  m_tabs->retranslate();
  m_formDock->setWindowTitle(tr("Experiment"));
  if (m_runsDock) m_runsDock->setWindowTitle(tr("Runs"));
  m_lessonPanel->setLesson(translatedLessonText(m_lesson.name),
                           translatedLessonText(m_lesson.description));
  updateState();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  stop();
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  settings.setValue("language", m_language->current());
  event->accept();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_tabs->widget() && event->type() == QEvent::ContextMenu) {
    m_files->showViewMenu(static_cast<QContextMenuEvent*>(event)->globalPos());
    return true;
  }
  return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::openLesson(const QString& path) {
  Lesson lesson;
  QString error;
  if (!loadLesson(path, &lesson, &error)) {
    m_log->appendPlainText(error);
    if (!qApp->property("distlab.headless").toBool()) {
      QMessageBox::warning(this, tr("Cannot open the experiment"), error);
    }
    return false;
  }
  m_lesson = lesson;
  m_files->setSpecPath(path.startsWith(":/") ? QString() : path);
  // The spec keeps its name as written (a file saved from the form, the run's spec.json); the
  // window shows a shipped lesson's in its language where it names a run.
  const QJsonObject spec = QJsonDocument::fromJson(lesson.specJson).object();
  m_form->setSpec(spec);
  m_lessonPanel->setLesson(translatedLessonText(m_lesson.name),
                           translatedLessonText(m_lesson.description));
  const QString experiment = spec.value("experiment").toString("cluster");
  for (const auto& view : m_lessonViews) view->prepare(spec);
  m_tabs->showLesson(experiment);
  updateState();
  return true;
}

void MainWindow::newExperiment() {
  if (m_run->isRunning()) return;
  // A new experiment starts from the default lesson, under a new name and with no file.
  if (!openLesson(kDefaultLesson)) return;
  QJsonObject spec = m_form->spec();
  spec.insert("name", tr("New experiment"));
  spec.insert("description", QString());
  m_form->setSpec(spec);
  m_lesson.name = spec.value("name").toString();
  m_lesson.description.clear();
  m_lessonPanel->setLesson(m_lesson.name, QString());
  m_cluster->chart()->clear();
}

std::optional<QByteArray> MainWindow::validatedSpec() {
  const QByteArray json = QJsonDocument(m_form->spec()).toJson();
  engine::Spec spec;
  QList<QPair<QString, QString>> shown;
  m_specProblems.clear();
  for (const auto& e : engine::parseSpec(json.toStdString(), spec)) {
    shown.append({QString::fromStdString(e.path), EventText::specError(e)});
    m_specProblems.append(shown.back().first + ": " + shown.back().second);
  }
  m_form->setErrors(shown);
  if (!shown.isEmpty()) return std::nullopt;
  return json;
}

void MainWindow::runSpec(const QJsonObject& spec) {
  if (m_run->isRunning()) return;
  m_form->setSpec(spec);
  run();
}

void MainWindow::run() {
  if (m_run->isRunning() || m_lesson.specJson.isEmpty()) return;
  const auto json = validatedSpec();
  if (!json) {
    m_runStatus.setMessage(tr("The experiment has problems: see the fields marked in red"));
    updateState();
    return;
  }
  const QJsonObject spec = QJsonDocument::fromJson(*json).object();
  compareWithPrevious();
  const bool armed = m_startPaused, paused = armed && canBeHeld(spec);
  prepareViews(spec, translatedLessonText(m_lesson.name));
  if (armed && !paused) {
    m_runStatus.setMessage(
        tr("Only a cluster with a parameter server can start paused: this "
           "run starts at once"));
  }
  if (!m_run->start(*json, QString(), paused)) return;
  if (paused) {
    m_runStatus.setPaused(true);
    showPauseChecked(true);  // the engine starts held: nothing to send
  }
  updateState();
}

void MainWindow::prepareViews(const QJsonObject& spec, const QString& name) {
  m_experiment = spec.value("experiment").toString("cluster");
  m_cluster->startRun(spec);
  m_log->clear();
  // Until its run_started says otherwise (a run counted in rounds), a run counts epochs.
  const int epochs = spec.value("training").toObject().value("epochs").toInt(10);
  m_logContext = {epochs, 0, name};
  m_runStatus.start(epochs, spec.value("cluster").toObject().value("workers").toInt(1),
                    tr("Starting: %1...").arg(m_logContext.lesson));
  m_startPaused = false;  // run() took it; a sweep or an opened run never starts held
  m_controlsInFlight = 0;
  showPauseChecked(false);
  for (const auto& view : m_lessonViews) view->prepare(spec);
  if (LessonView* own = lessonViewOf(m_experiment)) own->clear();
}

bool MainWindow::openRun(const QString& dir) {
  if (m_run->isRunning()) return false;
  if (QFileInfo::exists(dir + "/sweep.csv") && !QFileInfo::exists(dir + "/events.jsonl")) {
    QString error;
    const int group = m_library->addSweep(dir, &error);
    if (group < 0) {
      m_runStatus.setMessage(tr("Cannot open the sweep: %1").arg(error));
      updateState();
      return false;
    }
    m_files->rememberRecent(dir);
    if (!qApp->property("distlab.headless").toBool()) m_library->showSweep(group);
    m_runStatus.setMessage(tr("Opened the sweep in %1: its runs are in the Runs panel")
                               .arg(QDir::toNativeSeparators(dir)));
    updateState();
    return true;
  }
  prepareFolderViews(dir);
  QString error;
  if (!m_run->openFolder(dir, &error)) return refuse(tr("Cannot open the run: %1").arg(error));
  if (!m_run->openProblem().isEmpty()) {
    m_log->appendPlainText(tr("Its log has a line that cannot be read (%1): what came before it is "
                              "shown")
                               .arg(m_run->openProblem()));
  }
  m_library->setCurrent(m_library->addRun(dir, m_run->completed()));
  m_files->rememberRecent(dir);
  return true;
}

bool MainWindow::refuse(const QString& why) {
  m_runStatus.setMessage(why);
  m_log->appendPlainText(why);
  updateState();
  return false;
}

void MainWindow::prepareFolderViews(const QString& dir) {
  QFile specFile(dir + "/spec.json");
  const QJsonObject spec = specFile.open(QIODevice::ReadOnly)
                               ? QJsonDocument::fromJson(specFile.readAll()).object()
                               : QJsonObject();
  // A folder without its spec still shows its records; the form keeps the experiment it had.
  if (!spec.isEmpty()) {
    // The run's spec becomes the experiment on show: Run starts it again.
    m_lesson = {QJsonDocument(spec).toJson(QJsonDocument::Compact), spec.value("name").toString(),
                spec.value("description").toString()};
    m_files->setSpecPath(QString());
    m_form->setSpec(spec);
    m_lessonPanel->setLesson(translatedLessonText(m_lesson.name),
                             translatedLessonText(m_lesson.description));
    m_tabs->showLesson(spec.value("experiment").toString("cluster"));
  }
  prepareViews(spec, spec.isEmpty() ? QDir(dir).dirName() : translatedLessonText(m_lesson.name));
  if (spec.isEmpty()) {
    m_log->appendPlainText(tr("%1 has no readable spec.json: the records are shown without it")
                               .arg(QDir::toNativeSeparators(dir)));
  }
}

void MainWindow::stop() {
  if (!m_run->isRunning()) return;
  m_run->stop();
  m_runStatus.setPaused(false);
  m_runStatus.setMessage(tr("Stopped at epoch %1").arg(m_runStatus.epoch(), 0, 'f', 2));
  const bool sweeping = m_sweep.isActive();
  recordRun(false, -1, /*stopped=*/true);  // listed as stopped; a sweep's table keeps it too
  if (sweeping) {
    m_sweep.cancel();
    m_log->appendPlainText(tr("Sweep stopped after %1 of %2 runs; its table keeps them")
                               .arg(m_sweep.done())
                               .arg(m_sweep.total()));
    emit sweepEnded(m_sweepGroup);
  }
  updateState();
}

bool MainWindow::isRunning() const { return m_run->isRunning(); }

LessonView* MainWindow::lessonViewOf(const QString& experiment) const {
  for (const auto& view : m_lessonViews) {
    if (view->lesson() == experiment) return view.get();
  }
  return nullptr;
}

void MainWindow::onEvents(const std::vector<engine::Event>& batch) {
  m_cluster->onEvents(batch);
  for (const auto& view : m_lessonViews) view->onEvents(batch);
  for (const auto& event : batch) {
    if (const auto* started = std::get_if<engine::RunStarted>(&event)) {
      m_logContext.startNs = started->timeNs;
      m_logContext.split.reset();
      if (started->rounds > 0) m_logContext.epochs = started->rounds;
    } else if (const auto* layout = std::get_if<engine::ModelLayout>(&event)) {
      m_logContext.split = layout->split;
    } else if (const auto* control = std::get_if<engine::RunControlled>(&event);
               control && control->command != engine::ControlCommand::Step && m_run->isRunning()) {
      // This window's own commands come back late (it may have sent another since): only
      // the others' (another monitor, `run --paused` followed) change what it shows.
      if (m_controlsInFlight > 0) {
        --m_controlsInFlight;
      } else {
        const bool held = control->command == engine::ControlCommand::Pause;
        m_runStatus.setPaused(held);
        showPauseChecked(held);
      }
    }
    m_runStatus.onEvent(event, m_logContext.startNs);
    const QString line = EventText::logLine(event, m_logContext);
    if (!line.isEmpty()) m_log->appendPlainText(line);
    if (const auto* result = std::get_if<engine::LessonResult>(&event)) onResult(*result);
  }
  updateState();
}

void MainWindow::onResult(const engine::LessonResult& result) {
  m_results->setData(resultData(result));
  const QString lesson = QString::fromStdString(result.lesson);
  LessonView* own = lessonViewOf(lesson);
  if (own) m_runStatus.setMessage(own->show(result));
  QStringList files;
  for (const auto& t : result.tables) files << QString::fromStdString(t.name) + ".csv";
  for (const auto& i : result.images) files << QString::fromStdString(i.name) + ".png";
  m_tabs->showResult(lesson, files);
  m_runStatus.complete();
}

void MainWindow::onFailed(const std::optional<engine::RunEnded>& ended, int exitCode) {
  const bool opened = m_run->showsOpenedFolder();
  const QString reason =
      ended    ? EventText::endReason(*ended)
      : opened ? tr("its log ends before the run did (it was cut short, or is still running)")
               : tr("the training engine stopped unexpectedly (exit code %1)").arg(exitCode);
  m_runStatus.setMessage(tr("The run failed: %1").arg(reason));
  m_log->appendPlainText(tr("The run failed: %1").arg(reason));
  m_runStatus.setPaused(false);
  const bool sweeping = m_sweep.isActive();  // a sweep goes on: no box to wait on
  recordRun(false, exitCode);
  updateState();
  emit runEnded();
  if (!qApp->property("distlab.headless").toBool() && !opened && !sweeping) {
    QMessageBox box(QMessageBox::Critical, tr("The run failed"), reason, QMessageBox::Ok, this);
    // A crash with no typed reason: what the engine printed last, for whoever reports it.
    if (!ended) box.setDetailedText(m_run->engineOutput().join('\n'));
    box.exec();
  }
}

void MainWindow::updateState() {
  const bool running = m_run->isRunning();
  m_actions->run->setEnabled(!running && !m_lesson.specJson.isEmpty());
  m_actions->stop->setEnabled(running);
  m_actions->pause->setEnabled(running ? m_run->isWatching() : lessonCanBeHeld());
  if (!running) showPauseChecked(m_startPaused);  // a run that ended held leaves it unarmed
  m_actions->step->setEnabled(running && m_runStatus.paused());
  m_actions->newExperiment->setEnabled(!running);
  m_actions->sweep->setEnabled(!running && !m_lesson.specJson.isEmpty());
  m_actions->lessons->setEnabled(!running);
  m_files->setEnabled(!running);
  m_form->setEnabled(!running);  // the views belong to the running lesson until it ends
  m_progress->setRange(0, m_runStatus.progressMaximum());
  m_progress->setValue(std::min(m_runStatus.progressValue(), m_runStatus.progressMaximum()));
  m_progress->setFormat(m_runStatus.progressText());
  m_status->setText(m_runStatus.text(running, m_cluster->traffic()->totalBytes()));
}

}  // namespace distlab::app
