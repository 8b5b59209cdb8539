#include <QFileInfo>

#include "app/lesson_views/lesson_view.h"

namespace distlab::app {

std::unique_ptr<LessonView> makeAveragingLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeAggregationLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeConvexityLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makePrivacyLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeModelPartitionLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeFederatedLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeSecurityLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeAdversarialLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makePropertyLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeCompressionLessonView(const LessonViewContext&);
std::unique_ptr<LessonView> makeRingLessonView(const LessonViewContext&);

std::vector<std::unique_ptr<LessonView>> makeLessonViews(const LessonViewContext& context) {
  std::vector<std::unique_ptr<LessonView>> views;
  for (auto make : {makeAveragingLessonView, makeAggregationLessonView, makeConvexityLessonView,
                    makePrivacyLessonView, makeModelPartitionLessonView,
                    makeFederatedLessonView, makeSecurityLessonView,
                    makeAdversarialLessonView, makePropertyLessonView,
                    makeCompressionLessonView, makeRingLessonView}) {
    views.push_back(make(context));
  }
  return views;
}

void LessonView::rememberFiles(const engine::LessonResult& result) {
  m_files.clear();
  for (const auto& t : result.tables) m_files << QString::fromStdString(t.name) + ".csv";
  for (const auto& i : result.images) m_files << QString::fromStdString(i.name) + ".png";
}

}  // namespace distlab::app
