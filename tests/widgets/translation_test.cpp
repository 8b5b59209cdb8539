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
  ASSERT_TRUE(chinese.load(QString(DISTLAB_QM_DIR) + "/distlab_zh_CN.qm"));
  ASSERT_TRUE(QCoreApplication::installTranslator(&chinese));
  QCoreApplication::processEvents();  // delivers QEvent::LanguageChange
  EXPECT_EQ(chart.chart()->title(), QString::fromUtf8("训练进度"));
  EXPECT_EQ(chart.accuracySeries()->name(), QString::fromUtf8("测试准确率"));
  EXPECT_EQ(chart.lossAxis()->titleText(), QString::fromUtf8("损失（交叉熵）"));
  QCoreApplication::removeTranslator(&chinese);
  QCoreApplication::processEvents();
  EXPECT_EQ(chart.chart()->title(), "Training progress");
}

}  // namespace
}  // namespace distlab::widgets
