#pragma once
#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

#include "sweep/sweep_grid.h"
#include "sweep/sweep_table.h"

namespace distlab::app {

/// A sweep run in the window: the grid of the Experiment panel's spec (the engine's own
/// expansion and validation, as `distlab-engine sweep`), handed out one run at a time so each
/// trains live in the views, and its sweep.csv written row by row, so a sweep the user stops
/// keeps what it ran and opens like one from the command line.
class SweepRunner {
  Q_DECLARE_TR_FUNCTIONS(SweepRunner)

 public:
  /// How many runs a sweep would make, or why it cannot run (in the window's language).
  struct Check {
    int runs = 0;
    QString problem;
  };
  static Check check(const QJsonObject& spec, const QStringList& vary, int repeats,
                     const QString& folder);

  /// Starts a sweep (after check()); false and *problem when its folder cannot be written.
  bool start(const QJsonObject& spec, const QStringList& vary, int repeats, const QString& folder,
             QString* problem);
  bool isActive() const { return m_table != nullptr; }

  struct Run {
    QByteArray spec;  ///< its JSON
    QString folder;
    int index = 0, total = 0;  ///< 0-based
  };
  /// The next run to start, or nothing once every run has been handed out (then the sweep is
  /// over and inactive).
  std::optional<Run> next();
  /// The run handed out last ended with this exit code (0: completed).
  void finished(int exitCode);
  /// Ends the sweep here (the rows written stay).
  void cancel();
  /// Seconds the remaining runs should take, from the mean of those done (nothing before one).
  std::optional<double> secondsLeft() const;
  QString folder() const { return m_folder; }
  int done() const { return static_cast<int>(m_done); }
  int total() const { return static_cast<int>(m_runs.size()); }

 private:
  /// The axes of the --vary options; a problem when one cannot be read.
  static std::vector<engine::SweepAxis> axesOf(const QStringList& vary, QString* problem);

  std::vector<engine::SweepAxis> m_axes;
  std::vector<engine::SweepRun> m_runs;
  std::unique_ptr<engine::SweepTableWriter> m_table;
  std::size_t m_next = 0, m_done = 0;
  QString m_folder;
  QElapsedTimer m_clock;
};

}  // namespace distlab::app
