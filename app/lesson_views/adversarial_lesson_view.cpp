// Lesson 8b's view: robust accuracy against the budget for each way of training, and the
// examples before and after the attack (widgets/adversarial_view.h).
#include <QCoreApplication>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/adversarial_view.h"

namespace distlab::app {
namespace {

widgets::AdversarialData adversarialData(const engine::LessonResult& r, const QString& dataset) {
  widgets::AdversarialData d;
  d.dataset = dataset;
  const QStringList names = textsOf(r, "adversarial_summary", "training");
  const auto clean = numbersOf(r, "adversarial_summary", "clean_accuracy");
  const auto robust = numbersOf(r, "adversarial_summary", "robust_accuracy");
  const auto epsilon = numbersOf(r, "adversarial_summary", "epsilon");
  const auto seconds = numbersOf(r, "adversarial_summary", "train_seconds");
  const QStringList curveNames = textsOf(r, "robustness", "training");
  const auto curveEpsilon = numbersOf(r, "robustness", "epsilon");
  const auto curveAccuracy = numbersOf(r, "robustness", "test_accuracy");
  if (!epsilon.empty()) d.epsilon = epsilon.front();
  for (qsizetype i = 0; i < names.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k >= clean.size() || k >= robust.size() || k >= seconds.size()) break;
    widgets::AdversarialData::Training t{names[i], clean[k], robust[k], seconds[k], {}};
    for (qsizetype j = 0; j < curveNames.size(); ++j) {
      const auto m = static_cast<std::size_t>(j);
      if (curveNames[j] == t.name && m < curveEpsilon.size() && m < curveAccuracy.size()) {
        t.curve.emplace_back(curveEpsilon[m], curveAccuracy[m]);
      }
    }
    d.trainings.push_back(std::move(t));
  }
  const char* table = "adversarial_examples";
  const auto label = numbersOf(r, table, "label");
  const auto cleanClass = numbersOf(r, table, "clean_class");
  const auto cleanConfidence = numbersOf(r, table, "clean_confidence");
  const auto attacked = numbersOf(r, table, "adversarial_class");
  const auto attackedConfidence = numbersOf(r, table, "adversarial_confidence");
  for (std::size_t i = 0; i < label.size() && i < cleanClass.size() && i < attacked.size() &&
                          i < cleanConfidence.size() && i < attackedConfidence.size();
       ++i) {
    d.examples.push_back({static_cast<int>(label[i]), static_cast<int>(cleanClass[i]),
                          static_cast<int>(attacked[i]), cleanConfidence[i],
                          attackedConfidence[i]});
  }
  for (const auto& image : r.images) {
    if (image.name == table) d.grid = qtImage(image.image);
  }
  return d;
}

class AdversarialLessonView final : public WidgetLessonView<widgets::AdversarialView> {
  Q_DECLARE_TR_FUNCTIONS(AdversarialLessonView)

 public:
  QString lesson() const override { return "adversarial"; }
  QString viewName() const override { return "adversarial"; }
  QString title() const override { return tr("Adversarial"); }
  QString toolTip() const override {
    return tr(
        "Lesson 8b: accuracy under attack for each way of training, and the attacked "
        "images");
  }
  void prepare(const QJsonObject& spec) override {
    m_dataset = spec.value("dataset").toObject().value("name").toString("fashion-mnist");
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(adversarialData(result, m_dataset));
    const auto& trainings = m_view->data().trainings;
    if (trainings.empty()) return tr("Lesson 8b finished");
    return tr("Lesson 8b: %1, %2% clean and %3% under attack")
        .arg(widgets::AdversarialView::trainingName(trainings.front().name))
        .arg(trainings.front().clean * 100.0, 0, 'f', 1)
        .arg(trainings.front().robust * 100.0, 0, 'f', 1);
  }

 private:
  QString m_dataset = "fashion-mnist";
};

}  // namespace

std::unique_ptr<LessonView> makeAdversarialLessonView(const LessonViewContext&) {
  return std::make_unique<AdversarialLessonView>();
}

}  // namespace distlab::app
