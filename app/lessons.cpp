#include "app/lessons.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace distlab::app {
namespace {

// The shipped lessons' English titles and texts, so that lupdate collects them for translation;
// a spec written by a user is shown as written. Keep in step with resources/presets/*.json
// (tests/widgets/lessons_test.cpp checks the default lesson).
[[maybe_unused]] const char* const kLessonTexts[] = {
    QT_TRANSLATE_NOOP("Lessons", "Fashion-MNIST MLP"),
    QT_TRANSLATE_NOOP("Lessons",
                      "A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart."),
    QT_TRANSLATE_NOOP("Lessons", "Lesson 1: gradient averaging vs model averaging"),
    QT_TRANSLATE_NOOP("Lessons",
                      "The lecture's example: weight = b * height + a over 100 people on 2 clients. "
                      "After one step, averaging the clients' gradients and averaging their models both"
                      " give central gradient descent; with several local steps per round they part. "
                      "Try cluster.local_steps = 1, unequal client sizes (cluster.capacities) and "
                      "aggregation \"mean\"."),
    QT_TRANSLATE_NOOP("Lessons", "Lesson 2: data partitioning"),
    QT_TRANSLATE_NOOP("Lessons",
                      "Four workers draw their data by random sampling with replacement: about 37% "
                      "of the examples are never used. Switch cluster.partition to shuffle-split "
                      "and every example is used exactly once per epoch."),
    QT_TRANSLATE_NOOP("Lessons", "Lesson 4: synchronization with a straggler"),
    QT_TRANSLATE_NOOP("Lessons",
                      "Worker 0 is three times slower. Under BSP the others wait for it at every "
                      "barrier; switch cluster.sync to asp or ssp (staleness 3) and compare the "
                      "time to the same accuracy."),
    QT_TRANSLATE_NOOP("Lessons", "Lesson 5: aggregation methods"),
    QT_TRANSLATE_NOOP("Lessons",
                      "S-DNN (one worker), MA-DNN (model averaging), E-DNN (ensemble) and EC-DNN "
                      "(ensemble-compression) on 4 workers, one after the other, with the same data, "
                      "seed and number of examples. Compare test accuracy against epochs, wall time and"
                      " bytes sent, and the model sizes in the table."),
    QT_TRANSLATE_NOOP("Lessons", "Lesson 5: why averaging needs convexity"),
    QT_TRANSLATE_NOOP("Lessons",
                      "Two MLPs train on the two halves of 12,000 Fashion-MNIST images. Averaged every "
                      "round from a common start, the averaged model is as good as its members; trained"
                      " from different random starts, their average is far worse, while their ensemble "
                      "stays better than the mean of the two. Switch model.arch to linear (logistic "
                      "regression, convex) and the average never loses."),
    QT_TRANSLATE_NOOP("Lessons", "Lesson 7: gradients leak the training data"),
    QT_TRANSLATE_NOOP("Lessons",
                      "Four private Fashion-MNIST images go through a sigmoid MLP; the worker shares only "
                      "their gradient. The server rebuilds them with DLG (L-BFGS on dummy images and labels). "
                      "Then the price of defending: Gaussian noise of growing strength on every shared "
                      "gradient against the attack's PSNR and the accuracy of a real 2-worker cluster whose "
                      "workers add that noise to every push. Try privacy.defense topk or int8, or model.arch "
                      "lenet5. In any cluster run, right-click a worker in the Cluster view to capture its "
                      "next push and attack it here."),
};

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
  return {kDefaultLesson, ":/presets/lesson1-averaging.json",
          ":/presets/lesson2-data-partitioning.json",
          ":/presets/lesson4-straggler.json", ":/presets/lesson5-aggregation.json",
          ":/presets/lesson5-convexity.json", ":/presets/lesson7-privacy.json"};
}

QString translatedLessonText(const QString& english) {
  if (english.isEmpty()) return english;  // an empty source would fetch the translation header
  return QCoreApplication::translate("Lessons", english.toUtf8().constData());
}

}  // namespace distlab::app
