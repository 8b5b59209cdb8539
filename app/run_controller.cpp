#include "app/run_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "app/monitor_client.h"
#include "comm/handshake.h"

namespace distlab::app {
namespace {
// How much lower than the window's the cluster's CPU priority is (nice(2) increment).
constexpr int kClusterNiceness = 10;
}  // namespace

RunController::RunController(QObject* parent)
    : QObject(parent), m_process(new QProcess(this)), m_monitor(new MonitorClient(this)) {
  // The child leads its own process group (so stop() reaches anything it spawns) and gets
  // SIGTERM when the app dies, however the app ends. If the app died between fork and prctl the
  // signal would never come, hence the parent check.
  const pid_t appPid = ::getpid();
  m_process->setChildProcessModifier([appPid] {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != appPid) ::_exit(1);
    // The cluster (this process and the workers it starts) yields to the window: with more
    // training processes than cores, the UI thread otherwise waits 100+ ms for a core now and
    // then (bench/RESULTS.md, live views). Training loses only the little CPU the UI uses.
    // Failure leaves the priority as it was, which is still correct, so it is not checked.
    [[maybe_unused]] const int niceness = ::nice(kClusterNiceness);
  });
  connect(m_process, &QProcess::readyReadStandardOutput, this, &RunController::readStdout);
  connect(m_process, &QProcess::readyReadStandardError, this, &RunController::readStderr);
  connect(m_monitor, &MonitorClient::events, this, [this](const std::vector<engine::Event>& batch) {
    m_eventsDelivered += batch.size();
    emit events(batch);
  });
  connect(m_process, &QProcess::finished, this,
          [this](int code, QProcess::ExitStatus status) { onFinished(code, status); });
  connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart) {
      emit failed(tr("The training engine could not be started: %1").arg(m_process->errorString()));
    }
  });
}

RunController::~RunController() {
  m_stopping = true;
  if (m_process->state() != QProcess::NotRunning) {
    signalGroup(SIGKILL);
    m_process->kill();
    m_process->waitForFinished(3000);
  }
}

QString RunController::findEngine() {
  const QString appDir = QCoreApplication::applicationDirPath();
  for (const QString& candidate :
       {appDir + "/distlab-engine", appDir + "/../engine/distlab-engine"}) {
    if (QFileInfo(candidate).isExecutable()) return QFileInfo(candidate).canonicalFilePath();
  }
  return QStandardPaths::findExecutable("distlab-engine");
}

bool RunController::start(const QByteArray& specJson) {
  if (isRunning()) return false;
  const QString engine = findEngine();
  if (engine.isEmpty()) {
    emit failed(
        tr("The training engine (distlab-engine) was found neither next to DistLab nor on "
           "the PATH."));
    return false;
  }
  if (!m_workDir.isValid()) {
    emit failed(tr("No temporary folder could be created for the run."));
    return false;
  }
  const QString specPath = m_workDir.filePath("spec.json");
  QFile spec(specPath);
  if (!spec.open(QIODevice::WriteOnly) || spec.write(specJson) != specJson.size()) {
    emit failed(tr("The experiment could not be written to %1.").arg(specPath));
    return false;
  }
  spec.close();
  m_stdoutPending.clear();
  m_stderrPending.clear();
  m_lastError.clear();
  m_stopping = false;
  m_sawPort = false;
  m_eventsDelivered = 0;
  // A fresh secret per run, handed over in the environment (never on a command line).
  auto* random = QRandomGenerator::system();
  m_token =
      QByteArray::fromStdString(engine::makeRunToken(random->generate64(), random->generate64()));
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(engine::kTokenEnvironmentVariable, QString::fromLatin1(m_token));
  m_process->setProcessEnvironment(environment);
  QDir(runFolder()).removeRecursively();
  m_process->start(engine, {"run", specPath, "--out", runFolder()});
  return true;
}

void RunController::stop() {
  if (!isRunning()) return;
  m_stopping = true;
  m_monitor->disconnectFromRun();
  signalGroup(SIGTERM);
  if (!m_process->waitForFinished(2000)) {
    signalGroup(SIGKILL);
    m_process->kill();
    m_process->waitForFinished(1000);
  }
}

void RunController::signalGroup(int sig) {
  // The engine leads its own process group (see the constructor): this reaches its children too.
  if (const qint64 pid = m_process->processId(); pid > 0) ::kill(-static_cast<pid_t>(pid), sig);
}

bool RunController::isRunning() const { return m_process->state() != QProcess::NotRunning; }

bool RunController::isWatching() const { return m_monitor->isConnected(); }

QString RunController::runFolder() const { return m_workDir.filePath("run"); }

void RunController::control(engine::ControlCommand command, int target, double value) {
  m_monitor->sendControl(command, target, value);
}

namespace {

// Appends a chunk of a pipe to `pending` and removes and returns the complete lines in it.
QList<QByteArray> takeLines(QByteArray& pending, const QByteArray& chunk) {
  pending += chunk;
  QList<QByteArray> lines;
  qsizetype end;
  while ((end = pending.indexOf('\n')) >= 0) {
    lines.append(pending.left(end));
    pending.remove(0, end + 1);
  }
  return lines;
}

}  // namespace

void RunController::readStdout() {
  for (const QByteArray& bytes : takeLines(m_stdoutPending, m_process->readAllStandardOutput())) {
    const QString line = QString::fromUtf8(bytes);
    // The first line says where the coordinator listens: "listening 127.0.0.1:41234".
    if (!m_sawPort && line.startsWith("listening ")) {
      m_sawPort = true;
      const QString address = line.mid(10).trimmed();
      const qsizetype colon = address.lastIndexOf(':');
      m_monitor->connectTo(address.left(colon), address.mid(colon + 1).toUShort(), m_token);
      continue;
    }
    emit logLine(line);
  }
}

void RunController::readStderr() {
  for (const QByteArray& bytes : takeLines(m_stderrPending, m_process->readAllStandardError())) {
    const QString line = QString::fromUtf8(bytes);
    if (line.startsWith("error: ")) m_lastError = line.mid(7);
    emit logLine(line);
  }
}

void RunController::onFinished(int exitCode, int exitStatus) {
  readStdout();
  readStderr();
  if (m_stopping) return;
  m_monitor->drain();  // the last telemetry before the verdict
  if (m_eventsDelivered == 0) {
    // A run so short that it ended before the monitor connection was made: its events.jsonl
    // holds the same stream.
    QFile file(runFolder() + "/events.jsonl");
    if (file.open(QIODevice::ReadOnly)) {
      const QByteArray text = file.readAll();
      std::vector<engine::Event> all;
      engine::decodeBatch({text.constData(), static_cast<std::size_t>(text.size())}, all);
      m_eventsDelivered = all.size();
      if (!all.empty()) emit events(all);
    }
  }
  if (exitStatus == QProcess::NormalExit && exitCode == 0) {
    emit succeeded();
  } else if (!m_lastError.isEmpty()) {
    emit failed(m_lastError);
  } else {
    emit failed(tr("The training engine stopped unexpectedly (exit code %1).").arg(exitCode));
  }
}

}  // namespace distlab::app
