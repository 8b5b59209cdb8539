// Lesson 8b's view: the curves of each training, the summary, the captions of the attacked
// examples (class names, answers, a changed answer in red).
#include <QChart>
#include <QImage>
#include <QLineSeries>

#include <gtest/gtest.h>

#include "widgets/adversarial_view.h"

namespace distlab::widgets {
namespace {

AdversarialData sample() {
  AdversarialData d;
  d.dataset = "fashion-mnist";
  d.epsilon = 0.1;
  d.trainings = {{"pgd", 0.64, 0.43, 4.4, {{0, 0.64}, {0.1, 0.43}}},
                 {"none", 0.80, 0.07, 0.8, {{0, 0.80}, {0.1, 0.07}}}};
  d.examples = {{9, 9, 5, 0.57, 0.35}, {1, 1, 1, 0.99, 0.95}};
  d.grid = QImage(2 * 88 + 4, 3 * 88 + 4, QImage::Format_RGB32);
  d.grid.fill(Qt::gray);
  return d;
}

TEST(AdversarialViewTest, ShowsEachTrainingsCurveAndTheAttackedExamples) {
  AdversarialView view;
  EXPECT_FALSE(view.hasData());
  view.setData(sample());
  ASSERT_TRUE(view.hasData());
  const auto series = view.chart()->series();
  ASSERT_EQ(series.size(), 2);
  EXPECT_EQ(series[0]->name(), "adversarial training (PGD)");
  EXPECT_EQ(series[1]->name(), "plain training");
  EXPECT_EQ(static_cast<QLineSeries*>(series[1])->points().size(), 2);
  EXPECT_DOUBLE_EQ(static_cast<QLineSeries*>(series[1])->points()[1].y(), 0.07);
  // The first example: an ankle boot taken for a sandal under attack.
  const QStringList caption = view.caption(0);
  ASSERT_EQ(caption.size(), 3);
  EXPECT_EQ(caption[0], "Ankle boot");
  EXPECT_EQ(caption[1], "Ankle boot 57.0%");
  EXPECT_EQ(caption[2], "Sandal 35.0%");
  EXPECT_TRUE(view.caption(5).isEmpty());
  const QString summary = view.summary();
  EXPECT_TRUE(summary.contains("64.0% clean, 43.0% attacked")) << summary.toStdString();
  EXPECT_TRUE(summary.contains("changed 1 of 2 answers")) << summary.toStdString();
  view.resize(900, 600);
  const QImage picture = view.grab().toImage();  // paints the strip without trouble
  EXPECT_FALSE(picture.isNull());
  view.clear();
  EXPECT_FALSE(view.hasData());
  EXPECT_TRUE(view.chart()->series().isEmpty());
}

}  // namespace
}  // namespace distlab::widgets
