#pragma once
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>
#include <vector>

#include "comm/messages.h"
#include "telemetry/events.h"

class QProcess;

namespace distlab::app {

class ControlChannel;
class LogTail;
class TelemetryHub;

/// Runs an experiment for the window: starts `distlab-engine run SPEC --out DIR --stream` with a
/// fresh run token in its environment, feeds its stdout (the typed event stream) to the
/// telemetry hub, opens the control connection when the run says where it listens (RunStarted),
/// and says how the run ended. The engine and its workers die with this object (process group +
/// parent-death signal). The engine's stderr is kept for a crash's details only: everything the
/// window shows comes typed from the stream.
class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  /// The engine next to the app, then in ../engine (the build tree), then on PATH; empty if none.
  static QString findEngine();

  /// Starts a run of the spec (JSON text) into `folder`, or into a fresh folder of this
  /// session's own (each run keeps its folder until the window closes); false (and
  /// couldNotStart() emitted) if it cannot start. With `paused`, a cluster starts held: every
  /// worker waits before its first step until control() resumes or steps it.
  bool start(const QByteArray& specJson, const QString& folder = QString(), bool paused = false);
  /// Shows a finished run from its folder (written by the window, `distlab-engine run`, a
  /// sweep...): its events.jsonl handed on as one batch, then succeeded() or, when the run did
  /// not complete (or its log is cut short), failed(). runFolder() is that folder until the next
  /// start(). false and *error when there is no readable log at all.
  bool openFolder(const QString& dir, QString* error);
  /// Follows a run started elsewhere (`distlab-engine run`, or under mpirun) that is still
  /// going: connects to its coordinator as a monitor, at the port its folder's events.jsonl
  /// names and the address of its spec.json's cluster.bind, with `token` (the run's
  /// DISTLAB_RUN_TOKEN). A run with no monitor endpoint (all-reduce, lessons 3 and 6) is
  /// followed in its events.jsonl as it grows instead (no token, no commands). The coordinator
  /// sends the records so far, then the live ones; when the run ends, succeeded() or failed() as
  /// for a run of this window. false and *error (a sentence in the window's language) when there is
  /// nothing to follow there.
  bool follow(const QString& dir, const QByteArray& token, QString* error);
  /// What is on show is a run followed with follow(), still going.
  bool isFollowing() const { return !m_following.isEmpty(); }
  /// That run is followed in its log (it has no monitor endpoint, and takes no commands).
  bool followsLog() const;
  /// The run on show ended as completed (its RunEnded said so).
  bool completed() const { return m_ended && m_ended->reason == engine::EndReason::Completed; }
  /// Where the opened folder's log has a line that does not decode, which one and why (what
  /// came before it is shown); empty otherwise.
  const QString& openProblem() const { return m_openProblem; }
  /// What is on show is a folder opened with openFolder(), not a run of this window.
  bool showsOpenedFolder() const { return !m_opened.isEmpty(); }
  /// Ends the run at once: the engine and every worker are killed.
  void stop();
  bool isRunning() const;
  /// The control connection is up (pause, step, kill ... work).
  bool isWatching() const;
  /// The folder of the current or last run (events.jsonl, spec.json, the lesson's tables).
  QString runFolder() const;
  TelemetryHub* hub() const { return m_hub; }
  /// The last lines the engine wrote on stderr (for a crash that left no typed reason).
  const QStringList& engineOutput() const { return m_stderrTail; }

  void control(engine::ControlCommand command, int target = 0, double value = 0.0);

 signals:
  void succeeded();
  /// The run failed: how it ended when the engine said so (its RunEnded), else nothing and the
  /// process's exit code.
  void failed(const std::optional<distlab::engine::RunEnded>& ended, int exitCode);
  /// The engine could not be started at all (a sentence in the window's language).
  void couldNotStart(const QString& reason);

 private:
  void onEvents(const std::vector<engine::Event>& batch);
  void readStderr();
  void onFinished(int exitCode, int exitStatus);
  void signalGroup(int sig);
  void onFollowEnded(bool accepted, const QString& reason);
  /// Where the coordinator of the still-going run in `dir` listens.
  /// `port` 0: the run has no monitor endpoint (yet): follow() reads its log as it grows.
  bool followTarget(const QString& dir, QString* host, quint16* port, QString* error) const;
  bool followLog(const QString& dir, QString* error);

  QProcess* m_process;
  TelemetryHub* m_hub;
  ControlChannel* m_control;
  LogTail* m_tail;  ///< follows the log of a run with no monitor endpoint
  QTemporaryDir m_workDir;
  QByteArray m_token, m_stderrPending;
  QStringList m_stderrTail;
  std::optional<engine::RunEnded> m_ended;
  QString m_opened;  ///< a run folder opened with openFolder(), else empty
  QString m_openProblem;
  QString m_following;      ///< the folder of a run followed with follow(), while it goes on
  QString m_followAddress;  ///< where its coordinator was looked for (HOST:PORT)
  QString m_folder;         ///< the folder of the current or last run started
  int m_started = 0;        ///< runs started (names the session's folders)
  bool m_stopping = false;
};

}  // namespace distlab::app
