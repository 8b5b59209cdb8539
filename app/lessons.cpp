#include "app/lessons.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace distlab::app {
namespace {

// The shipped lessons' English titles and texts, so that lupdate collects them for translation;
// a spec written by a user is shown as written.
[[maybe_unused]] const char* const kLessonTexts[] = {
    QT_TRANSLATE_NOOP("Lessons", "Fashion-MNIST MLP"),
    QT_TRANSLATE_NOOP("Lessons",
                      "A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart."),
};

QString translated(const QString& text) {
  return QCoreApplication::translate("Lessons", text.toUtf8().constData());
}

}  // namespace

bool loadLesson(const QString& path, Lesson* lesson, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error =
        QCoreApplication::translate("Lessons", "Cannot open %1: %2").arg(path, file.errorString());
    return false;
  }
  const QByteArray json = file.readAll();
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
  if (!doc.isObject()) {
    *error = QCoreApplication::translate("Lessons", "%1 is not a JSON experiment spec: %2")
                 .arg(path, parseError.errorString());
    return false;
  }
  lesson->specJson = json;
  lesson->title = translated(doc.object().value("name").toString());
  lesson->description = translated(doc.object().value("description").toString());
  return true;
}

}  // namespace distlab::app
