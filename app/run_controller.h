#pragma once
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <vector>

#include "comm/messages.h"
#include "telemetry/events.h"

class QProcess;

namespace distlab::app {

class MonitorClient;

/// Runs a real cluster for the window: starts `distlab-engine run SPEC --out DIR` with a fresh
/// run token in its environment, reads the port from its first line, connects to its monitor
/// endpoint, and turns all of it into signals: telemetry batches, log lines (the engine's
/// stderr), and how the run ended. Control commands go back over the monitor connection. The
/// engine and its workers die with this object (process group + parent-death signal).
class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  /// The engine next to the app, then in ../engine (the build tree), then on PATH; empty if none.
  static QString findEngine();

  /// Starts a run of the spec (JSON text); false (and failed() emitted) if it cannot start.
  bool start(const QByteArray& specJson);
  /// Ends the run at once: the engine and every worker are killed.
  void stop();
  bool isRunning() const;
  bool isWatching() const;
  /// The folder of the current or last run (events.jsonl, metrics.csv, spec.json).
  QString runFolder() const;

  void control(engine::ControlCommand command, int target = 0, double value = 0.0);

 signals:
  void events(const std::vector<distlab::engine::Event>& batch);
  void logLine(const QString& line);
  void succeeded();
  void failed(const QString& reason);

 private:
  void readStdout();
  void readStderr();
  void onFinished(int exitCode, int exitStatus);
  void signalGroup(int sig);

  QProcess* m_process;
  MonitorClient* m_monitor;
  QTemporaryDir m_workDir;
  QByteArray m_token;
  QByteArray m_stdoutPending, m_stderrPending;
  QString m_lastError;
  bool m_stopping = false;
  bool m_sawPort = false;
  std::size_t m_eventsDelivered = 0;
};

}  // namespace distlab::app
