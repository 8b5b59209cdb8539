// What the lessons' own views say in the log of a result, from records shaped as the engine
// writes them.
#include <QLocale>
#include <QSignalSpy>

#include <algorithm>

#include <gtest/gtest.h>

#include "app/lesson_views/lesson_view.h"

namespace distlab::app {
namespace {

using engine::LessonResult;

// Lesson 5's line per method gives its traffic in the SI unit that suits it, with the locale's
// digits, as the status bar does (not "4077.3 MB sent").
TEST(LessonViewsTest, LessonFivesLogSaysEachMethodsTrafficInSiUnits) {
  const QLocale before;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  auto views = makeLessonViews({[] { return QString(); }, [] { return false; },
                                [] { return QJsonObject(); }});
  const auto aggregation = std::find_if(views.begin(), views.end(), [](const auto& v) {
    return v->lesson() == "aggregation";
  });
  ASSERT_NE(aggregation, views.end());
  LessonResult r;
  r.lesson = "aggregation";
  r.tables.push_back({"aggregation_summary",
                      {{"method", {}, {"S-DNN", "MA-DNN"}},
                       {"workers", {1, 4}, {}},
                       {"final_test_accuracy", {0.85, 0.84}, {}},
                       {"model_parameters", {235146, 235146}, {}},
                       {"bytes", {0, 4077310000}, {}},
                       {"wall_s", {3.2, 5.1}, {}}}});
  QSignalSpy lines(aggregation->get(), &LessonView::logLine);
  (*aggregation)->show(r);
  QLocale::setDefault(before);
  ASSERT_EQ(lines.size(), 2);
  EXPECT_EQ(lines[1][0].toString().toStdString(),
            "MA-DNN: test accuracy 84.00%, model of 235146 parameters, 4.1 GB sent, 5.1 s");
}

}  // namespace
}  // namespace distlab::app
