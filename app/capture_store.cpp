#include "app/capture_store.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace distlab::app {

class CaptureStore {
  Q_DECLARE_TR_FUNCTIONS(CaptureStore)
};

QString captureStoreRoot() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/captures";
}

namespace {

// A kept capture's folder back as a target: its capture.json and spec.json.
bool readKept(const QString& folder, widgets::CapturedPush* out) {
  QFile about(folder + "/capture.json"), spec(folder + "/spec.json");
  if (!about.open(QIODevice::ReadOnly) || !spec.open(QIODevice::ReadOnly)) return false;
  const QJsonObject capture = QJsonDocument::fromJson(about.readAll()).object();
  const QJsonDocument specDoc = QJsonDocument::fromJson(spec.readAll());
  if (!capture.contains("worker") || !capture.contains("step") || !specDoc.isObject()) return false;
  out->folder = folder;
  out->worker = capture.value("worker").toInt();
  out->step = capture.value("step").toInt();
  out->spec = specDoc.object();
  out->keptAt = QFileInfo(folder + "/capture.json").lastModified();
  return true;
}

// Kept folders are named by time, so their names sort oldest first.
QStringList keptFolders(const QString& storeRoot) {
  return QDir(storeRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

}  // namespace

std::vector<widgets::CapturedPush> keptCaptures(const QString& storeRoot, int limit) {
  const QStringList names = keptFolders(storeRoot);
  std::vector<widgets::CapturedPush> out;
  for (qsizetype i = std::max<qsizetype>(0, names.size() - limit); i < names.size(); ++i) {
    widgets::CapturedPush capture;
    if (readKept(storeRoot + "/" + names[i], &capture)) out.push_back(std::move(capture));
  }
  return out;
}

void pruneCaptures(const QString& storeRoot, int keep) {
  const QStringList names = keptFolders(storeRoot);
  for (qsizetype i = 0; i + keep < names.size(); ++i) {
    QDir(storeRoot + "/" + names[i]).removeRecursively();
  }
}

bool keepCapture(const QString& runFolder, const QString& relative, const QString& storeRoot,
                 widgets::CapturedPush* out, QString* error) {
  const QDir source(runFolder + "/" + relative);
  QFile about(source.filePath("capture.json"));
  const QJsonObject capture = about.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(about.readAll()).object()
                                  : QJsonObject();
  if (!capture.contains("worker") || !capture.contains("step")) {
    *error = CaptureStore::tr("No captured push in %1").arg(source.path());
    return false;
  }
  const QString target = storeRoot + "/" +
                         QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss-zzz") +
                         "-worker-" + QString::number(capture.value("worker").toInt()) +
                         "-step-" + QString::number(capture.value("step").toInt());
  if (!QDir().mkpath(target)) {
    *error = CaptureStore::tr("Cannot create %1").arg(target);
    return false;
  }
  for (const char* file : {"capture.json", "gradient.f32", "params.f32", "spec.json"}) {
    if (!QFile::copy(source.filePath(file), target + "/" + QLatin1String(file))) {
      *error = CaptureStore::tr("Cannot copy %1 to %2").arg(source.filePath(file), target);
      QDir(target).removeRecursively();  // nothing half-kept
      return false;
    }
  }
  if (!readKept(target, out)) {
    *error = CaptureStore::tr("%1 is not a spec").arg(target + "/spec.json");
    QDir(target).removeRecursively();
    return false;
  }
  return true;
}

}  // namespace distlab::app
