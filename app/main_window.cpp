#include "app/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

#include "app/train_process.h"
#include "widgets/lesson_panel.h"
#include "widgets/training_chart.h"

namespace distlab::app {

MainWindow::MainWindow(Language* language, QWidget* parent)
    : QMainWindow(parent),
      m_language(language),
      m_process(new TrainProcess(this)),
      m_lessonPanel(new widgets::LessonPanel),
      m_chart(new widgets::TrainingChart),
      m_log(new QPlainTextEdit),
      m_status(new QLabel),
      m_progress(new QProgressBar) {
  m_log->setReadOnly(true);
  m_log->setMaximumBlockCount(5000);
  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(m_lessonPanel);
  topLayout->addWidget(m_chart, 1);
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(top);
  splitter->addWidget(m_log);
  splitter->setStretchFactor(0, 4);
  splitter->setStretchFactor(1, 1);
  setCentralWidget(splitter);
  statusBar()->addWidget(m_status, 1);
  statusBar()->addPermanentWidget(m_progress);
  m_progress->setMaximumWidth(220);
  m_progress->setFormat("%v / %m");

  createActions();
  connect(m_process, &TrainProcess::epochFinished, this, &MainWindow::onEpoch);
  connect(m_process, &TrainProcess::logLine, m_log, &QPlainTextEdit::appendPlainText);
  connect(m_process, &TrainProcess::failed, this, &MainWindow::onFailed);
  connect(m_process, &TrainProcess::succeeded, this, [this] {
    m_statusText = tr("Finished: test accuracy %1%, %2 samples/s")
                       .arg(m_lastAccuracy * 100.0, 0, 'f', 2)
                       .arg(m_lastSamplesPerSecond, 0, 'f', 0);
    updateState();
    emit runEnded();
  });

  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  if (!settings.contains("window/geometry")) resize(1100, 760);
  retranslate();
  updateState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
  m_openAction = new QAction(this);
  m_openAction->setShortcut(QKeySequence::Open);
  connect(m_openAction, &QAction::triggered, this, &MainWindow::openSpecDialog);
  m_quitAction = new QAction(this);
  m_quitAction->setShortcut(QKeySequence::Quit);
  connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
  m_runAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
  m_runAction->setShortcut(Qt::Key_F5);
  connect(m_runAction, &QAction::triggered, this, &MainWindow::run);
  m_stopAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), QString(), this);
  m_stopAction->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::SHIFT | Qt::Key_F5)});
  connect(m_stopAction, &QAction::triggered, this, &MainWindow::stop);
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
  m_fileMenu->addAction(m_openAction);
  m_fileMenu->addSeparator();
  m_fileMenu->addAction(m_quitAction);
  m_runMenu = menuBar()->addMenu(QString());
  m_runMenu->addAction(m_runAction);
  m_runMenu->addAction(m_stopAction);
  m_languageMenu = menuBar()->addMenu(QString());
  m_languageMenu->addAction(m_englishAction);
  m_languageMenu->addAction(m_chineseAction);
  m_helpMenu = menuBar()->addMenu(QString());
  m_helpMenu->addAction(m_aboutAction);
  m_toolBar = addToolBar(QString());
  m_toolBar->setObjectName("mainToolBar");
  m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_toolBar->addAction(m_runAction);
  m_toolBar->addAction(m_stopAction);
}

void MainWindow::retranslate() {
  setWindowTitle(tr("DistLab - Distributed Learning Lab"));
  m_fileMenu->setTitle(tr("&File"));
  m_runMenu->setTitle(tr("&Run"));
  m_languageMenu->setTitle(tr("&Language"));
  m_helpMenu->setTitle(tr("&Help"));
  m_toolBar->setWindowTitle(tr("Run"));
  m_openAction->setText(tr("&Open experiment..."));
  m_quitAction->setText(tr("&Quit"));
  m_runAction->setText(tr("Run"));
  m_runAction->setToolTip(tr("Train the current lesson's model (F5)"));
  m_stopAction->setText(tr("Stop"));
  m_stopAction->setToolTip(tr("Stop the training run (Esc)"));
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
  m_lessonPanel->setLesson(translatedLessonText(m_lesson.name),
                           translatedLessonText(m_lesson.description));
  updateState();
  return true;
}

void MainWindow::openSpecDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), QString(),
                                                    tr("Experiment specs (*.json)"));
  if (!path.isEmpty() && openLesson(path)) m_chart->clear();
}

void MainWindow::run() {
  if (m_process->isRunning() || m_lesson.specJson.isEmpty()) return;
  m_chart->clear();
  m_log->clear();
  m_epochsDone = 0;
  m_epochsTotal = 0;
  m_statusText = tr("Loading data and starting the engine...");
  if (m_process->start(m_lesson.specJson)) updateState();
}

void MainWindow::stop() {
  if (!m_process->isRunning()) return;
  m_process->stop();
  m_statusText = tr("Stopped after %n epoch(s)", "", m_epochsDone);
  updateState();
}

bool MainWindow::isRunning() const { return m_process->isRunning(); }

QString MainWindow::statusText() const { return m_status->text(); }

void MainWindow::onEpoch(int epoch, int epochs, double trainLoss, double testLoss,
                         double testAccuracy, double samplesPerSecond) {
  m_chart->addEpoch(epoch, trainLoss, testLoss, testAccuracy);
  m_epochsDone = epoch;
  m_epochsTotal = epochs;
  m_lastAccuracy = testAccuracy;
  m_lastSamplesPerSecond = samplesPerSecond;
  m_statusText = tr("Epoch %1 of %2: test accuracy %3%, %4 samples/s")
                     .arg(epoch)
                     .arg(epochs)
                     .arg(testAccuracy * 100.0, 0, 'f', 2)
                     .arg(samplesPerSecond, 0, 'f', 0);
  updateState();
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
  const bool running = m_process->isRunning();
  m_runAction->setEnabled(!running && !m_lesson.specJson.isEmpty());
  m_stopAction->setEnabled(running);
  m_openAction->setEnabled(!running);  // the chart belongs to the running lesson until it ends
  m_progress->setRange(0, std::max(m_epochsTotal, 1));
  m_progress->setValue(m_epochsDone);
  m_status->setText(m_statusText.isEmpty() ? tr("Ready: press Run (F5) to train") : m_statusText);
}

}  // namespace distlab::app
