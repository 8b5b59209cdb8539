// Lesson 8c's view: the property attack's ROC curve for each protection, the victim's rounds as
// the server scored them, and AUC against accuracy (widgets/property_view.h).
#include <QCoreApplication>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/property_view.h"

namespace distlab::app {
namespace {

widgets::PropertyData propertyData(const engine::LessonResult& r, const QString& dataset,
                                   int propertyClass) {
  widgets::PropertyData d;
  d.dataset = dataset;
  d.propertyClass = propertyClass;
  const char* table = "property_inference";
  const QStringList defense = textsOf(r, table, "defense");
  const auto strength = numbersOf(r, table, "strength");
  const auto secure = numbersOf(r, table, "secure_aggregation");
  const auto rounds = numbersOf(r, table, "rounds");
  const auto share = numbersOf(r, table, "property_share");
  const auto auc = numbersOf(r, table, "auc");
  const auto attack = numbersOf(r, table, "attack_accuracy");
  const auto accuracy = numbersOf(r, table, "test_accuracy");
  // The ROC curves come in the table's order, one a run.
  std::vector<const engine::ResultCurve*> curves;
  for (const auto& c : r.curves) {
    if (c.xName == "false_positive_rate") curves.push_back(&c);
  }
  for (qsizetype i = 0; i < defense.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k >= strength.size() || k >= secure.size() || k >= rounds.size() || k >= share.size() ||
        k >= auc.size() || k >= attack.size() || k >= accuracy.size()) {
      break;
    }
    widgets::PropertyData::Setting s{defense[i], strength[k], secure[k] != 0,
                                     static_cast<int>(rounds[k]), share[k], auc[k], attack[k],
                                     accuracy[k], {}};
    if (k < curves.size()) {
      for (std::size_t p = 0; p < curves[k]->x.size() && p < curves[k]->y.size(); ++p) {
        s.roc.emplace_back(curves[k]->x[p], curves[k]->y[p]);
      }
    }
    d.settings.push_back(std::move(s));
  }
  d.scores = numbersOf(r, "property_rounds", "score");
  for (const double t : numbersOf(r, "property_rounds", "has_property")) d.truth.push_back(t != 0);
  return d;
}

class PropertyLessonView final : public WidgetLessonView<widgets::PropertyView> {
  Q_DECLARE_TR_FUNCTIONS(PropertyLessonView)

 public:
  QString lesson() const override { return "property"; }
  QString viewName() const override { return "property"; }
  QString title() const override { return tr("Property"); }
  QString toolTip() const override {
    return tr("Lesson 8c: what the server infers about a worker's batch from its gradient");
  }
  void prepare(const QJsonObject& spec) override {
    m_dataset = spec.value("dataset").toObject().value("name").toString("fashion-mnist");
    m_propertyClass = spec.value("privacy").toObject().value("property_class").toInt(0);
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(propertyData(result, m_dataset, m_propertyClass));
    const auto& settings = m_view->data().settings;
    if (settings.empty()) return tr("Lesson 8c finished");
    return tr("Lesson 8c: the server told the victim's batches apart with AUC %1 (%2)")
        .arg(settings.front().auc, 0, 'f', 3)
        .arg(widgets::PropertyView::settingName(settings.front()));
  }

 private:
  QString m_dataset;
  int m_propertyClass = 0;
};

}  // namespace

std::unique_ptr<LessonView> makePropertyLessonView(const LessonViewContext&) {
  return std::make_unique<PropertyLessonView>();
}

}  // namespace distlab::app
