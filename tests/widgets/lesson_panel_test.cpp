#include <QLabel>

#include <gtest/gtest.h>

#include "widgets/lesson_panel.h"

namespace distlab::widgets {
namespace {

TEST(LessonPanelTest, ShowsTitleAndDescription) {
  LessonPanel panel;
  panel.setLesson("Lesson 4", "BSP waits for the slowest worker.");
  EXPECT_EQ(panel.title(), "Lesson 4");
  EXPECT_EQ(panel.description(), "BSP waits for the slowest worker.");
  const auto labels = panel.findChildren<QLabel*>();
  ASSERT_EQ(labels.size(), 2);
  EXPECT_TRUE(labels[1]->wordWrap());
  EXPECT_TRUE(labels[0]->font().bold());
}

}  // namespace
}  // namespace distlab::widgets
