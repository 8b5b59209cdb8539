// What the log says of each typed record, in Chinese: every enum value of every record the log
// shows has its own translated sentence, with the record's numbers in it.
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTranslator>

#include <gtest/gtest.h>

#include "app/event_text.h"
#include "core/spec_problems.h"
#include "telemetry/event_fields.h"

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
  events.push_back(LessonStage{1, "aggregation", 1, 4, "MA-DNN", 4});
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

TEST(EventTextTest, TheNumbersOfARecordAreInItsLine) {
  Evaluation e;
  e.update = 250;
  e.epoch = 1.25;
  e.testAccuracy = 0.8534;
  e.testLoss = 0.4123;
  e.samplesPerSecond = 61234;
  e.timeNs = 3'500'000'000;
  const QString line = EventText::logLine(e, {10, 1'000'000'000, "x"});
  for (const char* number : {"250", "1.25", "85.34", "0.4123", "61234", "2.5"}) {
    EXPECT_TRUE(line.contains(number)) << number << " in " << line.toStdString();
  }
  EXPECT_TRUE(EventText::logLine(Span{}, {}).isEmpty());  // the views show spans, not the log
  EXPECT_TRUE(EventText::logLine(Traffic{}, {}).isEmpty());
}

}  // namespace
}  // namespace distlab::app
