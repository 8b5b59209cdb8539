// What the log says of each typed record, in Chinese: every enum value of every record the log
// shows has its own translated sentence, with the record's numbers in it.
#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

#include <gtest/gtest.h>

#include "app/event_text.h"
#include "app/stage_setting_text.h"
#include "core/spec_problems.h"
#include "telemetry/event_fields.h"
#include "widgets/privacy_comparison_table.h"
#include "widgets/security_view.h"

namespace distlab::app {
namespace {

using namespace distlab::engine;

template <class E>
std::vector<E> everyValue() {
  std::vector<E> values;
  const auto& names = event_fields::EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i]) values.push_back(static_cast<E>(i));
  }
  return values;
}

// One part of each lesson that runs several: the spec fields and the lessons' own settings.
std::vector<std::vector<StageSetting>> stageSettingsOfEveryKind() {
  return {{{"", "MA-DNN"}},
          {{"security.attack", "sign-flip"}, {"security.aggregator", "krum"}},
          {{"privacy.defense", "noise"}, {"privacy.defense_strength", "0.01"}},
          {{"privacy.secure_aggregation", "true"}},
          {{"cluster.encoder", "topk"}, {"cluster.compress_ratio", "0.01"},
           {"cluster.error_feedback", "true"}},
          {{"cluster.encoder", "qsgd"}, {"cluster.qsgd_levels", "4"},
           {"cluster.error_feedback", "false"}},
          {{"protection", "dp-local"}},
          {{"start", "common"}},
          {{"start", "different"}},
          {{"adversarial.training", "pgd"}},
          {{"adversarial.attack", "fgsm"}},
          {{"fl.algorithm", "fedprox"}, {"cluster.partition", "dirichlet"}},
          {{"cluster.sync", "allreduce"}},
          {{"model_parallel.stages", "2"}, {"model_parallel.schedule", "1f1b"}},
          {}};
}

// One record of every kind the log shows, and of every value of their enums.
std::vector<Event> loggedRecords() {
  std::vector<Event> events;
  events.push_back(DataLoaded{1, "fashion-mnist", 60000, 10000, 784, 10});
  events.push_back(RunStarted{1, "cluster", 4, 41234, 101770, 7, "bsp", "shuffle-split", -1});
  events.push_back(RunStarted{1, "averaging", 2, 0, 0, 7, "bsp", "shards", -1});
  for (const auto status : everyValue<WorkerStatus>()) {
    for (const auto reason : everyValue<WorkerReason>()) {
      events.push_back(WorkerState{1, 3, status, reason, 4242, 17, 1500, 104});
    }
  }
  for (const auto reason : everyValue<RefusalReason>()) {
    events.push_back(ConnectionRefused{1, 5, reason, "10.0.0.7", 4});
  }
  for (const auto command : {ControlCommand::Pause, ControlCommand::Resume, ControlCommand::Step}) {
    events.push_back(RunControlled{1, command});
  }
  for (const auto cause : everyValue<UntrainedCause>()) {
    events.push_back(ShareUntrained{1, 2, cause, 12, 40, 384});
  }
  events.push_back(KeysExchanged{1, 3});
  events.push_back(RoundsLost{1, 2});
  for (const auto kind : everyValue<NoticeKind>()) events.push_back(Notice{1, kind, 2, 9, "x"});
  events.push_back(SplitSummary{1, 0, 0.3679});
  // Secure federated rounds: one that could not be unmasked, one that recovered dropouts.
  FederatedRound secure;
  secure.round = 4;
  secure.sampled = {1, 2, 3};
  secure.outcomes = {ClientOutcome::Trained, ClientOutcome::DroppedOut, ClientOutcome::Trained};
  secure.secure = SecureRound::TooFewSurvivors;
  secure.secureThreshold = 3;
  events.push_back(secure);
  secure.secure = SecureRound::Unmasked;
  secure.secureThreshold = 2;
  secure.applied = true;
  secure.recovered = 1;
  events.push_back(secure);
  Evaluation e;
  e.update = 250;
  e.epoch = 1.25;
  e.testAccuracy = 0.8534;
  e.testLoss = 0.41;
  e.samplesPerSecond = 61234;
  events.push_back(e);
  // A part of each multi-run lesson, by the settings it runs with.
  for (auto settings : stageSettingsOfEveryKind()) {
    events.push_back(LessonStage{1, "lesson", 1, 4, std::move(settings), 4});
  }
  events.push_back(LessonStage{1, "model_parallel", 3, 17, {{"model_parallel.stages", "3"},
                                                            {"model_parallel.micro_batches", "8"}},
                               0});
  events.push_back(AttackProgress{1, 25, 0.0123, 31.5, {}});
  events.push_back(LessonResult{1, "convexity", {{"convexity", {}}}, {}, {}});
  for (const auto reason : everyValue<EndReason>()) {
    if (reason != EndReason::Failed) events.push_back(RunEnded{1, reason, 1, 2, -9, ""});
  }
  // A run that failed for a problem of its spec found while running.
  RunEnded failed{1, EndReason::Failed, 1, -1, 0, "privacy.capture_from: the captured push ..."};
  failed.field = "privacy.capture_from";
  failed.problem = "capture_batch_too_large";
  failed.args = {"64", "dlg", "8"};
  events.push_back(failed);
  // Lesson 3's three ways to split the network, and a skeleton's reselection.
  events.push_back(RunStarted{1, "federated", 4, 0, 101770, 7, "fedprox", "dirichlet", -1});
  for (const char* mode : {"pipeline", "tensor", "skeleton"}) {
    events.push_back(RunStarted{1, "model_parallel", 3, 0, 2913290, 7, "1f1b", mode, -1});
  }
  events.push_back(ModelLayout{1, ModelSplit::Skeleton, 5,
                               {{0, 512, -1, 128, LayoutBlock::kSkeleton}, {0, 512, -1, 96, 0},
                                {1, 10, -1, 10, LayoutBlock::kSkeleton}}});
  return events;
}

bool hasChinese(const QString& text) {
  return std::any_of(text.begin(), text.end(),
                     [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

TEST(EventTextTest, EveryLoggedRecordAndEveryEnumValueIsSaidInChinese) {
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  const EventText::Context run{10, 0, QString::fromUtf8("第 5 课：聚合方法")};
  const QRegularExpression english("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
  QStringList lines;
  for (const Event& event : loggedRecords()) lines << EventText::logLine(event, run);
  QCoreApplication::removeTranslator(&chinese);
  for (const QString& line : lines) {
    ASSERT_FALSE(line.isEmpty());
    EXPECT_TRUE(hasChinese(line)) << line.toStdString();
    EXPECT_FALSE(english.match(line).hasMatch()) << line.toStdString();
  }
  // Different reasons are said differently (no enum value falls through to another's text).
  const auto distinct = [&](std::size_t from, std::size_t count) {
    QStringList some = lines.mid(static_cast<qsizetype>(from), static_cast<qsizetype>(count));
    some.removeDuplicates();
    return static_cast<std::size_t>(some.size());
  };
  const std::size_t reasons = everyValue<WorkerReason>().size();
  EXPECT_EQ(distinct(3 + 3 * reasons, reasons), reasons);  // Died with each reason
}

// Every problem a spec can have, from the engine's own list: in Chinese, with each of its values.
TEST(EventTextTest, EverySpecProblemIsSaidInChineseWithItsValues) {
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  // How many values a sentence takes: its placeholders run %1, %2, ... without gaps.
  const auto valueCount = [](std::string_view text) {
    int n = 0;
    while (text.find(QString("%%1").arg(n + 1).toStdString()) != std::string_view::npos) ++n;
    return n;
  };
  std::vector<std::pair<std::string, QString>> said;
  for (const auto& problem : specProblems()) {
    std::vector<std::string> args;
    for (int n = 1; n <= valueCount(problem.text); ++n) {
      args.push_back(QString("<%1>").arg(n).toStdString());
    }
    const SpecError e = specProblem("training.lr", problem.code, args);
    said.emplace_back(std::string(problem.code), EventText::specError(e));
  }
  QCoreApplication::removeTranslator(&chinese);
  for (const auto& [code, sentence] : said) {
    EXPECT_TRUE(hasChinese(sentence)) << code << ": " << sentence.toStdString();
    EXPECT_FALSE(sentence.contains('%')) << code << ": " << sentence.toStdString();
    for (int n = 1; n <= valueCount(specProblemText(code)); ++n) {
      EXPECT_TRUE(sentence.contains(QString("<%1>").arg(n))) << code << ": " << sentence.toStdString();
    }
  }
}

TEST(EventTextTest, AModelParallelRunsProcessesAreNamedByTheirPartOfTheNetwork) {
  const WorkerState joined{1, 2, WorkerStatus::Joined, WorkerReason::Launched, 4242};
  EventText::Context run{1, 0, "x"};
  EXPECT_TRUE(EventText::logLine(joined, run).startsWith("Worker 2 joined"));
  run.split = ModelSplit::Pipeline;
  EXPECT_TRUE(EventText::logLine(joined, run).startsWith("Stage 2 joined"));
  run.split = ModelSplit::Tensor;
  EXPECT_TRUE(EventText::logLine(joined, run).startsWith("Shard 2 joined"));
  // A skeleton's reselection: its round from 1, and the hidden neurons of its skeleton.
  const QString line = EventText::logLine(
      ModelLayout{1, ModelSplit::Skeleton, 5,
                  {{0, 512, -1, 128, LayoutBlock::kSkeleton},
                   {1, 256, -1, 64, LayoutBlock::kSkeleton},
                   {1, 256, -1, 40, 0},
                   {2, 10, -1, 10, LayoutBlock::kSkeleton}}},
      run);
  EXPECT_TRUE(line.contains("Round 6")) << line.toStdString();
  EXPECT_TRUE(line.contains("192 hidden neurons")) << line.toStdString();
  EXPECT_TRUE(EventText::logLine(ModelLayout{1, ModelSplit::Pipeline, 0, {}}, run).isEmpty());
}

// A lesson's part is named by its settings: each spec field by its form label, each value by
// the name the lesson's own view gives it, in the window's language.
TEST(EventTextTest, ALessonsPartIsNamedByItsSettings) {
  QTranslator english;  // its plurals ("5 workers")
  ASSERT_TRUE(english.load(":/i18n/distlab_en.qm"));
  QCoreApplication::installTranslator(&english);
  const EventText::Context run{10, 0, "Lesson 8"};
  const QString security = EventText::logLine(
      LessonStage{1, "security", 2, 9, {{"security.attack", "sign-flip"},
                                       {"security.aggregator", "krum"}}, 5},
      run);
  EXPECT_EQ(security.toStdString(),
            QString("Lesson 8, part 3 of 9: Attack: %1, Server's rule: %2 on 5 workers")
                .arg(widgets::SecurityView::attackName("sign-flip"),
                     widgets::SecurityView::ruleName("krum"))
                .toStdString());
  EXPECT_NE(widgets::SecurityView::attackName("sign-flip"), "sign-flip");
  const QString pipeline = EventText::logLine(
      LessonStage{1, "model_parallel", 0, 2, {{"model_parallel.stages", "2"},
                                              {"model_parallel.micro_batches", "8"}}, 0},
      run);
  EXPECT_EQ(pipeline.toStdString(), "Lesson 8, part 1 of 2: Stages: 2, Micro-batches: 8");
  EXPECT_EQ(StageSettingText::setting({"cluster.error_feedback", "true"}), "Error feedback: on");
  // A run written before the settings were recorded (version 12) says so.
  EXPECT_EQ(EventText::logLine(LessonStage{1, "aggregation", 1, 4, {}, 4}, run).toStdString(),
            "Lesson 8, part 2 of 4: settings not recorded (a run from an older version)");
  EXPECT_EQ(StageSettingText::setting({"", "EC-DNN"}), "EC-DNN");
  EXPECT_EQ(StageSettingText::setting({"protection", "secagg"}),
            widgets::PrivacyComparisonTable::protectionName("secagg"));
  EXPECT_NE(StageSettingText::setting({"start", "common"}),
            StageSettingText::setting({"start", "different"}));
  QCoreApplication::removeTranslator(&english);
  // In Chinese no field label or value name stays in English.
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  QStringList said;
  for (const auto& settings : stageSettingsOfEveryKind()) {
    for (const auto& setting : settings) said << StageSettingText::setting(setting);
  }
  QCoreApplication::removeTranslator(&chinese);
  // An English word (not an acronym: "QSGD 量化级数" is Chinese), in a label or a value.
  const QRegularExpression englishWord("(?<![A-Za-z])[a-z]{4,}");
  for (const QString& s : said) {
    EXPECT_FALSE(englishWord.match(s).hasMatch()) << s.toStdString();
  }
}

// A run's start names its rules as the form does, not by their spec ids.
TEST(EventTextTest, ARunsStartNamesItsRules) {
  const EventText::Context run{10, 0, "x"};
  const QString cluster = EventText::logLine(
      RunStarted{1, "cluster", 4, 41234, 101770, 7, "ssp", "with-replacement", -1}, run);
  EXPECT_TRUE(cluster.contains("SSP (bounded staleness)")) << cluster.toStdString();
  EXPECT_TRUE(cluster.contains("random sampling with replacement")) << cluster.toStdString();
  const QString federated = EventText::logLine(
      RunStarted{1, "federated", 4, 0, 101770, 7, "scaffold", "dirichlet", -1}, run);
  EXPECT_TRUE(federated.contains("SCAFFOLD")) << federated.toStdString();
  EXPECT_TRUE(federated.contains("Dirichlet by label")) << federated.toStdString();
  const QString pipeline = EventText::logLine(
      RunStarted{1, "model_parallel", 3, 0, 2913290, 7, "gpipe", "pipeline", -1}, run);
  EXPECT_TRUE(pipeline.contains("GPipe")) << pipeline.toStdString();
}

// A lesson's result names its tables as the Results tab does, with the CSV file of each.
TEST(EventTextTest, ALessonsResultNamesItsTablesAndTheirFiles) {
  const EventText::Context run{10, 0, "Lesson 8"};
  const QString line = EventText::logLine(
      LessonResult{1, "security", {{"detection", {}}, {"security_comparison", {}}}, {}, {}}, run);
  EXPECT_EQ(line.toStdString(),
            "Lesson 8 computed, tables in the run folder: What the rule did with each worker "
            "(detection.csv), Attacks against rules (security_comparison.csv)");
}

TEST(EventTextTest, TheNumbersOfARecordAreInItsLine) {
  Evaluation e;
  e.update = 250;
  e.epoch = 1.25;
  e.testAccuracy = 0.8534;
  e.testLoss = 0.4123;
  e.samplesPerSecond = 61234;
  e.timeNs = 3'500'000'000;
  const QString line = EventText::logLine(e, {10, 1'000'000'000, "x"});
  for (const char* number : {"250", "1.25", "85.34", "0.4123", "2.5"}) {
    EXPECT_TRUE(line.contains(number)) << number << " in " << line.toStdString();
  }
  // The rate with the locale's digit groups, as the Results tab writes it.
  const QLocale before;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  const QString grouped = EventText::logLine(e, {10, 1'000'000'000, "x"});
  QLocale::setDefault(before);
  EXPECT_TRUE(grouped.endsWith("61,234 samples/s")) << grouped.toStdString();
  EXPECT_TRUE(EventText::logLine(Span{}, {}).isEmpty());  // the views show spans, not the log
  EXPECT_TRUE(EventText::logLine(Traffic{}, {}).isEmpty());
}

}  // namespace
}  // namespace distlab::app
