#pragma once
#include <QMainWindow>

#include <map>
#include <optional>
#include <vector>

#include "core/spec.h"
#include "telemetry/events.h"

#include "app/language.h"
#include "app/lessons.h"

class QAction;
class QDockWidget;
class QTabWidget;
class QActionGroup;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QToolBar;

namespace distlab::widgets {
class LessonPanel;
class SpecForm;
class DataView;
class StalenessView;
class TopologyView;
class AveragingView;
class AggregationView;
class ConvexityView;
class PrivacyView;
class TrafficView;
class TimelineView;
class TrainingChart;
}  // namespace distlab::widgets

namespace distlab::app {

class RunController;

/// The lab window: the lesson, its training chart fed live by a real cluster's telemetry, the
/// engine's log, Run / Pause / Step / Stop and the language.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Language* language, QWidget* parent = nullptr);
  ~MainWindow() override;

  bool openLesson(const QString& path);
  /// Writes the Experiment panel's spec to path (asks for one when empty); false on failure.
  bool saveSpec(const QString& path);
  /// Writes the view on show as PNG (at `scale`), SVG or PDF, by the path's extension.
  bool exportCurrentView(const QString& path, int scale = 2);
  /// Writes the data of a view (training, timeline, ...) behind the last run as CSV: the table
  /// tableFile (one of report_export.h's tablesOfView) to path.
  bool exportViewData(const QString& tableFile, const QString& path);
  /// A report folder for the last (or current) run: every view as PNG and SVG, the CSV tables,
  /// spec.json, summary.json and report.html.
  bool exportReport(const QString& dir);
  void newExperiment();
  void run();
  void stop();
  /// Holds every worker before its next step (or lets them go on again).
  void setPaused(bool paused);
  /// While paused: one more step for every worker (one round under BSP).
  void stepOneRound();
  bool isRunning() const;
  RunController* runController() const { return m_run; }
  widgets::TrainingChart* chart() const { return m_chart; }
  widgets::SpecForm* specForm() const { return m_form; }
  widgets::TimelineView* timeline() const { return m_timeline; }
  widgets::DataView* dataView() const { return m_data; }
  widgets::StalenessView* stalenessView() const { return m_staleness; }
  widgets::TrafficView* trafficView() const { return m_traffic; }
  widgets::TopologyView* topologyView() const { return m_topology; }
  widgets::AveragingView* averagingView() const { return m_averaging; }
  widgets::AggregationView* aggregationView() const { return m_aggregation; }
  widgets::ConvexityView* convexityView() const { return m_convexity; }
  widgets::PrivacyView* privacyView() const { return m_privacy; }
  /// Shows a view tab: training, timeline, data, staleness, traffic, cluster, averaging,
  /// aggregation, convexity or privacy; false otherwise.
  bool showView(const QString& name);
  /// The status bar's message (the last epoch's accuracy and samples/s while training).
  QString statusText() const;

 signals:
  /// The run ended (successfully or not); used by --screenshot.
  void runEnded();

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void createActions();
  void retranslate();
  void openSpecDialog();
  /// Right-click on a view: export its picture or the data behind it.
  void showViewMenu(const QPoint& globalPos);
  /// Reports a failed export in the log and, unless headless, in a message box.
  void exportFailed(const QString& title, const QString& error);
  void rememberRecent(const QString& path);
  void updateRecentMenu();
  void onEvents(const std::vector<engine::Event>& batch);
  void onMetric(const engine::Metric& metric);
  void onLifecycle(const engine::Lifecycle& event);
  void onEngineLine(const QString& line);
  double secondsSinceStart(std::int64_t timeNs) const;
  void onFailed(const QString& reason);
  /// Lesson 1's run ended: its averaging.json into the Averaging view.
  void showAveragingResults();
  /// Lesson 5's run ended: its aggregation CSVs into the Aggregation view.
  void showAggregationResults();
  /// The convexity study's run ended: its convexity.csv into the Convexity view.
  void showConvexityResults();
  /// The gradient-inversion run ended: its grid, curves and tables into the Privacy view.
  void showPrivacyResults();
  void updateState();
  /// Presentation mode (larger fonts for a projector) and the light or dark theme.
  void applyLook();
  /// Checks the form's spec with the engine's own validation and shows the problems inline;
  /// returns the spec's JSON, or nothing when it has problems.
  std::optional<QByteArray> validatedSpec();

  Language* m_language;
  Lesson m_lesson;
  RunController* m_run;
  widgets::LessonPanel* m_lessonPanel;
  widgets::TrainingChart* m_chart;
  widgets::TimelineView* m_timeline;
  widgets::DataView* m_data;
  widgets::StalenessView* m_staleness;
  widgets::TrafficView* m_traffic;
  widgets::TopologyView* m_topology;
  widgets::AveragingView* m_averaging;
  widgets::AggregationView* m_aggregation;
  widgets::ConvexityView* m_convexity;
  widgets::PrivacyView* m_privacy;
  QTabWidget* m_views;
  widgets::SpecForm* m_form;
  QDockWidget* m_formDock;
  QPlainTextEdit* m_log;
  QLabel* m_status;
  QProgressBar* m_progress;
  QMenu *m_fileMenu, *m_lessonsMenu, *m_runMenu, *m_viewMenu, *m_languageMenu, *m_helpMenu;
  QAction *m_presentationAction, *m_darkAction;
  std::vector<std::pair<QAction*, QString>>
      m_lessonActions;  ///< action, the lesson's English title
  QToolBar* m_toolBar;
  QAction *m_openAction, *m_quitAction, *m_runAction, *m_stopAction, *m_aboutAction;
  QAction *m_pauseAction, *m_stepAction;
  QAction *m_newAction, *m_saveAction, *m_saveAsAction, *m_exportAction, *m_reportAction;
  QMenu* m_recentMenu;
  QString m_specPath;  ///< the file of the open experiment (empty for shipped lessons)
  QAction *m_englishAction, *m_chineseAction;
  QString m_statusText;
  int m_epochsTotal = 0, m_workersTotal = 0, m_workersAlive = 0;
  double m_epoch = 0.0, m_lastAccuracy = 0.0, m_lastSamplesPerSecond = 0.0;
  bool m_paused = false;
  bool m_averagingRun = false;  ///< the run is lesson 1's computation, not a cluster
  bool m_aggregationRun = false;  ///< the run is lesson 5's four clusters
  bool m_convexityRun = false;    ///< the run is the convexity study
  bool m_privacyRun = false;      ///< the run is the gradient-inversion attack
  std::map<std::string, double> m_evaluation;  ///< metrics of the evaluation being received
  std::map<int, double> m_stepsPerEpoch;       ///< per worker, from its partition statistics
  int m_batchSize = 64;
  std::int64_t m_runStartNs = 0;  ///< the coordinator's clock when the run started
};

}  // namespace distlab::app
