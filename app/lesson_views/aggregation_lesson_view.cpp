// Lesson 5's view: S-DNN, MA-DNN, E-DNN and EC-DNN compared (widgets/aggregation_view.h).
#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/aggregation_view.h"
#include "widgets/figure_text.h"

namespace distlab::app {
namespace {

widgets::AggregationData aggregationData(const engine::LessonResult& r) {
  widgets::AggregationData d;
  const QStringList names = textsOf(r, "aggregation_summary", "method");
  const auto workers = numbersOf(r, "aggregation_summary", "workers");
  const auto accuracy = numbersOf(r, "aggregation_summary", "final_test_accuracy");
  const auto size = numbersOf(r, "aggregation_summary", "model_parameters");
  const auto bytes = numbersOf(r, "aggregation_summary", "bytes");
  const auto wall = numbersOf(r, "aggregation_summary", "wall_s");
  const QStringList curveMethod = textsOf(r, "aggregation", "method");
  const auto round = numbersOf(r, "aggregation", "round");
  const auto epoch = numbersOf(r, "aggregation", "epoch");
  const auto seconds = numbersOf(r, "aggregation", "elapsed_s");
  const auto testAccuracy = numbersOf(r, "aggregation", "test_accuracy");
  const auto curveBytes = numbersOf(r, "aggregation", "bytes");
  for (int m = 0; m < names.size(); ++m) {
    const auto i = static_cast<std::size_t>(m);
    if (i >= workers.size() || i >= accuracy.size() || i >= size.size() || i >= bytes.size() ||
        i >= wall.size()) {
      break;
    }
    widgets::AggregationData::Method method;
    method.name = names[m];
    method.workers = static_cast<int>(workers[i]);
    method.finalAccuracy = accuracy[i];
    method.modelParameters = static_cast<long long>(size[i]);
    method.bytes = bytes[i];
    method.wallSeconds = wall[i];
    for (int p = 0; p < curveMethod.size(); ++p) {
      const auto j = static_cast<std::size_t>(p);
      if (curveMethod[p] != method.name || j >= testAccuracy.size()) continue;
      method.curve.push_back({static_cast<int>(round[j]), epoch[j], seconds[j], testAccuracy[j],
                              curveBytes[j]});
    }
    d.methods.push_back(std::move(method));
  }
  return d;
}

class AggregationLessonView final : public WidgetLessonView<widgets::AggregationView> {
  Q_DECLARE_TR_FUNCTIONS(AggregationLessonView)

 public:
  QString lesson() const override { return "aggregation"; }
  QString viewName() const override { return "aggregation"; }
  QString title() const override { return tr("Aggregation"); }
  QString toolTip() const override {
    return tr("Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared");
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    auto data = aggregationData(result);
    for (const auto& m : data.methods) {
      emit logLine(tr("%1: test accuracy %2%, model of %3 parameters, %4 sent, %5 s")
                       .arg(m.name)
                       .arg(m.finalAccuracy * 100.0, 0, 'f', 2)
                       .arg(m.modelParameters)
                       .arg(widgets::bytesText(m.bytes))
                       .arg(m.wallSeconds, 0, 'f', 1));
    }
    m_view->setData(std::move(data));
    return tr("Lesson 5 done: the four methods are compared in the Aggregation tab");
  }
};

}  // namespace

std::unique_ptr<LessonView> makeAggregationLessonView(const LessonViewContext&) {
  return std::make_unique<AggregationLessonView>();
}

}  // namespace distlab::app
