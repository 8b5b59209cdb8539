// Lesson 1's view: the people and fitted lines, the loss surface with the paths, the one-step
// table with the lecture's formula, and the loss per round (widgets/averaging_view.h).
#include <QCoreApplication>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/averaging_view.h"

namespace distlab::app {
namespace {

std::vector<QPointF> points(const std::vector<double>& a, const std::vector<double>& b,
                            std::size_t from = 0, std::size_t to = SIZE_MAX) {
  std::vector<QPointF> out;
  for (std::size_t i = from; i < std::min({a.size(), b.size(), to}); ++i) out.emplace_back(a[i], b[i]);
  return out;
}

widgets::AveragingData averagingData(const engine::LessonResult& r) {
  widgets::AveragingData d;
  auto first = [&](const char* column) {
    const auto v = numbersOf(r, "averaging_settings", column);
    return v.empty() ? 0.0 : v.front();
  };
  d.start = {first("start_a"), first("start_b")};
  d.lr = first("lr");
  d.localSteps = static_cast<int>(first("local_steps"));
  d.weighted = first("weighted") != 0;
  for (const double s : numbersOf(r, "averaging_clients", "size")) d.clientSizes.push_back(static_cast<int>(s));
  d.clientWeights = numbersOf(r, "averaging_clients", "weight");
  d.oneStepClientModels = points(numbersOf(r, "averaging_clients", "model_a"),
                                 numbersOf(r, "averaging_clients", "model_b"));
  const QStringList methods = textsOf(r, "averaging_one_step", "method");
  const auto oneStep = points(numbersOf(r, "averaging_one_step", "a"),
                              numbersOf(r, "averaging_one_step", "b"));
  for (int i = 0; i < methods.size() && i < static_cast<int>(oneStep.size()); ++i) {
    const QPointF p = oneStep[static_cast<std::size_t>(i)];
    if (methods[i] == "central") d.oneStepCentral = p;
    if (methods[i] == "gradient_averaging") d.oneStepGradientAveraging = p;
    if (methods[i] == "model_averaging") d.oneStepModelAveraging = p;
    if (methods[i] == "plain_mean") d.oneStepPlainMean = p;
  }
  const char* rounds = "averaging_rounds";
  d.central = points(numbersOf(r, rounds, "central_a"), numbersOf(r, rounds, "central_b"));
  d.gradientAveraging = points(numbersOf(r, rounds, "gradient_averaging_a"),
                               numbersOf(r, rounds, "gradient_averaging_b"));
  d.modelAveraging = points(numbersOf(r, rounds, "model_averaging_a"),
                            numbersOf(r, rounds, "model_averaging_b"));
  // The losses are measured after each round: row 0 (the start) has none.
  for (const char* column : {"averaged_model_loss", "mean_client_loss"}) {
    auto values = numbersOf(r, rounds, column);
    if (!values.empty()) values.erase(values.begin());
    (column[0] == 'a' ? d.averagedModelLoss : d.meanClientLoss) = values;
  }
  const auto client = numbersOf(r, "averaging_client_paths", "client");
  const auto a = numbersOf(r, "averaging_client_paths", "a");
  const auto b = numbersOf(r, "averaging_client_paths", "b");
  for (std::size_t i = 0; i < std::min({client.size(), a.size(), b.size()}); ++i) {
    const auto k = static_cast<std::size_t>(client[i]);
    if (d.clientPaths.size() <= k) d.clientPaths.resize(k + 1);
    d.clientPaths[k].emplace_back(a[i], b[i]);
  }
  const auto height = numbersOf(r, "averaging_people", "height");
  const auto weight = numbersOf(r, "averaging_people", "weight");
  const auto owner = numbersOf(r, "averaging_people", "client");
  for (std::size_t i = 0; i < std::min({height.size(), weight.size(), owner.size()}); ++i) {
    d.people.push_back({height[i], weight[i], static_cast<int>(owner[i])});
  }
  return d;
}

class AveragingLessonView final : public WidgetLessonView<widgets::AveragingView> {
  Q_DECLARE_TR_FUNCTIONS(AveragingLessonView)

 public:
  QString lesson() const override { return "averaging"; }
  QString viewName() const override { return "averaging"; }
  QString title() const override { return tr("Averaging"); }
  QString toolTip() const override {
    return tr("Lesson 1: gradient averaging vs model averaging on the lecture's linear regression");
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(averagingData(result));
    return tr("Lesson 1 computed. %1").arg(m_view->verdict());
  }
};

}  // namespace

std::unique_ptr<LessonView> makeAveragingLessonView(const LessonViewContext&) {
  return std::make_unique<AveragingLessonView>();
}

}  // namespace distlab::app
