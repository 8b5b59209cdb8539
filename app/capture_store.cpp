#include "app/capture_store.h"

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
                         QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss-zzz") + "-" +
                         QFileInfo(relative).fileName() + "-worker-" +
                         QString::number(capture.value("worker").toInt()) + "-step-" +
                         QString::number(capture.value("step").toInt());
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
  QFile spec(target + "/spec.json");
  QJsonParseError parse;
  const QJsonDocument doc =
      spec.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(spec.readAll(), &parse)
                                     : QJsonDocument();
  if (!doc.isObject()) {
    *error = CaptureStore::tr("%1 is not a spec").arg(spec.fileName());
    QDir(target).removeRecursively();
    return false;
  }
  out->folder = target;
  out->worker = capture.value("worker").toInt();
  out->step = capture.value("step").toInt();
  out->spec = doc.object();
  return true;
}

}  // namespace distlab::app
