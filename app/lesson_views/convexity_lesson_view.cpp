// The convexity study's view: averaged model, members and ensemble per round, from a common
// start and from different starts (widgets/convexity_view.h).
#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/convexity_view.h"

namespace distlab::app {
namespace {

widgets::ConvexityData convexityData(const engine::LessonResult& r) {
  widgets::ConvexityData d;
  const QStringList start = textsOf(r, "convexity", "start");
  const auto round = numbersOf(r, "convexity", "round");
  const auto averaged = numbersOf(r, "convexity", "averaged_model_loss");
  const auto mean = numbersOf(r, "convexity", "mean_member_loss");
  const auto ensemble = numbersOf(r, "convexity", "ensemble_loss");
  for (int i = 0; i < start.size(); ++i) {
    const auto j = static_cast<std::size_t>(i);
    if (j >= ensemble.size()) break;
    const widgets::ConvexityData::Round row{static_cast<int>(round[j]), averaged[j], mean[j],
                                            ensemble[j]};
    // The study's two cases, by the names it gives them.
    (start[i] == "common" ? d.commonStart : d.differentStarts).push_back(row);
  }
  return d;
}

class ConvexityLessonView final : public WidgetLessonView<widgets::ConvexityView> {
  Q_DECLARE_TR_FUNCTIONS(ConvexityLessonView)

 public:
  QString lesson() const override { return "convexity"; }
  QString viewName() const override { return "convexity"; }
  QString title() const override { return tr("Convexity"); }
  QString toolTip() const override {
    return tr("Lesson 5: averaging parameters vs averaging outputs");
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(convexityData(result));
    return tr("Convexity study done: see the Convexity tab");
  }
};

}  // namespace

std::unique_ptr<LessonView> makeConvexityLessonView(const LessonViewContext&) {
  return std::make_unique<ConvexityLessonView>();
}

}  // namespace distlab::app
