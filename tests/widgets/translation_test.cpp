#include <QApplication>
#include <QChart>
#include <QLineSeries>
#include <QTranslator>
#include <QValueAxis>

#include <gtest/gtest.h>

#include "widgets/training_chart.h"

namespace distlab::widgets {
namespace {

TEST(TranslationTest, SwitchingToChineseRetranslatesTheChart) {
  TrainingChart chart;
  EXPECT_EQ(chart.chart()->title(), "Training progress");
  EXPECT_EQ(chart.epochAxis()->titleText(), "Epoch");
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  ASSERT_TRUE(QCoreApplication::installTranslator(&chinese));
  QCoreApplication::processEvents();  // delivers QEvent::LanguageChange
  EXPECT_EQ(chart.chart()->title(), QString::fromUtf8("训练进度"));
  EXPECT_EQ(chart.accuracySeries()->name(), QString::fromUtf8("测试准确率"));
  EXPECT_EQ(chart.lossAxis()->titleText(), QString::fromUtf8("损失"));
  QCoreApplication::removeTranslator(&chinese);
  QCoreApplication::processEvents();
  EXPECT_EQ(chart.chart()->title(), "Training progress");
  EXPECT_EQ(chart.lossAxis()->titleText(), "Loss");
}

TEST(TranslationTest, ChartCreatedUnderChineseStartsInChinese) {
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  ASSERT_TRUE(QCoreApplication::installTranslator(&chinese));
  TrainingChart chart;
  EXPECT_EQ(chart.testLossSeries()->name(), QString::fromUtf8("测试损失"));
  QCoreApplication::removeTranslator(&chinese);
}

}  // namespace
}  // namespace distlab::widgets
