#pragma once
#include <QMainWindow>

#include "app/language.h"
#include "app/lessons.h"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QToolBar;

namespace distlab::widgets {
class LessonPanel;
class TrainingChart;
}  // namespace distlab::widgets

namespace distlab::app {

class TrainProcess;

/// The lab window: the lesson, its training chart, the engine's log, Run/Stop and the language.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Language* language, QWidget* parent = nullptr);
  ~MainWindow() override;

  bool openLesson(const QString& path);
  void run();
  void stop();
  bool isRunning() const;
  widgets::TrainingChart* chart() const { return m_chart; }
  /// The status bar's message (the last epoch's accuracy and samples/s while training).
  QString statusText() const;

 signals:
  /// The run ended (successfully or not); used by --screenshot.
  void runEnded();

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void retranslate();
  void openSpecDialog();
  void onEpoch(int epoch, int epochs, double trainLoss, double testLoss, double testAccuracy,
               double samplesPerSecond);
  void onFailed(const QString& reason);
  void updateState();

  Language* m_language;
  Lesson m_lesson;
  TrainProcess* m_process;
  widgets::LessonPanel* m_lessonPanel;
  widgets::TrainingChart* m_chart;
  QPlainTextEdit* m_log;
  QLabel* m_status;
  QProgressBar* m_progress;
  QMenu *m_fileMenu, *m_runMenu, *m_languageMenu, *m_helpMenu;
  QToolBar* m_toolBar;
  QAction *m_openAction, *m_quitAction, *m_runAction, *m_stopAction, *m_aboutAction;
  QAction *m_englishAction, *m_chineseAction;
  QString m_statusText;
  int m_epochsDone = 0, m_epochsTotal = 0;
  double m_lastAccuracy = 0.0, m_lastSamplesPerSecond = 0.0;
};

}  // namespace distlab::app
