#pragma once
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <map>

class QWidget;

namespace distlab::engine {
struct SweepTable;
}  // namespace distlab::engine

namespace distlab::widgets {
class RunsPanel;
class SweepChart;
class TrainingChart;
}  // namespace distlab::widgets

namespace distlab::app {

/// The runs of this session and the ones opened, behind the Runs panel: each run is a folder
/// (its spec.json and metrics.csv are read here, with the engine's readers); ticking one draws
/// its curves on the training chart; Compare puts the ticked runs' figures and differing settings
/// side by side; a sweep is a group whose chart shows a final figure against the varied values.
class RunLibrary : public QObject {
  Q_OBJECT

 public:
  /// An experiment's spec id (experiment) as the Runs panel says it.
  static QString experimentName(const QString& id);
  RunLibrary(widgets::TrainingChart* chart, QWidget* window);

  widgets::RunsPanel* panel() const { return m_panel; }

  /// Lists the run in FOLDER (or updates it when listed already); its id.
  int addRun(const QString& folder, bool completed, int group = -1);
  /// Lists a finished sweep's folder (its sweep.csv) as a group of its runs; its group id, or -1
  /// and *error when the table cannot be read.
  int addSweep(const QString& folder, QString* error);
  /// A group for a sweep that is about to run in the window.
  int addSweepGroup(const QString& name, const QString& folder);
  /// Marks the run in the views (bold in the panel); -1 for none.
  void setCurrent(int id);
  int current() const { return m_current; }
  /// The id of the run listed from FOLDER, or -1.
  int idOf(const QString& folder) const;
  QString folderOf(int id) const;
  /// The sweep chart of a group, in a window of its own (nullptr for a group without a table).
  QWidget* showSweep(int group);
  /// The comparison of these runs, in a window of its own.
  QWidget* showComparison(const QList<int>& ids);

 signals:
  /// A run's row was double-clicked: show it (MainWindow::openRun).
  void showRequested(const QString& folder);

 private:
  struct Run {
    QString folder;
    QJsonObject spec;
    bool completed = false;
    int group = -1;
  };
  void onChecked(int id, bool checked);
  /// Draws the chart's figure from a sweep's table (read once, when its chart opens).
  void drawSweep(widgets::SweepChart* chart, const engine::SweepTable& table);

  widgets::TrainingChart* m_chart;
  QWidget* m_window;
  widgets::RunsPanel* m_panel;
  std::map<int, Run> m_runs;
  std::map<int, QString> m_groups;  ///< group id -> the sweep's folder
  int m_current = -1;
  int m_colors = 0;  ///< colours handed out
};

}  // namespace distlab::app
