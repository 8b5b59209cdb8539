#pragma once
// Shared by the window's tests: fake and real engines on the PATH, files, processes, waiting.
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include "telemetry/run_tables.h"

namespace distlab::app::testing {

// A stand-in for distlab-engine on the PATH: a shell script with the given body.
class FakeEngine {
 public:
  explicit FakeEngine(const QByteArray& body) : m_oldPath(qgetenv("PATH")) {
    QFile script(m_dir.filePath("distlab-engine"));
    EXPECT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n" + body);
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("PATH", m_dir.path().toUtf8() + ":" + m_oldPath);
  }
  ~FakeEngine() { qputenv("PATH", m_oldPath); }
  QString filePath(const QString& name) const { return m_dir.filePath(name); }

 private:
  QTemporaryDir m_dir;
  QByteArray m_oldPath;
};

// The real distlab-engine from the build tree, first on the PATH for the window to find.
class RealEngine {
 public:
  RealEngine() : m_oldPath(qgetenv("PATH")) {
    qputenv("PATH", QFileInfo(DISTLAB_ENGINE_EXE).absolutePath().toUtf8() + ":" + m_oldPath);
  }
  ~RealEngine() { qputenv("PATH", m_oldPath); }
  /// A small lesson file: 4 classes of blobs, 2 workers, `extra` merged into "cluster".
  QString lesson(const QByteArray& extra = "") {
    return write("lesson.json",
                 R"({"name": "small cluster", "description": "blobs on two workers", "seed": 5,
      "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
      "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
      "training": {"epochs": 3, "batch_size": 32, "lr": 0.1},
      "cluster": {"workers": 2, "sync": "bsp", "eval_every": 5, "heartbeat_ms": 100)" +
                     extra + "}}");
  }
  /// A spec file of that text, in the engine's temporary folder.
  QString write(const QString& name, const QByteArray& text) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
  }

 private:
  QTemporaryDir m_dir;
  QByteArray m_oldPath;
};

inline QByteArray readFile(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Copies a run folder's log, spec and metrics into `to` (a live window's own folder goes with
/// the window).
inline bool copyRunFolder(const QString& from, const QString& to) {
  for (const QString file : {"events.jsonl", "spec.json", "metrics.csv"}) {
    if (!QFile::copy(from + "/" + file, to + "/" + file)) return false;
  }
  return true;
}

inline bool processGone(qint64 pid) {
  // A zombie (killed, not yet reaped by whoever inherited it) counts as gone.
  const QByteArray stat = readFile(QString("/proc/%1/stat").arg(pid));
  return stat.isEmpty() || stat.contains(") Z ");
}

template <class Pred>
bool waitFor(Pred pred, int ms) {
  for (int waited = 0; !pred(); waited += 10) {
    if (waited > ms) return false;
    QThread::msleep(10);
    QCoreApplication::processEvents();
  }
  return true;
}

/// The typed records of a run folder's events.jsonl (none while it cannot be read).
inline std::vector<engine::Event> runEvents(const QString& runFolder) {
  try {
    return engine::readEventsFile((runFolder + "/events.jsonl").toStdString());
  } catch (const std::exception&) {
    return {};
  }
}

/// The pid the coordinator reported for a worker's process when it joined (0: not yet).
inline qint64 workerPid(const QString& runFolder, int worker) {
  for (const auto& e : runEvents(runFolder)) {
    const auto* w = std::get_if<engine::WorkerState>(&e);
    if (w && w->worker == worker && w->status == engine::WorkerStatus::Joined) return w->pid;
  }
  return 0;
}

// The lines of a CSV file written for spreadsheets (UTF-8 with a byte-order mark, CRLF).
inline QList<QByteArray> csvLines(const QString& path) {
  const QByteArray text = readFile(path);
  EXPECT_TRUE(text.startsWith("\xEF\xBB\xBF")) << path.toStdString();
  QList<QByteArray> lines = text.mid(3).split('\n');
  if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
  for (auto& line : lines) line = line.trimmed();
  return lines;
}

inline bool validSvg(const QString& path) {
  const QByteArray svg = readFile(path);
  QXmlStreamReader xml(svg);
  while (!xml.atEnd()) xml.readNext();
  return !xml.hasError() && svg.contains("<svg");
}

}  // namespace distlab::app::testing
