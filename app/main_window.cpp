#include "app/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPalette>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <cmath>

#include <QJsonDocument>
#include <QJsonObject>

#include "app/aggregation_results.h"
#include "app/averaging_results.h"
#include "app/capture_store.h"
#include "app/engine_text.h"
#include "app/privacy_results.h"
#include "app/report_export.h"
#include "app/run_controller.h"
#include "app/view_export.h"
#include "core/spec.h"
#include "widgets/aggregation_view.h"
#include "widgets/averaging_view.h"
#include "widgets/convexity_view.h"
#include "widgets/data_view.h"
#include "widgets/lesson_panel.h"
#include "widgets/privacy_view.h"
#include "widgets/spec_form.h"
#include "widgets/staleness_view.h"
#include "widgets/timeline_view.h"
#include "widgets/topology_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace distlab::app {
namespace {

// The views in tab order, by the names --view, the report files and the CSV tables use.
const QStringList kViewNames = {"training", "timeline",  "data",        "staleness", "traffic",
                                "cluster",  "averaging", "aggregation", "convexity", "privacy"};

widgets::TrafficView::Kind trafficKind(engine::MessageType type) {
  using Kind = widgets::TrafficView::Kind;
  using T = engine::MessageType;
  switch (type) {
    case T::Push:
      return Kind::Push;
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
      return Kind::Handshake;
    case T::Control:
    case T::Shutdown:
      break;
  }
  return Kind::Control;
}

}  // namespace

MainWindow::MainWindow(Language* language, QWidget* parent)
    : QMainWindow(parent),
      m_language(language),
      m_run(new RunController(this)),
      m_lessonPanel(new widgets::LessonPanel),
      m_chart(new widgets::TrainingChart),
      m_timeline(new widgets::TimelineView),
      m_data(new widgets::DataView),
      m_staleness(new widgets::StalenessView),
      m_traffic(new widgets::TrafficView),
      m_topology(new widgets::TopologyView),
      m_averaging(new widgets::AveragingView),
      m_aggregation(new widgets::AggregationView),
      m_convexity(new widgets::ConvexityView),
      m_privacy(new widgets::PrivacyView),
      m_views(new QTabWidget),
      m_form(new widgets::SpecForm),
      m_formDock(new QDockWidget),
      m_log(new QPlainTextEdit),
      m_status(new QLabel),
      m_progress(new QProgressBar) {
  m_log->setReadOnly(true);
  m_log->setMaximumBlockCount(5000);
  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(m_lessonPanel);
  m_views->addTab(m_chart, QString());
  m_views->addTab(m_timeline, QString());
  m_views->addTab(m_data, QString());
  m_views->addTab(m_staleness, QString());
  m_views->addTab(m_traffic, QString());
  m_views->addTab(m_topology, QString());
  m_views->addTab(m_averaging, QString());
  m_views->addTab(m_aggregation, QString());
  m_views->addTab(m_convexity, QString());
  m_views->addTab(m_privacy, QString());
  // Pushes captured in earlier sessions stay attackable.
  m_privacy->setCaptures(keptCaptures(captureStoreRoot(), kKeptCaptures));
  connect(m_privacy, &widgets::PrivacyView::attackRequested, this, [this] {
    if (m_run->isRunning()) return;
    QString error;
    QJsonObject spec = m_privacy->applySettings(m_form->spec(), &error);
    if (spec.isEmpty()) {
      m_statusText = error;
      updateState();
      return;
    }
    spec["experiment"] = "inversion";
    m_form->setSpec(spec);
    run();
  });
  connect(m_topology, &widgets::TopologyView::actionRequested, this,
          [this](int worker, widgets::TopologyView::Action action) {
            using A = widgets::TopologyView::Action;
            using C = engine::ControlCommand;
            const C command = action == A::Kill      ? C::Kill
                              : action == A::Slow    ? C::Slow
                              : action == A::Restore ? C::Restore
                              : action == A::Capture ? C::Capture
                                                     : C::Restart;
            m_run->control(command, worker, action == A::Slow ? 3.0 : 0.0);
          });
  // Right-clicks a view leaves unhandled reach the tab widget: offer the view's exports there.
  m_views->installEventFilter(this);
  topLayout->addWidget(m_views, 1);
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
  // Per-step worker losses are noisy: start smoothed (TensorBoard's default weight).
  m_chart->setSmoothing(0.6);
  statusBar()->addWidget(m_status, 1);
  statusBar()->addPermanentWidget(m_progress);
  m_progress->setMaximumWidth(220);
  m_progress->setFormat("%v / %m");

  createActions();
  connect(m_run, &RunController::events, this, &MainWindow::onEvents);
  connect(m_run, &RunController::logLine, this, &MainWindow::onEngineLine);
  connect(m_run, &RunController::failed, this, &MainWindow::onFailed);
  connect(m_run, &RunController::succeeded, this, [this] {
    m_statusText = tr("Finished: test accuracy %1%, %2 samples/s")
                       .arg(m_lastAccuracy * 100.0, 0, 'f', 2)
                       .arg(m_lastSamplesPerSecond, 0, 'f', 0);
    if (m_averagingRun) showAveragingResults();
    if (m_aggregationRun) showAggregationResults();
    if (m_convexityRun) showConvexityResults();
    if (m_privacyRun) showPrivacyResults();
    m_paused = false;
    updateState();
    emit runEnded();
  });

  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  if (!settings.contains("window/geometry")) resize(1360, 860);
  retranslate();
  applyLook();
  updateState();
}

MainWindow::~MainWindow() = default;

void MainWindow::applyLook() {
  const bool presentation = m_presentationAction->isChecked();
  const bool dark = m_darkAction->isChecked();
  QFont font = QApplication::font();
  // The size before any scaling, kept on the application so a second window does not scale twice.
  QVariant baseSize = qApp->property("distlab.baseFontSize");
  if (!baseSize.isValid()) {
    baseSize = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    qApp->setProperty("distlab.baseFontSize", baseSize);
  }
  const double scale = presentation ? 1.6 : 1.0;
  font.setPointSizeF(baseSize.toDouble() * scale);
  QApplication::setFont(font);
  QPalette palette = QApplication::style()->standardPalette();
  if (dark) {
    const QColor window(0x2d, 0x2f, 0x33), base(0x22, 0x24, 0x27), text(0xe8, 0xe8, 0xe8);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
  }
  QApplication::setPalette(palette);
  m_chart->setLook(dark, scale);
  m_progress->setMaximumWidth(static_cast<int>(220 * scale));
  m_progress->setMinimumWidth(static_cast<int>(160 * scale));
  QSettings settings;
  settings.setValue("view/presentation", presentation);
  settings.setValue("view/dark", dark);
}

void MainWindow::createActions() {
  m_openAction = new QAction(this);
  m_openAction->setShortcut(QKeySequence::Open);
  connect(m_openAction, &QAction::triggered, this, &MainWindow::openSpecDialog);
  m_newAction = new QAction(this);
  m_newAction->setShortcut(QKeySequence::New);
  connect(m_newAction, &QAction::triggered, this, &MainWindow::newExperiment);
  m_saveAction = new QAction(this);
  m_saveAction->setShortcut(QKeySequence::Save);
  connect(m_saveAction, &QAction::triggered, this, [this] { saveSpec(m_specPath); });
  m_exportAction = new QAction(this);
  m_exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
  connect(m_exportAction, &QAction::triggered, this, [this] {
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export view"), QString(),
        tr("PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &filter);
    if (!path.isEmpty()) exportCurrentView(path);
  });
  m_reportAction = new QAction(this);
  m_reportAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
  connect(m_reportAction, &QAction::triggered, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export report into folder"));
    if (!dir.isEmpty()) exportReport(dir);
  });
  m_saveAsAction = new QAction(this);
  m_saveAsAction->setShortcut(QKeySequence::SaveAs);
  connect(m_saveAsAction, &QAction::triggered, this, [this] { saveSpec(QString()); });
  m_quitAction = new QAction(this);
  m_quitAction->setShortcut(QKeySequence::Quit);
  connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
  m_runAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
  m_runAction->setShortcut(Qt::Key_F5);
  connect(m_runAction, &QAction::triggered, this, &MainWindow::run);
  m_stopAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), QString(), this);
  m_stopAction->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::SHIFT | Qt::Key_F5)});
  connect(m_stopAction, &QAction::triggered, this, &MainWindow::stop);
  m_pauseAction = new QAction(style()->standardIcon(QStyle::SP_MediaPause), QString(), this);
  m_pauseAction->setCheckable(true);
  m_pauseAction->setShortcut(Qt::Key_F6);
  connect(m_pauseAction, &QAction::toggled, this, &MainWindow::setPaused);
  m_stepAction = new QAction(style()->standardIcon(QStyle::SP_MediaSkipForward), QString(), this);
  m_stepAction->setShortcut(Qt::Key_F10);
  connect(m_stepAction, &QAction::triggered, this, &MainWindow::stepOneRound);
  m_aboutAction = new QAction(this);
  connect(m_aboutAction, &QAction::triggered, this, [this] {
    QMessageBox::about(this, tr("About DistLab"),
                       tr("DistLab: a lab for learning distributed training of neural networks."));
  });
  m_englishAction = new QAction("English", this);
  m_chineseAction = new QAction(QString::fromUtf8("中文"), this);
  auto* languages = new QActionGroup(this);
  for (auto* action : {m_englishAction, m_chineseAction}) {
    action->setCheckable(true);
    languages->addAction(action);
  }
  (m_language->current() == "zh_CN" ? m_chineseAction : m_englishAction)->setChecked(true);
  connect(m_englishAction, &QAction::triggered, this, [this] { m_language->set("en"); });
  connect(m_chineseAction, &QAction::triggered, this, [this] {
    if (!m_language->set("zh_CN")) m_englishAction->setChecked(true);
  });

  m_fileMenu = menuBar()->addMenu(QString());
  m_fileMenu->addAction(m_newAction);
  m_fileMenu->addAction(m_openAction);
  m_recentMenu = m_fileMenu->addMenu(QString());
  m_fileMenu->addAction(m_saveAction);
  m_fileMenu->addAction(m_saveAsAction);
  m_fileMenu->addAction(m_exportAction);
  m_fileMenu->addAction(m_reportAction);
  m_fileMenu->addSeparator();
  m_fileMenu->addAction(m_quitAction);
  m_lessonsMenu = menuBar()->addMenu(QString());
  for (const QString& path : shippedLessons()) {
    Lesson lesson;
    QString error;
    if (!loadLesson(path, &lesson, &error)) continue;
    auto* action = m_lessonsMenu->addAction(QString());
    connect(action, &QAction::triggered, this, [this, path] {
      if (!m_run->isRunning() && openLesson(path)) m_chart->clear();
    });
    m_lessonActions.emplace_back(action, lesson.name);
  }
  m_runMenu = menuBar()->addMenu(QString());
  m_runMenu->addAction(m_runAction);
  m_runMenu->addAction(m_pauseAction);
  m_runMenu->addAction(m_stepAction);
  m_runMenu->addAction(m_stopAction);
  m_viewMenu = menuBar()->addMenu(QString());
  m_presentationAction = m_viewMenu->addAction(QString());
  m_presentationAction->setCheckable(true);
  m_presentationAction->setShortcut(Qt::Key_F11);
  m_darkAction = m_viewMenu->addAction(QString());
  m_darkAction->setCheckable(true);
  {
    QSettings settings;
    m_presentationAction->setChecked(settings.value("view/presentation", false).toBool());
    m_darkAction->setChecked(settings.value("view/dark", false).toBool());
  }
  connect(m_presentationAction, &QAction::toggled, this, &MainWindow::applyLook);
  connect(m_darkAction, &QAction::toggled, this, &MainWindow::applyLook);
  m_languageMenu = menuBar()->addMenu(QString());
  m_languageMenu->addAction(m_englishAction);
  m_languageMenu->addAction(m_chineseAction);
  m_helpMenu = menuBar()->addMenu(QString());
  m_helpMenu->addAction(m_aboutAction);
  m_toolBar = addToolBar(QString());
  m_toolBar->setObjectName("mainToolBar");
  m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_toolBar->addAction(m_runAction);
  m_toolBar->addAction(m_pauseAction);
  m_toolBar->addAction(m_stepAction);
  m_toolBar->addAction(m_stopAction);
}

void MainWindow::retranslate() {
  setWindowTitle(tr("DistLab - Distributed Learning Lab"));
  m_fileMenu->setTitle(tr("&File"));
  m_lessonsMenu->setTitle(tr("L&essons"));
  for (const auto& [action, title] : m_lessonActions) action->setText(translatedLessonText(title));
  m_runMenu->setTitle(tr("&Run"));
  m_languageMenu->setTitle(tr("&Language"));
  m_viewMenu->setTitle(tr("&View"));
  m_presentationAction->setText(tr("&Presentation mode"));
  m_presentationAction->setToolTip(tr("Larger text for a projector (F11)"));
  m_darkAction->setText(tr("&Dark theme"));
  m_helpMenu->setTitle(tr("&Help"));
  m_formDock->setWindowTitle(tr("Experiment"));
  m_views->setTabText(0, tr("Training"));
  m_views->setTabText(1, tr("Timeline"));
  m_views->setTabText(2, tr("Data"));
  m_views->setTabToolTip(2, tr("How the training set is split across the workers"));
  m_views->setTabText(3, tr("Staleness"));
  m_views->setTabToolTip(3, tr("How old the parameters behind each applied update were"));
  m_views->setTabText(4, tr("Traffic"));
  m_views->setTabToolTip(4, tr("What crosses each worker's link, measured on the sockets"));
  m_views->setTabText(5, tr("Cluster"));
  m_views->setTabText(6, tr("Averaging"));
  m_views->setTabText(7, tr("Aggregation"));
  m_views->setTabToolTip(7, tr("Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared"));
  m_views->setTabText(8, tr("Convexity"));
  m_views->setTabToolTip(8, tr("Lesson 5: averaging parameters vs averaging outputs"));
  m_views->setTabText(9, tr("Privacy"));
  m_views->setTabToolTip(9, tr("Lesson 7: rebuilding private images from a shared gradient"));
  m_views->setTabToolTip(6, tr("Lesson 1: gradient averaging vs model averaging on the "
                               "lecture's linear regression"));
  m_views->setTabToolTip(5, tr("The server and its workers; right-click a worker to kill, slow "
                               "down, restore or restart it"));
  m_views->setTabToolTip(1, tr("What every worker and the server does when: compute, push, pull, "
                               "wait at the barrier. Wheel: zoom; drag: pan; double click: all"));
  m_toolBar->setWindowTitle(tr("Run"));
  m_openAction->setText(tr("&Open experiment..."));
  m_newAction->setText(tr("&New experiment"));
  m_saveAction->setText(tr("&Save experiment"));
  m_saveAsAction->setText(tr("Save experiment &as..."));
  m_exportAction->setText(tr("&Export view..."));
  m_exportAction->setToolTip(tr("Save the view on show as a PNG, SVG or PDF for a report"));
  m_reportAction->setText(tr("Export &report..."));
  m_reportAction->setToolTip(
      tr("Write a folder with every view as PNG and SVG, the data as CSV, the spec and a "
         "report.html"));
  m_recentMenu->setTitle(tr("Recent experiments"));
  updateRecentMenu();
  m_quitAction->setText(tr("&Quit"));
  m_runAction->setText(tr("Run"));
  m_runAction->setToolTip(tr("Train the current lesson's model on a real cluster (F5)"));
  m_pauseAction->setText(m_pauseAction->isChecked() ? tr("Resume") : tr("Pause"));
  m_pauseAction->setToolTip(tr("Hold every worker before its next step, or let them go on (F6)"));
  m_stepAction->setText(tr("Step"));
  m_stepAction->setToolTip(
      tr("While paused: every worker takes one more step, one round of a synchronous run (F10)"));
  m_stopAction->setText(tr("Stop"));
  m_stopAction->setToolTip(tr("Stop the run and every worker process (Esc)"));
  m_aboutAction->setText(tr("&About DistLab"));
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

bool MainWindow::openLesson(const QString& path) {
  Lesson lesson;
  QString error;
  if (!loadLesson(path, &lesson, &error)) {
    m_log->appendPlainText(error);
    QMessageBox::warning(this, tr("Cannot open the experiment"), error);
    return false;
  }
  m_lesson = lesson;
  m_specPath = path.startsWith(":/") ? QString() : path;
  if (!m_specPath.isEmpty()) rememberRecent(m_specPath);
  m_form->setSpec(QJsonDocument::fromJson(lesson.specJson).object());
  m_lessonPanel->setLesson(translatedLessonText(m_lesson.name),
                           translatedLessonText(m_lesson.description));
  // Lessons 1 and 5 have views of their own, which come forward (and are shown only then).
  const QString experiment =
      QJsonDocument::fromJson(lesson.specJson).object().value("experiment").toString();
  const bool averaging = experiment == "averaging", aggregation = experiment == "aggregation";
  const bool convexity = experiment == "convexity", privacy = experiment == "inversion";
  m_views->setTabVisible(m_views->indexOf(m_convexity), convexity || m_convexity->hasData());
  m_views->setTabVisible(m_views->indexOf(m_privacy), privacy || m_privacy->hasData());
  m_views->setTabVisible(m_views->indexOf(m_averaging), averaging || m_averaging->hasData());
  m_views->setTabVisible(m_views->indexOf(m_aggregation), aggregation || m_aggregation->hasData());
  if (averaging) m_views->setCurrentWidget(m_averaging);
  if (aggregation) m_views->setCurrentWidget(m_aggregation);
  if (convexity) m_views->setCurrentWidget(m_convexity);
  if (privacy) {
    m_privacy->setSettings(QJsonDocument::fromJson(lesson.specJson).object());
    m_views->setCurrentWidget(m_privacy);
  }
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
  m_chart->clear();
}

bool MainWindow::saveSpec(const QString& path) {
  QString target = path;
  if (target.isEmpty()) {
    target = QFileDialog::getSaveFileName(this, tr("Save experiment"), QString(),
                                          tr("Experiment specs (*.json)"));
    if (target.isEmpty()) return false;
    if (!target.endsWith(".json")) target += ".json";
  }
  // Written next to the target first and renamed over it: a failed save loses nothing.
  QSaveFile file(target);
  const QByteArray json = QJsonDocument(m_form->spec()).toJson(QJsonDocument::Indented);
  if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
    const QString reason = tr("Cannot save %1: %2").arg(target, file.errorString());
    m_log->appendPlainText(reason);
    if (!qApp->property("distlab.headless").toBool()) {
      QMessageBox::warning(this, tr("Save experiment"), reason);
    }
    return false;
  }
  m_specPath = target;
  rememberRecent(target);
  m_statusText = tr("Saved %1").arg(QDir::toNativeSeparators(target));
  updateState();
  return true;
}

bool MainWindow::exportCurrentView(const QString& path, int scale) {
  QString error;
  if (!exportView(m_views->currentWidget(), path, scale, &error)) {
    exportFailed(tr("Export view"), error);
    return false;
  }
  m_statusText = tr("Saved %1").arg(QDir::toNativeSeparators(path));
  updateState();
  return true;
}

void MainWindow::exportFailed(const QString& title, const QString& error) {
  m_log->appendPlainText(error);
  if (!qApp->property("distlab.headless").toBool()) QMessageBox::warning(this, title, error);
}

bool MainWindow::exportViewData(const QString& tableFile, const QString& path) {
  QString error;
  if (!QDir(m_run->runFolder()).exists()) {
    error = tr("There is no data yet: run the experiment first.");
  } else if (exportRunTable(m_run->runFolder(), tableFile, path, &error)) {
    m_statusText = tr("Saved %1").arg(QDir::toNativeSeparators(path));
    updateState();
    return true;
  }
  exportFailed(tr("Export data"), error);
  return false;
}

bool MainWindow::exportReport(const QString& dir) {
  const QString runFolder = m_run->runFolder();
  if (!QFileInfo::exists(runFolder + "/spec.json")) {
    exportFailed(tr("Export report"),
                 tr("There is nothing to report yet: run the experiment first."));
    return false;
  }
  if (!QDir().mkpath(dir)) {
    exportFailed(tr("Export report"), tr("Cannot create the folder %1").arg(dir));
    return false;
  }
  QApplication::setOverrideCursor(Qt::WaitCursor);
  const int shown = m_views->currentIndex();
  std::vector<ReportPicture> pictures;
  QString error;
  // The views this run uses: the cluster's views when shown, and a lesson's own view only for
  // that lesson's run (it may still hold an earlier run's results, or be empty).
  const std::map<QWidget*, bool> lessonViews = {{m_averaging, m_averagingRun},
                                                {m_aggregation, m_aggregationRun},
                                                {m_convexity, m_convexityRun},
                                                {m_privacy, m_privacyRun}};
  std::vector<int> views;
  for (int i = 0; i < m_views->count(); ++i) {
    const auto lesson = lessonViews.find(m_views->widget(i));
    if (lesson != lessonViews.end() ? lesson->second : m_views->isTabVisible(i)) views.push_back(i);
  }
  for (std::size_t n = 0; n < views.size() && error.isEmpty(); ++n) {
    const int i = views[n];
    // Each view is shown while it is drawn, so its layout has the size of the window's.
    m_views->setCurrentIndex(i);
    QCoreApplication::sendPostedEvents();
    m_status->setText(tr("Writing the report: %1 (%2 of %3)")
                          .arg(m_views->tabText(i))
                          .arg(n + 1)
                          .arg(views.size()));
    for (const char* suffix : {".png", ".svg"}) {
      if (error.isEmpty())
        exportView(m_views->widget(i), dir + "/" + kViewNames[i] + suffix, 2, &error);
    }
    pictures.push_back({kViewNames[i], m_views->tabText(i)});
  }
  m_views->setCurrentIndex(shown);
  if (error.isEmpty()) writeReportFolder(runFolder, dir, pictures, &error);
  QApplication::restoreOverrideCursor();
  if (!error.isEmpty()) {
    exportFailed(tr("Export report"), error);
    updateState();
    return false;
  }
  m_statusText = tr("Report written to %1").arg(QDir::toNativeSeparators(dir + "/report.html"));
  updateState();
  return true;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_views && event->type() == QEvent::ContextMenu) {
    showViewMenu(static_cast<QContextMenuEvent*>(event)->globalPos());
    return true;
  }
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showViewMenu(const QPoint& globalPos) {
  QMenu menu(this);
  menu.addAction(tr("Export picture (PNG, SVG or PDF)..."), this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export view"), kViewNames[m_views->currentIndex()] + ".png",
        tr("PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    int scale = 2;
    if (QFileInfo(path).suffix().toLower() == "png") {
      bool ok = false;
      scale =
          QInputDialog::getInt(this, tr("Export view"), tr("Scale (1x to 4x):"), 2, 1, 4, 1, &ok);
      if (!ok) return;
    }
    exportCurrentView(path, scale);
  });
  const bool haveData = QDir(m_run->runFolder()).exists();
  for (const QString& table : tablesOfView(kViewNames[m_views->currentIndex()])) {
    const bool picture = table.endsWith(".png");  // the privacy lesson's reconstruction grid
    const QString text = picture ? tr("Export the reconstruction grid (%1)...").arg(table)
                                 : tr("Export data as CSV (%1)...").arg(table);
    auto* action = menu.addAction(text, this, [this, table, picture] {
      const QString path =
          QFileDialog::getSaveFileName(this, tr("Export data"), table,
                                       picture ? tr("PNG image (*.png)") : tr("CSV table (*.csv)"));
      if (!path.isEmpty()) exportViewData(table, path);
    });
    action->setEnabled(haveData);
    if (!haveData) action->setToolTip(tr("Run the experiment first"));
  }
  menu.addSeparator();
  menu.addAction(m_reportAction);
  menu.exec(globalPos);
}

void MainWindow::rememberRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > 8) recent.removeLast();
  settings.setValue("recentFiles", recent);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  for (const QString& path : QSettings().value("recentFiles").toStringList()) {
    if (!QFileInfo::exists(path)) continue;
    auto* action = m_recentMenu->addAction(QFileInfo(path).fileName());
    action->setToolTip(path);
    connect(action, &QAction::triggered, this, [this, path] {
      if (!m_run->isRunning() && openLesson(path)) m_chart->clear();
    });
  }
  m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::openSpecDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), QString(),
                                                    tr("Experiment specs (*.json)"));
  if (!path.isEmpty() && openLesson(path)) m_chart->clear();
}

std::optional<QByteArray> MainWindow::validatedSpec() {
  const QByteArray json = QJsonDocument(m_form->spec()).toJson();
  engine::Spec spec;
  QList<QPair<QString, QString>> shown;
  for (const auto& e : engine::parseSpec(json.toStdString(), spec)) {
    shown.append({QString::fromStdString(e.path), EngineText::specError(e)});
  }
  m_form->setErrors(shown);
  if (!shown.isEmpty()) return std::nullopt;
  return json;
}

void MainWindow::run() {
  if (m_run->isRunning() || m_lesson.specJson.isEmpty()) return;
  const auto json = validatedSpec();
  if (!json) {
    m_statusText = tr("The experiment has problems: see the fields marked in red");
    updateState();
    return;
  }
  const QJsonObject spec = QJsonDocument::fromJson(*json).object();
  // The last run stays on the chart, dashed, to compare with this one.
  m_chart->startRun(spec.value("name").toString());
  m_timeline->clear();
  m_data->clear();
  m_data->setDataset(spec.value("dataset").toObject().value("name").toString());
  m_staleness->clear();
  m_traffic->clear();
  {
    const QJsonObject cluster = spec.value("cluster").toObject();
    const QString sync = cluster.value("sync").toString("bsp");
    m_staleness->setBound(sync == "ssp" ? std::optional<int>(cluster.value("staleness").toInt(3))
                                        : std::nullopt);
  }
  m_log->clear();
  m_batchSize = spec.value("training").toObject().value("batch_size").toInt(64);
  m_stepsPerEpoch.clear();
  m_runStartNs = 0;
  m_epochsTotal = spec.value("training").toObject().value("epochs").toInt(10);
  m_workersTotal = spec.value("cluster").toObject().value("workers").toInt(1);
  m_topology->setWorkerCount(m_workersTotal);
  m_workersAlive = 0;
  m_epoch = 0.0;
  m_paused = false;
  m_evaluation.clear();
  m_pauseAction->setChecked(false);
  m_averagingRun = spec.value("experiment").toString() == "averaging";
  m_aggregationRun = spec.value("experiment").toString() == "aggregation";
  m_convexityRun = spec.value("experiment").toString() == "convexity";
  m_privacyRun = spec.value("experiment").toString() == "inversion";
  m_statusText = m_privacyRun       ? tr("Attacking the shared gradient...")
                 : m_convexityRun   ? tr("Training the models of the convexity study...")
                 : m_averagingRun   ? tr("Computing lesson 1...")
                 : m_aggregationRun ? tr("Lesson 5: training S-DNN, MA-DNN, E-DNN and EC-DNN "
                                         "one after the other on real clusters...")
                                    : tr("Loading data and starting the cluster...");
  if (m_averagingRun) m_averaging->clear();
  if (m_aggregationRun) m_aggregation->clear();
  if (m_run->start(*json)) updateState();
}

void MainWindow::showAggregationResults() {
  widgets::AggregationData results;
  QString error;
  if (!readAggregationResults(m_run->runFolder(), &results, &error)) {
    m_statusText = error;
    m_log->appendPlainText(error);
    return;
  }
  m_aggregation->setData(std::move(results));
  m_views->setTabVisible(m_views->indexOf(m_aggregation), true);
  m_views->setCurrentWidget(m_aggregation);
  m_epoch = m_epochsTotal;
  m_statusText = tr("Lesson 5 done: the four methods are compared in the Aggregation tab");
}

void MainWindow::showPrivacyResults() {
  widgets::PrivacyData results;
  QString error;
  if (!readPrivacyResults(m_run->runFolder(), &results, &error)) {
    m_statusText = error;
    m_log->appendPlainText(error);
    return;
  }
  m_privacy->setData(std::move(results));
  m_views->setTabVisible(m_views->indexOf(m_privacy), true);
  m_views->setCurrentWidget(m_privacy);
  m_epoch = m_epochsTotal;
  m_statusText = tr("Attack done: see the Privacy tab");
}

void MainWindow::showConvexityResults() {
  widgets::ConvexityData results;
  QString error;
  if (!readConvexityResults(m_run->runFolder(), &results, &error)) {
    m_statusText = error;
    m_log->appendPlainText(error);
    return;
  }
  m_convexity->setData(std::move(results));
  m_views->setTabVisible(m_views->indexOf(m_convexity), true);
  m_views->setCurrentWidget(m_convexity);
  m_epoch = m_epochsTotal;
  m_statusText = tr("Convexity study done: see the Convexity tab");
}

void MainWindow::showAveragingResults() {
  widgets::AveragingData results;
  QString error;
  if (!readAveragingResults(m_run->runFolder() + "/averaging.json", &results, &error)) {
    m_statusText = error;
    m_log->appendPlainText(error);
    return;
  }
  m_averaging->setData(std::move(results));
  m_epoch = m_epochsTotal;  // every round computed
  m_views->setCurrentWidget(m_averaging);
  m_statusText = tr("Lesson 1 computed. %1").arg(m_averaging->verdict());
}

void MainWindow::stop() {
  if (!m_run->isRunning()) return;
  m_run->stop();
  m_paused = false;
  m_statusText = tr("Stopped at epoch %1").arg(m_epoch, 0, 'f', 2);
  updateState();
}

void MainWindow::setPaused(bool paused) {
  if (paused == m_paused) return;
  if (!m_run->isRunning()) {
    m_pauseAction->setChecked(false);
    return;
  }
  m_paused = paused;
  m_run->control(paused ? engine::ControlCommand::Pause : engine::ControlCommand::Resume);
  m_pauseAction->setText(paused ? tr("Resume") : tr("Pause"));
  updateState();
}

void MainWindow::stepOneRound() {
  if (m_paused) m_run->control(engine::ControlCommand::Step);
}

bool MainWindow::isRunning() const { return m_run->isRunning(); }

QString MainWindow::statusText() const { return m_status->text(); }

bool MainWindow::showView(const QString& name) {
  const auto index = kViewNames.indexOf(name);
  if (index < 0) return false;
  m_views->setCurrentIndex(static_cast<int>(index));
  return true;
}

void MainWindow::onEvents(const std::vector<engine::Event>& batch) {
  for (const auto& event : batch) {
    if (const auto* metric = std::get_if<engine::Metric>(&event)) onMetric(*metric);
    if (const auto* lifecycle = std::get_if<engine::Lifecycle>(&event)) onLifecycle(*lifecycle);
    if (const auto* t = std::get_if<engine::TrafficRecord>(&event)) {
      using Kind = widgets::TrafficView::Kind;
      const Kind kind = trafficKind(t->type);
      m_traffic->add(t->worker, secondsSinceStart(t->timeNs), kind, t->bytes);
      if (kind == Kind::Push || kind == Kind::Params) {
        m_topology->pulse(t->worker, kind == Kind::Push);
      }
    }
    if (const auto* s = std::get_if<engine::StalenessRecord>(&event)) {
      m_staleness->add(s->clockGap, s->staleness);
    }
    if (const auto* span = std::get_if<engine::Span>(&event)) {
      m_timeline->addSpan(
          span->lane,
          {span->startNs, span->endNs, static_cast<std::uint32_t>(span->step),
           static_cast<std::uint32_t>(span->bytes), static_cast<std::uint8_t>(span->kind)});
    }
    if (const auto* part = std::get_if<engine::PartitionRecord>(&event); part && part->epoch == 0) {
      m_data->setWorker(part->worker, part->stats.labelCounts, part->stats.size,
                        part->stats.distinct, part->stats.unseenFraction);
      m_topology->setShare(part->worker, 1.0 - part->stats.unseenFraction);
      // A worker's steps per epoch, to place its per-step losses on the epoch axis.
      m_stepsPerEpoch[part->worker] =
          std::max<double>(1.0, std::ceil(static_cast<double>(part->stats.size) / m_batchSize));
    }
  }
  m_chart->refresh();  // one redraw per batch (<= 30 a second)
  m_timeline->refresh();
  m_staleness->refresh();
  m_traffic->refresh();
  updateState();
}

double MainWindow::secondsSinceStart(std::int64_t timeNs) const {
  return m_runStartNs ? static_cast<double>(timeNs - m_runStartNs) * 1e-9 : 0.0;
}

void MainWindow::onMetric(const engine::Metric& metric) {
  if (metric.name == "unused_fraction") {
    if (metric.step == 0) m_data->setUnusedFraction(metric.value);
    m_log->appendPlainText(
        tr("The data split for epoch %1: %2% of the training examples go to no worker")
            .arg(metric.step + 1)
            .arg(metric.value * 100.0, 0, 'f', 1));
    return;
  }
  if (metric.worker != engine::kServerLane) {
    if (metric.name != "train_loss") return;
    m_topology->setStep(metric.worker, metric.step + 1);
    const auto steps = m_stepsPerEpoch.find(metric.worker);
    const double perEpoch = steps == m_stepsPerEpoch.end() ? 1.0 : steps->second;
    m_chart->addWorkerLoss(metric.worker, static_cast<double>(metric.step + 1) / perEpoch,
                           secondsSinceStart(metric.timeNs), metric.value);
    return;
  }
  m_evaluation[metric.name] = metric.value;
  if (metric.name != "epoch") return;  // the last metric of an evaluation
  m_epoch = metric.value;
  m_lastAccuracy = m_evaluation["test_accuracy"];
  m_lastSamplesPerSecond = m_evaluation["samples_per_s"];
  m_chart->addEvaluation(m_epoch, secondsSinceStart(metric.timeNs), m_evaluation["train_loss"],
                         m_evaluation["test_loss"], m_lastAccuracy);
  m_log->appendPlainText(
      tr("Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s")
          .arg(metric.step)
          .arg(m_epoch, 0, 'f', 2)
          .arg(m_epochsTotal)
          .arg(secondsSinceStart(metric.timeNs), 0, 'f', 1)
          .arg(m_evaluation["test_loss"], 0, 'f', 4)
          .arg(m_lastAccuracy * 100.0, 0, 'f', 2)
          .arg(m_lastSamplesPerSecond, 0, 'f', 0));
  m_statusText = tr("Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s")
                     .arg(m_epoch, 0, 'f', 2)
                     .arg(m_epochsTotal)
                     .arg(metric.step)
                     .arg(secondsSinceStart(metric.timeNs), 0, 'f', 1)
                     .arg(m_lastAccuracy * 100.0, 0, 'f', 2)
                     .arg(m_lastSamplesPerSecond, 0, 'f', 0);
}

void MainWindow::onLifecycle(const engine::Lifecycle& event) {
  using engine::LifecycleKind;
  if (event.kind == LifecycleKind::RunStarted) m_runStartNs = event.timeNs;
  using TS = widgets::TopologyView::State;
  switch (event.kind) {
    case LifecycleKind::Joined:
    case LifecycleKind::Rejoined:
    case LifecycleKind::Restored:
      m_topology->setState(event.worker, TS::Running);
      break;
    case LifecycleKind::Slowed:
      m_topology->setState(event.worker, TS::Slowed);
      break;
    case LifecycleKind::Died:
      m_topology->setState(event.worker, TS::Dead);
      break;
    case LifecycleKind::Finished:
      m_topology->setState(event.worker, TS::Finished);
      break;
    default:
      break;
  }
  if (event.kind == LifecycleKind::Died || event.kind == LifecycleKind::Rejoined) {
    m_timeline->addMarker(event.worker, event.timeNs,
                          event.kind == LifecycleKind::Died
                              ? widgets::TimelineView::MarkerKind::Died
                              : widgets::TimelineView::MarkerKind::Rejoined);
  }
  switch (event.kind) {
    case LifecycleKind::Joined:
    case LifecycleKind::Rejoined:
      ++m_workersAlive;
      break;
    case LifecycleKind::Died:
    case LifecycleKind::Finished:
      m_workersAlive = std::max(0, m_workersAlive - 1);
      break;
    default:
      break;
  }
  // The log in the window's language, details included.
  const QString detail = EngineText::lifecycleDetail(event.detail);
  const int w = event.worker;
  QString line;
  switch (event.kind) {
    case LifecycleKind::RunStarted:
      line = tr("The cluster started (%1)").arg(detail);
      break;
    case LifecycleKind::Joined:
      line = tr("Worker %1 joined (%2)").arg(w).arg(detail);
      break;
    case LifecycleKind::Rejoined:
      line = tr("Worker %1 rejoined (%2)").arg(w).arg(detail);
      break;
    case LifecycleKind::Died:
      line = tr("Worker %1 died: %2").arg(w).arg(detail);
      break;
    case LifecycleKind::Finished:
      line = tr("Worker %1 finished all its steps").arg(w);
      break;
    case LifecycleKind::AuthFailed:
    case LifecycleKind::Rejected:
      line = tr("A connection was refused: %1").arg(detail);
      break;
    case LifecycleKind::Slowed:
      line = tr("Worker %1 slowed down (%2)").arg(w).arg(detail);
      break;
    case LifecycleKind::Restored:
      line = tr("Worker %1 back to full speed").arg(w);
      break;
    case LifecycleKind::Paused:
      line = tr("Paused: every worker waits before its next step");
      break;
    case LifecycleKind::Resumed:
      line = tr("Resumed");
      break;
    case LifecycleKind::Stepped:
      line = tr("One more step for every worker");
      break;
    case LifecycleKind::RunFinished:
      line = tr("The run ended: %1").arg(detail);
      break;
    case LifecycleKind::KeysExchanged:
      line = tr("Secure aggregation: the workers exchanged their public keys (%1); every push is "
                "masked, and the server sees only each round's sum")
                 .arg(detail);
      break;
    case LifecycleKind::RoundLost:
      line = tr("Secure aggregation: a round without every worker cannot be unmasked (%1)")
                 .arg(detail);
      break;
    case LifecycleKind::Captured: {
      widgets::CapturedPush capture;
      QString error;
      if (!keepCapture(m_run->runFolder(), QString::fromStdString(event.detail), captureStoreRoot(),
                       &capture, &error)) {
        line = tr("The captured push could not be kept: %1").arg(error);
        break;
      }
      // The view offers exactly what is kept: the newest, with the one just taken selected.
      pruneCaptures(captureStoreRoot(), kKeptCaptures);
      auto kept = keptCaptures(captureStoreRoot(), kKeptCaptures);
      int select = -1;
      for (int i = 0; i < static_cast<int>(kept.size()); ++i) {
        if (kept[static_cast<std::size_t>(i)].folder == capture.folder) select = i;
      }
      m_privacy->setCaptures(std::move(kept), select);
      m_views->setTabVisible(m_views->indexOf(m_privacy), true);
      line = tr("The server kept worker %1's push of step %2: attack it in the Privacy tab")
                 .arg(w)
                 .arg(capture.step);
      break;
    }
  }
  if (!line.isEmpty()) m_log->appendPlainText(line);
}

void MainWindow::onEngineLine(const QString& line) {
  const QString shown = EngineText::stderrLine(line);
  if (!shown.isEmpty()) m_log->appendPlainText(shown);
  // The attack writes its grid so far every 25 iterations, with such a line: show it at once.
  if (m_privacyRun && line.startsWith("iteration ")) {
    const QImage grid(m_run->runFolder() + "/reconstruction.png");
    if (!grid.isNull()) m_privacy->showProgress(grid, line.section(':', 0, 0).mid(10).toInt());
  }
}

void MainWindow::onFailed(const QString& reason) {
  m_statusText = tr("The run failed: %1").arg(reason);
  m_log->appendPlainText(m_statusText);
  updateState();
  emit runEnded();
  if (!qApp->property("distlab.headless").toBool()) {
    QMessageBox::critical(this, tr("The run failed"), reason);
  }
}

void MainWindow::updateState() {
  const bool running = m_run->isRunning();
  m_runAction->setEnabled(!running && !m_lesson.specJson.isEmpty());
  m_stopAction->setEnabled(running);
  m_pauseAction->setEnabled(running && m_run->isWatching());
  m_stepAction->setEnabled(running && m_paused);
  m_openAction->setEnabled(!running);
  m_newAction->setEnabled(!running);
  m_recentMenu->setEnabled(!running && !m_recentMenu->isEmpty());
  m_lessonsMenu->setEnabled(!running);
  m_form->setEnabled(!running);  // the chart belongs to the running lesson until it ends
  constexpr int kSteps = 100;    // progress in hundredths of an epoch
  m_progress->setRange(0, std::max(m_epochsTotal, 1) * kSteps);
  m_progress->setValue(static_cast<int>(m_epoch * kSteps));
  m_progress->setFormat(tr("epoch %1 / %2").arg(m_epoch, 0, 'f', 1).arg(m_epochsTotal));
  QString text = m_statusText.isEmpty() ? tr("Ready: press Run (F5) to train") : m_statusText;
  if (running && m_workersTotal > 0) {
    text += "  |  " + tr("workers alive: %1 / %2").arg(m_workersAlive).arg(m_workersTotal);
  }
  if (m_traffic->totalBytes() > 0) {
    text += "  |  " +
            tr("network: %1 MB").arg(static_cast<double>(m_traffic->totalBytes()) / 1e6, 0, 'f', 1);
  }
  if (running && m_paused) text += "  |  " + tr("paused");
  m_status->setText(text);
}

}  // namespace distlab::app
