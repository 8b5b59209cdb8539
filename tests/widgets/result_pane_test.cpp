// The generic result pane: any lesson's typed result, shown as it is.
#include <QChart>
#include <QLineSeries>
#include <QTableWidget>

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <QValueAxis>

#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "app/lesson_views/result_columns.h"
#include "widgets/choice_names.h"
#include "widgets/compression_view.h"
#include "widgets/privacy_comparison_table.h"
#include "widgets/property_view.h"
#include "widgets/result_names.h"
#include "widgets/result_pane.h"

namespace distlab::app {
namespace {

using namespace distlab::engine;

LessonResult sample() {
  LessonResult r;
  r.lesson = "some-new-lesson";
  r.tables.push_back({"scores",
                      {{"method", {}, {"a", "b", "c"}}, {"accuracy", {0.5, NAN, 0.75}, {}}}});
  r.tables.push_back({"other", {{"x", {1, 2}, {}}}});
  r.curves.push_back({"loss", "round", "loss", {1, 2, 3}, {0.9, 0.5, 0.4}});
  r.images.push_back({"grid", Image{2, 2, 1, {0, 255, 255, 0}}});
  return r;
}

TEST(ResultPaneTest, ShowsEveryTableCurveAndPictureOfAnyLessonsResult) {
  widgets::ResultPane pane;
  EXPECT_FALSE(pane.hasData());
  pane.setData(resultData(sample()));
  ASSERT_TRUE(pane.hasData());
  QTableWidget* table = pane.table();
  ASSERT_EQ(table->columnCount(), 2);
  ASSERT_EQ(table->rowCount(), 3);
  EXPECT_EQ(table->horizontalHeaderItem(0)->text(), "method");
  EXPECT_EQ(table->item(2, 0)->text(), "c");
  EXPECT_EQ(table->item(0, 1)->text(), "0.5");
  EXPECT_EQ(table->item(1, 1)->text(), "");  // NaN: nothing measured
  ASSERT_TRUE(pane.showTable("other"));
  EXPECT_EQ(table->rowCount(), 2);
  EXPECT_FALSE(pane.showTable("missing"));
  const auto series = pane.chart()->series();
  ASSERT_EQ(series.size(), 1);
  EXPECT_EQ(static_cast<QLineSeries*>(series[0])->count(), 3);
  EXPECT_EQ(pane.pictureCount(), 1);
  pane.clear();
  EXPECT_FALSE(pane.hasData());
  EXPECT_EQ(pane.table()->rowCount(), 0);
}

TEST(ResultPaneTest, NamesTablesColumnsChoicesAndCurvesInTheWindowsLanguage) {
  LessonResult r;
  r.lesson = "security";
  r.tables.push_back({"security_comparison",
                      {{"attack", {}, {"sign-flip", "none"}},
                       {"test_accuracy", {0.81, 0.85}, {}},
                       {"bytes", {4077310, 820454}, {}}}});
  r.tables.push_back({"aggregation", {{"method", {}, {"S-DNN"}}}});
  r.tables.push_back({"detection", {{"worker", {0, 1}, {}}, {"attacker", {0, 1}, {}}}});
  r.curves.push_back({"test_accuracy", "round", "test_accuracy", {1, 2}, {0.5, 0.6}});
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  ASSERT_TRUE(QCoreApplication::installTranslator(&chinese));
  widgets::ResultPane pane;
  pane.setData(resultData(r));
  QTableWidget* table = pane.table();
  ASSERT_EQ(table->columnCount(), 3);
  EXPECT_EQ(table->horizontalHeaderItem(0)->text(), QString::fromUtf8("攻击"));
  EXPECT_EQ(table->horizontalHeaderItem(1)->text(), QString::fromUtf8("测试准确率"));
  EXPECT_EQ(table->horizontalHeaderItem(1)->toolTip(), "test_accuracy");  // the CSV's name
  // The attack's id named as the form names it; a count in full, not 4.07731e+06.
  EXPECT_EQ(table->item(0, 0)->text(), widgets::ChoiceNames::name("security.attack", "sign-flip"));
  EXPECT_NE(table->item(0, 0)->text(), "sign-flip");
  EXPECT_EQ(table->item(0, 2)->text(), QLocale().toString(qlonglong{4077310}));
  EXPECT_EQ(table->item(0, 1)->text(), QLocale().toString(0.81, 'g', 6));
  const auto* y = qobject_cast<QValueAxis*>(pane.chart()->axes(Qt::Vertical).value(0));
  ASSERT_NE(y, nullptr);
  EXPECT_EQ(y->titleText(), QString::fromUtf8("测试准确率"));
  EXPECT_EQ(pane.chart()->series().value(0)->name(), QString::fromUtf8("测试准确率"));
  // Picked by id; an unnamed value (a proper name) stays as it is.
  ASSERT_TRUE(pane.showTable("aggregation"));
  EXPECT_EQ(table->item(0, 0)->text(), "S-DNN");
  // A yes-or-no column in words; a count beside it as a number.
  ASSERT_TRUE(pane.showTable("detection"));
  EXPECT_EQ(table->item(1, 1)->text(), QString::fromUtf8("是"));
  EXPECT_EQ(table->item(0, 1)->text(), QString::fromUtf8("否"));
  EXPECT_EQ(table->item(1, 0)->text(), "1");
  ASSERT_TRUE(pane.showTable("aggregation"));
  // Back to English while shown: everything named again.
  QCoreApplication::removeTranslator(&chinese);
  QCoreApplication::processEvents();
  EXPECT_EQ(table->horizontalHeaderItem(0)->text(), "method");
  ASSERT_TRUE(pane.showTable("security_comparison"));
  EXPECT_EQ(table->horizontalHeaderItem(1)->text(), "test accuracy");
}

/// The names of `pattern`'s first capture in every lesson source of the engine.
std::set<QString> namesInEngineSources(const QRegularExpression& pattern) {
  std::set<QString> names;
  QDirIterator files(QStringLiteral(DISTLAB_SOURCE_DIR "/engine/lessons"), {"*.cpp"},
                     QDir::Files, QDirIterator::Subdirectories);
  while (files.hasNext()) {
    QFile file(files.next());
    if (!file.open(QIODevice::ReadOnly)) continue;
    const QString text = QString::fromUtf8(file.readAll());
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
      const auto match = it.next();
      for (int i = 1; i <= pattern.captureCount(); ++i) names.insert(match.captured(i));
    }
  }
  return names;
}

TEST(ResultPaneTest, EveryTableAndColumnTheEngineWritesHasAName) {
  const auto tables = namesInEngineSources(QRegularExpression(
      R"re((?:ResultTable\s+\w+\s*\{|tables\.push_back\(\{)\s*"([a-z0-9_]+)")re"));
  const auto columns = namesInEngineSources(
      QRegularExpression(R"re((?:numbers|texts)\("([A-Za-z0-9_]+)")re"));
  const auto axes = namesInEngineSources(QRegularExpression(
      R"re((?:ResultCurve\s+\w+\s*\{|curves\.push_back\(\{)[^,]+,\s*"([a-z_]+)",\s*"([a-z_]+)")re"));
  // The scan itself works: the lessons write dozens of tables and over a hundred columns.
  EXPECT_GT(tables.size(), 30u);
  EXPECT_GT(columns.size(), 120u);
  EXPECT_GT(axes.size(), 5u);
  const QStringList knownTables = widgets::ResultNames::knownTables();
  const QStringList knownColumns = widgets::ResultNames::knownColumns();
  for (const QString& t : tables) EXPECT_TRUE(knownTables.contains(t)) << t.toStdString();
  for (const QString& c : columns) EXPECT_TRUE(knownColumns.contains(c)) << c.toStdString();
  for (const QString& c : axes) EXPECT_TRUE(knownColumns.contains(c)) << c.toStdString();
}

// The ids the lessons write into text columns as literals (the methods they compare) have names.
TEST(ResultPaneTest, EveryMethodALessonListsHasAName) {
  std::set<QString> ids;
  const auto lists = namesInEngineSources(QRegularExpression(
      R"re((?:texts\("\w+",\s*|texts\s*=\s*)\{([^}]*)\})re"));
  for (const QString& list : lists) {
    for (auto it = QRegularExpression(R"re("([a-z_]+)")re").globalMatch(list); it.hasNext();) {
      ids.insert(it.next().captured(1));
    }
  }
  // Lesson 1's methods: {std::pair{"central", ...}, {"gradient_averaging", ...}, ...}.
  for (const QString& id : namesInEngineSources(
           QRegularExpression(R"re((?:std::pair\{|^\s+\{)"([a-z_]+)", (?:one|plain)\.)re",
                              QRegularExpression::MultilineOption))) {
    ids.insert(id);
  }
  EXPECT_GE(ids.size(), 8u);  // skeleton, model_averaging, data_parallel, tensor, central, ...
  for (const QString& id : ids) {
    EXPECT_NE(widgets::ResultNames::value({}, {}, id), id) << id.toStdString();
  }
}

// A lesson's runs in a text column, and its ROC curves, as the lesson's own view names them.
TEST(ResultPaneTest, ALessonsRunsAreNamedAsItsViewNamesThem) {
  using widgets::ResultNames;
  widgets::CompressionData::Run topk;
  topk.encoder = "topk";
  topk.ratio = 0.01;
  topk.feedback = true;
  EXPECT_EQ(ResultNames::value("compression", "run", "topk-0.01+ef"),
            widgets::CompressionView::runName(topk));
  widgets::CompressionData::Run qsgd;
  qsgd.encoder = "qsgd";
  qsgd.levels = 4;
  EXPECT_EQ(ResultNames::value("compression", "run", "qsgd-4"),
            widgets::CompressionView::runName(qsgd));
  widgets::PropertyData::Setting noise;
  noise.defense = "noise";
  noise.strength = 0.3;
  EXPECT_EQ(ResultNames::value("property_inference", "setting", "noise-0.3"),
            widgets::PropertyView::settingName(noise));
  widgets::PropertyData::Setting secure;
  secure.secure = true;
  EXPECT_EQ(ResultNames::value("property_inference", "setting", "secure-aggregation"),
            widgets::PropertyView::settingName(secure));
  EXPECT_EQ(ResultNames::curve("property", "roc noise-0.3"),
            "ROC: " + widgets::PropertyView::settingName(noise));
  EXPECT_EQ(ResultNames::value("privacy_comparison", "server_learns", "sum"),
            widgets::PrivacyComparisonTable::learnsName("sum"));
  // Only the convexity study's curves pair a start with a column.
  EXPECT_EQ(ResultNames::curve("convexity", "common ensemble_loss"),
            ResultNames::tr("%1: %2").arg(widgets::ChoiceNames::name("start", "common"),
                                          ResultNames::column({}, "ensemble_loss")));
  EXPECT_EQ(ResultNames::curve("aggregation", "S-DNN"), "S-DNN");
}

TEST(ResultPaneTest, EveryTableAndColumnNameIsSaidInChineseButTheSymbols) {
  const QStringList tables = widgets::ResultNames::knownTables();
  const QStringList columns = widgets::ResultNames::knownColumns();
  const QStringList symbols = widgets::ResultNames::symbolColumns();
  std::vector<QString> english;
  for (const QString& t : tables) english.push_back(widgets::ResultNames::table(t));
  for (const QString& c : columns) english.push_back(widgets::ResultNames::column({}, c));
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  ASSERT_TRUE(QCoreApplication::installTranslator(&chinese));
  std::size_t i = 0;
  for (const QString& t : tables) {
    EXPECT_NE(widgets::ResultNames::table(t), english[i++]) << t.toStdString();
  }
  for (const QString& c : columns) {
    const QString zh = widgets::ResultNames::column({}, c);
    if (symbols.contains(c)) {
      EXPECT_EQ(zh, english[i++]) << c.toStdString();
    } else {
      EXPECT_NE(zh, english[i++]) << c.toStdString();
    }
  }
  // A table's own meaning of an id: the people's weight is in kilograms, not a client's share.
  EXPECT_EQ(widgets::ResultNames::column("averaging_people", "weight"), QString::fromUtf8("体重（kg）"));
  EXPECT_EQ(widgets::ResultNames::column("averaging_clients", "weight"), QString::fromUtf8("权重"));
  QCoreApplication::removeTranslator(&chinese);
}

}  // namespace
}  // namespace distlab::app
