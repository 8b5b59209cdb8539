#include "app/run_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <future>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "app/control_channel.h"
#include "app/log_tail.h"
#include "app/telemetry_hub.h"
#include "comm/handshake.h"
#include "telemetry/event_file_reader.h"
#include "telemetry/run_tables.h"

namespace distlab::app {
namespace {
// How much lower than the window's the cluster's CPU priority is (nice(2) increment).
constexpr int kClusterNiceness = 10;
constexpr int kStderrLines = 40;  // kept for a crash's details
}  // namespace

RunController::RunController(QObject* parent)
    : QObject(parent),
      m_process(new QProcess(this)),
      m_hub(new TelemetryHub(this)),
      m_control(new ControlChannel(this)),
      m_tail(new LogTail(this)) {
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
    // then (bench/RESULTS.md, live views). Failure leaves the priority as it was.
    [[maybe_unused]] const int niceness = ::nice(kClusterNiceness);
  });
  connect(m_process, &QProcess::readyReadStandardOutput, this,
          [this] { m_hub->feed(m_process->readAllStandardOutput()); });
  connect(m_process, &QProcess::readyReadStandardError, this, &RunController::readStderr);
  connect(m_hub, &TelemetryHub::events, this, &RunController::onEvents);
  connect(m_control, &ControlChannel::telemetry, m_hub, &TelemetryHub::feed);
  connect(m_control, &ControlChannel::ended, this, &RunController::onFollowEnded);
  connect(m_tail, &LogTail::events, m_hub, &TelemetryHub::replay);
  connect(m_tail, &LogTail::ended, this, [this](const QString& problem) {
    if (!problem.isEmpty()) m_openProblem = problem;
    onFollowEnded(true, problem);
  });
  connect(m_process, &QProcess::finished, this,
          [this](int code, QProcess::ExitStatus status) { onFinished(code, status); });
  connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart) {
      emit couldNotStart(
          tr("The training engine could not be started: %1").arg(m_process->errorString()));
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

bool RunController::start(const QByteArray& specJson, const QString& folder, bool paused) {
  if (isRunning()) return false;
  const QString engine = findEngine();
  if (engine.isEmpty()) {
    emit couldNotStart(
        tr("The training engine (distlab-engine) was found neither next to DistLab nor on "
           "the PATH."));
    return false;
  }
  if (!m_workDir.isValid()) {
    emit couldNotStart(tr("No temporary folder could be created for the run."));
    return false;
  }
  const QString specPath = m_workDir.filePath("spec.json");
  QFile spec(specPath);
  if (!spec.open(QIODevice::WriteOnly) || spec.write(specJson) != specJson.size()) {
    emit couldNotStart(tr("The experiment could not be written to %1.").arg(specPath));
    return false;
  }
  spec.close();
  m_stderrPending.clear();
  m_stderrTail.clear();
  m_ended.reset();
  m_opened.clear();
  m_stopping = false;
  m_control->disconnectFromRun();
  m_hub->reset();
  // A fresh secret per run, handed over in the environment (never on a command line).
  auto* random = QRandomGenerator::system();
  m_token =
      QByteArray::fromStdString(engine::makeRunToken(random->generate64(), random->generate64()));
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(engine::kTokenEnvironmentVariable, QString::fromLatin1(m_token));
  m_process->setProcessEnvironment(environment);
  m_folder = folder.isEmpty() ? m_workDir.filePath(QString("run-%1").arg(++m_started)) : folder;
  QStringList arguments{"run", specPath, "--out", m_folder, "--stream"};
  if (paused) arguments << "--paused";
  m_process->start(engine, arguments);
  return true;
}

void RunController::stop() {
  if (!isRunning()) return;
  m_stopping = true;
  if (isFollowing()) {  // not our process: the coordinator is asked to stop
    if (m_tail->isActive()) {
      m_tail->stop();  // a run followed in its log takes no commands: only the following ends
    } else {
      m_control->send(engine::ControlCommand::Stop);
      m_control->flushAndDisconnect();
    }
    m_following.clear();
    m_hub->finish();
    return;
  }
  m_control->disconnectFromRun();
  signalGroup(SIGTERM);
  if (!m_process->waitForFinished(2000)) {
    signalGroup(SIGKILL);
    m_process->kill();
    m_process->waitForFinished(1000);
  }
  m_hub->finish();
}

void RunController::signalGroup(int sig) {
  // The engine leads its own process group (see the constructor): this reaches its children too.
  if (const qint64 pid = m_process->processId(); pid > 0) ::kill(-static_cast<pid_t>(pid), sig);
}

bool RunController::isRunning() const {
  return m_process->state() != QProcess::NotRunning || isFollowing();
}

bool RunController::isWatching() const { return m_control->isConnected(); }

QString RunController::runFolder() const {
  if (!m_opened.isEmpty()) return m_opened;
  if (!m_following.isEmpty()) return m_following;
  return m_folder.isEmpty() ? m_workDir.filePath("run-0") : m_folder;
}

bool RunController::openFolder(const QString& dir, QString* error) {
  if (isRunning()) return false;
  std::optional<engine::EventFileReader> reader;
  try {
    reader.emplace((dir + "/events.jsonl").toStdString());
  } catch (const std::exception& e) {
    *error = QString::fromUtf8(e.what());
    return false;
  }
  m_opened = dir;
  m_ended.reset();
  m_openProblem.clear();
  m_control->disconnectFromRun();
  m_hub->reset();
  // Block by block: the views fill as the log is read, and a long log is never held whole. The
  // next block is decoded on another thread while the views take the current one.
  // At a bad line, the block holds what came before it. Out of memory on a huge log (or a
  // thread that cannot start) ends the reading there, like a bad line, not the window.
  std::string problem;
  try {
    std::vector<engine::Event> current, next;
    bool more = reader->next(current);
    while (true) {
      std::future<bool> decoded;
      if (more) {
        decoded = std::async(std::launch::async, [&reader, &next] { return reader->next(next); });
      }
      m_hub->replay(current);  // onEvents() sees its RunEnded, if it has one
      if (!more) break;
      more = decoded.get();
      current.swap(next);
    }
    problem = reader->error();
  } catch (const std::exception& e) {
    problem = e.what();
  }
  if (!problem.empty()) {
    m_openProblem = QString::fromStdString(problem);
    if (m_hub->recordsDecoded() == 0) {
      m_opened.clear();
      *error = m_openProblem;
      return false;
    }
  }
  if (m_ended && m_ended->reason == engine::EndReason::Completed) {
    emit succeeded();
  } else {
    emit failed(m_ended, m_ended ? m_ended->exitCode : -1);
  }
  return true;
}

bool RunController::followTarget(const QString& dir, QString* host, quint16* port,
                                 QString* error) const {
  std::optional<engine::RunStarted> started;
  bool ended = false;
  try {
    engine::EventFileReader reader((dir + "/events.jsonl").toStdString());
    std::vector<engine::Event> block;
    while (reader.next(block)) {
      for (const auto& event : block) {
        if (const auto* s = std::get_if<engine::RunStarted>(&event)) started = *s;
        ended |= std::holds_alternative<engine::RunEnded>(event);
      }
    }
  } catch (const std::exception& e) {
    *error = QString::fromUtf8(e.what());
    return false;
  }
  if (ended) {
    *error =
        tr("the run in %1 has ended: open it with Open run").arg(QDir::toNativeSeparators(dir));
    return false;
  }
  // Where the coordinator listens: its bind address, this machine when it listens on all. A
  // run with no monitor endpoint (port 0: all-reduce, lessons 3 and 6) is followed in its log.
  *host = "127.0.0.1";
  *port = started && started->port > 0 ? static_cast<quint16>(started->port) : 0;
  QFile specFile(dir + "/spec.json");
  if (specFile.open(QIODevice::ReadOnly)) {
    const QString bind = QJsonDocument::fromJson(specFile.readAll())
                             .object()
                             .value("cluster")
                             .toObject()
                             .value("bind")
                             .toString();
    if (!bind.isEmpty() && bind != "0.0.0.0" && bind != "::") *host = bind;
  }
  return true;
}

bool RunController::follow(const QString& dir, const QByteArray& token, QString* error) {
  if (isRunning()) return false;
  QString host;
  quint16 port = 0;
  if (!followTarget(dir, &host, &port, error)) return false;
  if (port == 0) return followLog(dir, error);
  if (token.isEmpty()) {
    *error = tr("following a run needs its token (the %1 it was started with)")
                 .arg(QString::fromLatin1(engine::kTokenEnvironmentVariable));
    return false;
  }
  m_opened.clear();
  m_openProblem.clear();
  m_ended.reset();
  m_stopping = false;
  m_stderrTail.clear();
  m_following = dir;
  m_folder = dir;
  m_hub->reset();
  m_followAddress = host + ":" + QString::number(port);
  m_control->connectTo(host, port, token, ControlChannel::Role::Monitor);
  return true;
}

bool RunController::followsLog() const { return isFollowing() && m_tail->isActive(); }

bool RunController::followLog(const QString& dir, QString* error) {
  m_opened.clear();
  m_openProblem.clear();
  m_ended.reset();
  m_stopping = false;
  m_stderrTail.clear();
  m_hub->reset();
  if (!m_tail->start(dir + "/events.jsonl", error)) return false;
  m_following = dir;
  m_folder = dir;
  return true;
}

void RunController::onFollowEnded(bool accepted, const QString& reason) {
  if (!isFollowing()) return;
  m_following.clear();
  m_hub->finish();  // the last records before the verdict
  if (!accepted) {
    emit couldNotStart(
        m_control->reachedCoordinator()
            ? tr("Cannot follow the run: the coordinator did not accept the token (%1)").arg(reason)
            : tr("Cannot follow the run: no coordinator answered at %1 (%2)")
                  .arg(m_followAddress, reason));
    return;
  }
  if (completed()) {
    emit succeeded();
  } else {
    if (!m_ended && !reason.isEmpty()) m_stderrTail.append(reason);
    emit failed(m_ended, m_ended ? m_ended->exitCode : -1);
  }
}

void RunController::control(engine::ControlCommand command, int target, double value) {
  m_control->send(command, target, value);
}

void RunController::onEvents(const std::vector<engine::Event>& batch) {
  for (const auto& event : batch) {
    if (const auto* started = std::get_if<engine::RunStarted>(&event);
        started && started->port > 0 && !m_stopping && m_opened.isEmpty() && !isFollowing()) {
      m_control->connectTo("127.0.0.1", static_cast<quint16>(started->port), m_token);
    } else if (const auto* ended = std::get_if<engine::RunEnded>(&event)) {
      m_ended = *ended;
    }
  }
}

void RunController::readStderr() {
  m_stderrPending += m_process->readAllStandardError();
  qsizetype end;
  while ((end = m_stderrPending.indexOf('\n')) >= 0) {
    m_stderrTail.append(QString::fromUtf8(m_stderrPending.left(end)));
    m_stderrPending.remove(0, end + 1);
    if (m_stderrTail.size() > kStderrLines) m_stderrTail.removeFirst();
  }
}

void RunController::onFinished(int exitCode, int exitStatus) {
  m_hub->feed(m_process->readAllStandardOutput());
  readStderr();
  m_control->disconnectFromRun();
  if (m_stopping) return;
  m_hub->finish();  // the last records before the verdict
  if (m_hub->recordsDecoded() == 0) {
    // The stream said nothing (an engine older than the window, say): its events.jsonl may.
    try {
      m_hub->replay(engine::readEventsFile((runFolder() + "/events.jsonl").toStdString()));
    } catch (const std::exception&) {
    }
  }
  if (exitStatus == QProcess::NormalExit && exitCode == 0) {
    emit succeeded();
  } else {
    emit failed(m_ended, exitStatus == QProcess::NormalExit ? exitCode : -1);
  }
}

}  // namespace distlab::app
