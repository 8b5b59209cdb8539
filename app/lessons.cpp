#include "app/lessons.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "lessons/experiment.h"

namespace distlab::app {

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
  if (parseError.error != QJsonParseError::NoError) {
    *error = QCoreApplication::translate("Lessons", "%1 is not valid JSON: %2 (at byte %3)")
                 .arg(path, parseError.errorString())
                 .arg(parseError.offset);
    return false;
  }
  if (!doc.isObject()) {
    *error = QCoreApplication::translate("Lessons",
                                         "%1 is not an experiment spec: it is not a JSON object")
                 .arg(path);
    return false;
  }
  lesson->specJson = json;
  lesson->name = doc.object().value("name").toString();
  lesson->description = doc.object().value("description").toString();
  return true;
}

QStringList shippedLessons() {
  QStringList paths;
  for (const auto& lesson : engine::lessonCatalogue()) {
    paths << ":/presets/" + QString::fromUtf8(lesson.id.data(), static_cast<qsizetype>(lesson.id.size())) +
                 ".json";
  }
  return paths;
}

QString translatedLessonText(const QString& english) {
  if (english.isEmpty()) return english;  // an empty source would fetch the translation header
  return QCoreApplication::translate("Lessons", english.toUtf8().constData());
}

}  // namespace distlab::app
