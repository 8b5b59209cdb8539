#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

#include "app/lessons.h"
#include "core/spec.h"

namespace distlab::app {
namespace {

// The lesson file the app ships, read from the source tree (not the copy in the resources) so that
// an edit of default.json without a matching translation fails here.
const QString kDefaultJson = QString(DISTLAB_SOURCE_DIR) + "/engine/lessons/cluster/default.json";

TEST(LessonsTest, LoadsNameAndDescriptionFromTheSpec) {
  Lesson lesson;
  QString error;
  ASSERT_TRUE(loadLesson(kDefaultJson, &lesson, &error)) << error.toStdString();
  EXPECT_EQ(lesson.name, "Fashion-MNIST MLP");
  EXPECT_TRUE(lesson.description.startsWith("A 784-256-128-10 ReLU network"));
  EXPECT_TRUE(lesson.specJson.contains("\"training\""));
  // The same file is in the resources, where the app loads it from.
  Lesson fromResource;
  ASSERT_TRUE(loadLesson(kDefaultLesson, &fromResource, &error)) << error.toStdString();
  EXPECT_EQ(fromResource.specJson, lesson.specJson);
}

TEST(LessonsTest, TheDefaultLessonHasAChineseTitleAndDescription) {
  Lesson lesson;
  QString error;
  ASSERT_TRUE(loadLesson(kDefaultJson, &lesson, &error));
  EXPECT_EQ(translatedLessonText(lesson.name), lesson.name);  // no translator: English
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  const QString title = translatedLessonText(lesson.name);
  const QString description = translatedLessonText(lesson.description);
  QCoreApplication::removeTranslator(&chinese);
  EXPECT_EQ(title, QString::fromUtf8("Fashion-MNIST 多层感知机"));
  EXPECT_NE(description, lesson.description);
  EXPECT_TRUE(description.contains(QString::fromUtf8("服饰"))) << description.toStdString();
}

TEST(LessonsTest, UnknownTextIsShownAsWritten) {
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  EXPECT_EQ(translatedLessonText("My own experiment"), "My own experiment");
  EXPECT_EQ(translatedLessonText(""), "");
  QCoreApplication::removeTranslator(&chinese);
}

TEST(LessonsTest, ExplainsWhyAFileCannotBeALesson) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  Lesson lesson;
  QString error;
  EXPECT_FALSE(loadLesson(dir.filePath("missing.json"), &lesson, &error));
  EXPECT_TRUE(error.contains("missing.json")) << error.toStdString();

  const auto write = [&dir](const char* name, const char* text) {
    QFile file(dir.filePath(name));
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return file.fileName();
  };
  error.clear();
  EXPECT_FALSE(loadLesson(write("broken.json", "{\"name\": "), &lesson, &error));
  EXPECT_TRUE(error.contains("broken.json") && error.contains("not valid JSON"))
      << error.toStdString();
  error.clear();
  EXPECT_FALSE(loadLesson(write("array.json", "[1, 2]"), &lesson, &error));
  EXPECT_TRUE(error.contains("not a JSON object")) << error.toStdString();
  EXPECT_TRUE(lesson.specJson.isEmpty()) << "a failed load leaves the lesson alone";
}

}  // namespace
}  // namespace distlab::app

namespace distlab::app {
namespace {

TEST(LessonsTest, EveryShippedLessonIsAValidSpecWithAChineseTitle) {
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  ASSERT_EQ(shippedLessons().size(), 17);
  for (const QString& path : shippedLessons()) {
    Lesson lesson;
    QString error;
    ASSERT_TRUE(loadLesson(path, &lesson, &error)) << error.toStdString();
    engine::Spec spec;
    const auto problems = engine::parseSpec(lesson.specJson.toStdString(), spec);
    EXPECT_TRUE(problems.empty()) << path.toStdString() << ": " << problems.front().text();
    // Every lesson but the attack has several processes: workers, or a pipeline's stages.
    if (spec.experiment == "model_parallel") {
      EXPECT_GE(spec.modelParallel.stages, 2) << path.toStdString();
    } else if (spec.experiment != "inversion") {
      EXPECT_GE(spec.cluster.workers, 2) << path.toStdString();
    }
    QCoreApplication::installTranslator(&chinese);
    const QString title = translatedLessonText(lesson.name);
    const QString description = translatedLessonText(lesson.description);
    QCoreApplication::removeTranslator(&chinese);
    EXPECT_NE(title, lesson.name) << path.toStdString();
    EXPECT_NE(description, lesson.description) << path.toStdString();
  }
}

}  // namespace
}  // namespace distlab::app
