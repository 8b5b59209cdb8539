#pragma once
#include <QObject>
#include <QString>
#include <QTemporaryDir>

class QProcess;

namespace distlab::app {

/// Runs `distlab-engine train SPEC --out TMP` as a child process and turns its output into
/// signals: one per finished epoch, one per stderr line, one when it ends. The child dies with
/// this object (and with the app, through a parent-death signal).
class TrainProcess : public QObject {
  Q_OBJECT

 public:
  explicit TrainProcess(QObject* parent = nullptr);
  ~TrainProcess() override;

  /// The engine next to the app, then in ../engine (the build tree), then on PATH; empty if none.
  static QString findEngine();

  /// Starts training on the spec (JSON text); false (and failed() emitted) if it cannot start.
  bool start(const QByteArray& specJson);
  void stop();
  bool isRunning() const;

 signals:
  void epochFinished(int epoch, int epochs, double trainLoss, double testLoss, double testAccuracy,
                     double samplesPerSecond);
  void logLine(const QString& line);
  void succeeded();
  void failed(const QString& reason);

 private:
  void readStdout();
  void readStderr();
  void onFinished(int exitCode, int exitStatus);
  void signalGroup(int sig);

  QProcess* m_process;
  QTemporaryDir m_workDir;
  QByteArray m_stdoutPending, m_stderrPending;
  QString m_lastError;
  bool m_stopping = false;
};

}  // namespace distlab::app
