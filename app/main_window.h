#pragma once
#include <QJsonObject>
#include <QMainWindow>

#include <memory>
#include <optional>
#include <vector>

#include "app/event_text.h"
#include "app/language.h"
#include "app/lessons.h"
#include "app/run_status.h"
#include "app/sweep_runner.h"
#include "telemetry/events.h"

class QAction;
class QDragEnterEvent;
class QDropEvent;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QToolBar;

namespace distlab::widgets {
class AggregationView;
class AveragingView;
class ConvexityView;
class DataView;
class LessonPanel;
class PrivacyView;
class FederatedView;
class SecurityView;
class PropertyView;
class ResultPane;
class SpecForm;
class StalenessView;
class TimelineView;
class TopologyView;
class TrafficView;
class TrainingChart;
}  // namespace distlab::widgets

namespace distlab::app {

class ClusterViews;
class FileActions;
class LessonView;
class RunController;
class RunLibrary;
class ViewTabs;
struct WindowActions;

/// The lab window, wired along the data flow: the Experiment panel gives a spec to the run
/// controller (the engine's process, its stream, its control channel); the telemetry hub decodes
/// the stream once and its batches go to the cluster's views, the lessons' views, the log and the
/// status bar. Files and exports are FileActions'; the views' tabs are ViewTabs'.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Language* language, QWidget* parent = nullptr);
  ~MainWindow() override;

  bool openLesson(const QString& path);
  void newExperiment();
  /// Runs the Experiment panel's spec (after the engine's own validation, shown inline).
  void run();
  /// Puts a spec in the Experiment panel and runs it.
  void runSpec(const QJsonObject& spec);
  /// Shows a finished run from its folder (any `distlab-engine run` output): every view filled
  /// from its events.jsonl, its spec in the form, the run listed in the Runs panel. A sweep's
  /// folder (its sweep.csv) is listed as a group of its runs and its chart is shown. false when
  /// the folder has neither a readable log nor a sweep's table.
  bool openRun(const QString& dir);
  /// Follows a run started elsewhere that is still going (`distlab-engine run`, or under
  /// mpirun), from its folder: its spec in the form, the views fed by its coordinator as for a
  /// run of this window (pause, step and the right-click commands work; Stop asks the run to
  /// stop). `token` is its DISTLAB_RUN_TOKEN. false (and the reason in the status bar) when
  /// there is nothing to follow there or the coordinator refuses the token.
  bool followRun(const QString& dir, const QByteArray& token);
  /// Ticks the run listed from FOLDER in the Runs panel: its curves go on the training chart.
  void compareRun(const QString& folder);
  /// Runs the Experiment panel's spec once per combination of the --vary options' values
  /// ("training.lr=0.01,0.1"), `repeats` times each, into `folder`, one run after another in the
  /// views; false (and the reason in the status bar) when the sweep cannot run.
  bool startSweep(const QStringList& vary, int repeats, const QString& folder);
  /// The sweep dialog (Run > Parameter sweep).
  void openSweepDialog();
  bool isSweeping() const { return m_sweep.isActive(); }
  void stop();
  /// Holds every worker before its next step (or lets them go on again).
  void setPaused(bool paused);
  /// While paused: one more step for every worker (one round under BSP).
  void stepOneRound();
  bool isRunning() const;
  /// What the form's last check found wrong (on Run, on an edit, before a sweep), each
  /// "field: sentence" as the form marks it: what a --run on the command line that the form
  /// refused prints.
  const QStringList& specProblems() const { return m_specProblems; }
  /// Shows a view tab by its name (training, timeline, data, staleness, traffic, cluster,
  /// averaging, aggregation, convexity, privacy, results); false otherwise.
  bool showView(const QString& name);
  QStringList viewNames() const;
  /// The status bar's message.
  QString statusText() const;

  bool saveSpec(const QString& path);
  bool exportCurrentView(const QString& path, int scale = 2);
  bool exportViewData(const QString& tableFile, const QString& path);
  bool exportReport(const QString& dir);

  RunController* runController() const { return m_run; }
  widgets::SpecForm* specForm() const { return m_form; }
  widgets::TrainingChart* chart() const;
  widgets::TimelineView* timeline() const;
  widgets::DataView* dataView() const;
  widgets::StalenessView* stalenessView() const;
  widgets::TrafficView* trafficView() const;
  widgets::TopologyView* topologyView() const;
  widgets::AveragingView* averagingView() const;
  widgets::AggregationView* aggregationView() const;
  widgets::ConvexityView* convexityView() const;
  widgets::PrivacyView* privacyView() const;
  widgets::FederatedView* federatedView() const;
  widgets::SecurityView* securityView() const;
  widgets::PropertyView* propertyView() const;
  widgets::ResultPane* resultPane() const { return m_results; }
  QPlainTextEdit* log() const { return m_log; }
  RunLibrary* runLibrary() const { return m_library; }

 signals:
  /// The run ended (successfully or not); used by --screenshot and --report.
  void runEnded();
  /// A sweep's last run ended (or the sweep was stopped); its group in the Runs panel.
  void sweepEnded(int group);

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildLayout();
  /// The Runs panel's dock, the sweep action, drops of run folders.
  void buildRunsPanel();
  /// Lists the run that just ended (or was stopped) in the Runs panel; a sweep goes on.
  void recordRun(bool completed, int exitCode, bool stopped = false);
  void runNextOfSweep();
  /// Before a new run: the run on show is ticked for comparison (the last few only).
  void compareWithPrevious();
  void connectRun();
  void fillLessonsMenu(QMenu* menu);
  void retranslate();
  void onEvents(const std::vector<engine::Event>& batch);
  /// Clears the views and the log for a run of `spec` called `name` (started or opened).
  void prepareViews(const QJsonObject& spec, const QString& name);
  /// The spec of a run folder in the form (when it has one) and the views cleared for its run.
  void prepareFolderViews(const QString& dir);
  /// Says why something the user asked for cannot be done (status bar and log); false.
  bool refuse(const QString& why);
  void onResult(const engine::LessonResult& result);
  void onFailed(const std::optional<engine::RunEnded>& ended, int exitCode);
  void updateState();
  void applyLook();
  /// Checks the form's spec with the engine's own validation and shows the problems inline;
  /// returns the spec's JSON, or nothing when it has problems.
  std::optional<QByteArray> validatedSpec();
  LessonView* lessonViewOf(const QString& experiment) const;
  /// Whether a run of this spec can start paused (a cluster with a parameter server).
  static bool canBeHeld(const QJsonObject& spec);
  bool lessonCanBeHeld() const;
  /// Checks or unchecks the Pause action without sending anything.
  void showPauseChecked(bool checked);

  Language* m_language;
  Lesson m_lesson;
  QString m_experiment = "cluster";  ///< of the run on show
  bool m_startPaused = false;        ///< Pause pressed before Run: the next run starts held
  int m_controlsInFlight = 0;        ///< Pause/Resume sent whose RunControlled has not come back
  RunController* m_run;
  ClusterViews* m_cluster;
  widgets::ResultPane* m_results;
  std::vector<std::unique_ptr<LessonView>> m_lessonViews;
  ViewTabs* m_tabs;
  widgets::LessonPanel* m_lessonPanel;
  widgets::SpecForm* m_form;
  QDockWidget* m_formDock;
  QPlainTextEdit* m_log;
  QLabel* m_status;
  QProgressBar* m_progress;
  std::unique_ptr<WindowActions> m_actions;
  FileActions* m_files;
  RunStatus m_runStatus;
  QStringList m_specProblems;  ///< of the last Run's check of the form
  RunLibrary* m_library = nullptr;
  QDockWidget* m_runsDock = nullptr;
  SweepRunner m_sweep;
  int m_sweepGroup = -1;
  std::vector<int> m_autoCompared;  ///< runs ticked by compareWithPrevious(), oldest first
  EventText::Context m_logContext;
};

}  // namespace distlab::app
