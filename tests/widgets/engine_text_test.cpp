#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>

#include <algorithm>

#include <gtest/gtest.h>

#include "app/engine_text.h"

namespace distlab::app {
namespace {

QJsonObject preset(const QString& name) {
  QFile file(QString(DISTLAB_SOURCE_DIR) + "/resources/presets/" + name + ".json");
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
  return QJsonDocument::fromJson(file.readAll()).object();
}

// Sets spec[section][key].
void setAt(QJsonObject& spec, const QString& section, const QString& key, const QJsonValue& v) {
  QJsonObject part = spec.value(section).toObject();
  part.insert(key, v);
  spec.insert(section, part);
}

// What the engine writes on stdout and stderr for a spec, line by line, as the window's log
// receives it (RunController keeps the first "listening" line for itself).
QStringList engineLines(const QJsonObject& spec, const QTemporaryDir& dir, const QString& name) {
  const QString specPath = dir.filePath(name + ".json");
  QFile file(specPath);
  EXPECT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(QJsonDocument(spec).toJson());
  file.close();
  QProcess engine;
  engine.setProcessChannelMode(QProcess::MergedChannels);
  engine.start(DISTLAB_ENGINE_EXE, {"run", specPath, "--out", dir.filePath(name)});
  EXPECT_TRUE(engine.waitForFinished(180'000)) << name.toStdString();
  EXPECT_EQ(engine.exitCode(), 0) << name.toStdString();
  QStringList lines;
  for (const QString& line : QString::fromUtf8(engine.readAll()).split('\n', Qt::SkipEmptyParts)) {
    if (!line.startsWith("listening ")) lines << line;
  }
  return lines;
}

bool hasChinese(const QString& text) {
  return std::any_of(text.begin(), text.end(),
                     [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

TEST(EngineTextTest, EveryLineOfTheLessonCommandsIsShownInChinese) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  // Lesson 1 as shipped; lessons 5 and 7 made small enough for a test.
  QJsonObject convexity = preset("lesson5-convexity");
  setAt(convexity, "dataset", "train_limit", 2000);
  setAt(convexity, "dataset", "test_limit", 300);
  setAt(convexity, "training", "epochs", 2);
  QJsonObject aggregation = preset("lesson5-aggregation");
  setAt(aggregation, "dataset", "train_limit", 1000);
  setAt(aggregation, "dataset", "test_limit", 300);
  setAt(aggregation, "training", "epochs", 1);
  setAt(aggregation, "cluster", "distill_steps", 10);
  QJsonObject privacy = preset("lesson7-privacy");
  setAt(privacy, "dataset", "train_limit", 1000);
  setAt(privacy, "dataset", "test_limit", 300);
  setAt(privacy, "training", "epochs", 1);
  QJsonObject attack = privacy.value("privacy").toObject();
  attack.insert("iterations", 30);
  attack.insert("images", QJsonArray{0});
  attack.insert("sweep_strengths", QJsonArray{0.01});
  privacy.insert("privacy", attack);
  QStringList lines;
  lines << engineLines(preset("lesson1-averaging"), dir, "averaging")
        << engineLines(convexity, dir, "convexity")
        << engineLines(aggregation, dir, "aggregation") << engineLines(privacy, dir, "privacy");
  ASSERT_GE(lines.size(), 40);

  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  int shown = 0;
  for (const QString& line : lines) {
    const QString said = EngineText::stderrLine(line);
    if (said.isEmpty()) continue;  // the log shows it from the telemetry
    ++shown;
    EXPECT_TRUE(hasChinese(said)) << line.toStdString() << " -> " << said.toStdString();
  }
  QCoreApplication::removeTranslator(&chinese);
  EXPECT_GE(shown, 35);
}

TEST(EngineTextTest, LessonLinesKeepTheirNumbersAndOtherLinesStayAsWritten) {
  EXPECT_EQ(EngineText::stderrLine(
                "MA-DNN  test accuracy 0.568000, model 101770 parameters, 3272956 bytes, 0.7833 s"),
            "MA-DNN: test accuracy 56.80%, model of 101770 parameters, 3.3 MB sent, 0.7833 s");
  EXPECT_EQ(EngineText::stderrLine("noise         0.01     21.25 dB        0.653         10.40% "
                                   "(cluster)"),
            "noise 0.01: attack PSNR 21.25 dB, SSIM 0.653, test accuracy 10.40% (on the cluster)");
  EXPECT_EQ(EngineText::stderrLine("different     3           0.5317           0.5440         "
                                   "0.5346"),
            "different starts, round 3: 0.5317, 0.5440, 0.5346");
  EXPECT_EQ(EngineText::stderrLine("  model averaging     a = 12.7687929, b = 23.7593151"),
            "  model averaging: a = 12.7687929, b = 23.7593151");
  EXPECT_EQ(EngineText::stderrLine("wrote /tmp/r/reconstruction.png, results.csv and attack.csv"),
            "Wrote /tmp/r/reconstruction.png, results.csv and attack.csv");
  EXPECT_EQ(EngineText::stderrLine("EC-DNN: 4 workers, ensemble-compression"),
            "EC-DNN: 4 worker(s), aggregation ensemble compression");
  EXPECT_EQ(EngineText::stderrLine("something the engine says one day"),
            "something the engine says one day");
  EXPECT_FALSE(EngineText::lessonLine("update 25 (epoch 0.5/3)").has_value());
}

}  // namespace
}  // namespace distlab::app
