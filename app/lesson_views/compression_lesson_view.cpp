// Lesson 4b's view: accuracy against bytes pushed for each update encoding
// (widgets/compression_view.h).
#include <QCoreApplication>

#include <algorithm>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/compression_view.h"

namespace distlab::app {
namespace {

widgets::CompressionData compressionData(const engine::LessonResult& r) {
  widgets::CompressionData d;
  const char* table = "compression";
  const QStringList encoder = textsOf(r, table, "encoder");
  const auto ratio = numbersOf(r, table, "ratio");
  const auto levels = numbersOf(r, table, "levels");
  const auto feedback = numbersOf(r, table, "error_feedback");
  const auto pushed = numbersOf(r, table, "bytes_pushed");
  const auto raw = numbersOf(r, table, "raw_bytes");
  const auto accuracy = numbersOf(r, table, "test_accuracy");
  const auto seconds = numbersOf(r, table, "wall_s");
  const auto pareto = numbersOf(r, table, "pareto");
  for (qsizetype i = 0; i < encoder.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k >= ratio.size() || k >= levels.size() || k >= feedback.size() || k >= pushed.size() ||
        k >= raw.size() || k >= accuracy.size() || k >= seconds.size() || k >= pareto.size()) {
      break;
    }
    d.runs.push_back({encoder[i], ratio[k], static_cast<int>(levels[k]), feedback[k] != 0,
                      pushed[k], raw[k], accuracy[k], seconds[k], pareto[k] != 0});
  }
  return d;
}

class CompressionLessonView final : public WidgetLessonView<widgets::CompressionView> {
  Q_DECLARE_TR_FUNCTIONS(CompressionLessonView)

 public:
  QString lesson() const override { return "compression"; }
  QString viewName() const override { return "compression"; }
  QString title() const override { return tr("Compression"); }
  QString toolTip() const override {
    return tr("Lesson 4b: test accuracy against the bytes pushed, for each update encoding");
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(compressionData(result));
    const auto& runs = m_view->data().runs;
    if (runs.empty()) return tr("Lesson 4b finished");
    return tr("Lesson 4b: %1 runs compared, %2 on the front")
        .arg(runs.size())
        .arg(std::count_if(runs.begin(), runs.end(), [](const auto& r) { return r.pareto; }));
  }
};

}  // namespace

std::unique_ptr<LessonView> makeCompressionLessonView(const LessonViewContext&) {
  return std::make_unique<CompressionLessonView>();
}

}  // namespace distlab::app
