// Lesson 6's view, live while a federated run trains: the participation grid and the client
// drift (widgets/federated_view.h), from the federated_round records.
#include <QCoreApplication>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/federated_view.h"

namespace distlab::app {
namespace {

widgets::ParticipationChart::Cell cellOf(engine::ClientOutcome outcome) {
  using C = widgets::ParticipationChart::Cell;
  using O = engine::ClientOutcome;
  switch (outcome) {
    case O::LateCarried:
      return C::LateCarried;
    case O::LateDropped:
      return C::LateDropped;
    case O::DroppedOut:
      return C::DroppedOut;
    case O::Lost:
      return C::Lost;
    case O::Trained:
      break;
  }
  return C::Trained;
}

widgets::FederatedRoundData roundData(const engine::FederatedRound& r) {
  widgets::FederatedRoundData d;
  d.round = static_cast<int>(r.round);
  d.attempt = r.attempt;
  d.available = r.available;
  d.offline = r.offline;
  d.sampled = r.sampled;
  d.carried = r.carried;
  for (auto o : r.outcomes) d.outcomes.push_back(cellOf(o));
  d.applied = r.applied;
  d.meanNorm = r.meanNorm;
  d.normSpread = r.normSpread;
  d.meanCosine = r.meanCosine;
  d.secure = r.secure != engine::SecureRound::Off;
  d.recovered = r.recovered;
  return d;
}

/// fl.compare_privacy's table, row by row.
std::vector<widgets::PrivacyComparisonRow> privacyRows(const engine::LessonResult& r) {
  const char* table = "privacy_comparison";
  const QStringList protection = textsOf(r, table, "protection");
  const QStringList learns = textsOf(r, table, "server_learns");
  const auto accuracy = numbersOf(r, table, "test_accuracy");
  const auto epsilon = numbersOf(r, table, "epsilon");
  const auto up = numbersOf(r, table, "bytes_up_per_client_round");
  const auto down = numbersOf(r, table, "bytes_down_per_client_round");
  const auto serverMs = numbersOf(r, table, "server_ms_per_round");
  const auto seconds = numbersOf(r, table, "seconds_per_round");
  std::vector<widgets::PrivacyComparisonRow> rows;
  for (qsizetype i = 0; i < protection.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (i >= learns.size() || k >= accuracy.size() || k >= epsilon.size() || k >= up.size() ||
        k >= down.size() || k >= serverMs.size() || k >= seconds.size()) {
      break;
    }
    rows.push_back({protection[i], learns[i], accuracy[k], epsilon[k], up[k], down[k],
                    serverMs[k], seconds[k]});
  }
  return rows;
}

/// "FedProx" on the run's data, "FedAvg, IID" on shuffle-split data (the chart's title says the
/// run's data are the others).
QString curveLabel(const QString& rule, const QString& partition, const QString& runs) {
  const QString name = rule == "fedavg"     ? QStringLiteral("FedAvg")
                       : rule == "fedprox"  ? QStringLiteral("FedProx")
                       : rule == "scaffold" ? QStringLiteral("SCAFFOLD")
                                            : rule;
  if (partition == "shuffle-split" && runs != partition) {
    return QCoreApplication::translate("FederatedLessonView", "%1, IID").arg(name);
  }
  return name;
}

std::vector<widgets::ComparisonCurve> comparisonCurves(const engine::LessonResult& r) {
  const QStringList rules = textsOf(r, "comparison_curves", "rule");
  const QStringList data = textsOf(r, "comparison_curves", "data");
  const auto rounds = numbersOf(r, "comparison_curves", "round");
  const auto accuracy = numbersOf(r, "comparison_curves", "test_accuracy");
  std::vector<widgets::ComparisonCurve> curves;
  for (qsizetype i = 0; i < rules.size() && i < data.size() &&
                        static_cast<std::size_t>(i) < rounds.size() &&
                        static_cast<std::size_t>(i) < accuracy.size();
       ++i) {
    const QString label = curveLabel(rules[i], data[i], data.front());
    if (curves.empty() || curves.back().label != label) curves.push_back({label, {}});
    curves.back().points.emplace_back(rounds[static_cast<std::size_t>(i)],
                                      accuracy[static_cast<std::size_t>(i)]);
  }
  return curves;
}

class FederatedLessonView final : public WidgetLessonView<widgets::FederatedView> {
  Q_DECLARE_TR_FUNCTIONS(FederatedLessonView)

 public:
  QString lesson() const override { return "federated"; }
  QString viewName() const override { return "federated"; }
  QString title() const override { return tr("Federated"); }
  QString toolTip() const override {
    return tr("Lesson 6: who took part in each round, and how far the clients' updates spread");
  }
  void prepare(const QJsonObject& spec) override {
    if (spec.value("experiment").toString() != lesson()) return;
    m_view->clear();
    const QJsonObject fl = spec.value("fl").toObject();
    m_view->setClients(fl.value("clients").toInt(20));
    m_view->setRounds(fl.value("rounds").toInt(30));
  }
  void onEvents(const std::vector<engine::Event>& batch) override {
    for (const auto& event : batch) {
      if (const auto* round = std::get_if<engine::FederatedRound>(&event)) {
        m_view->addRound(roundData(*round));
      }
    }
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setComparison(comparisonCurves(result));
    m_view->setPrivacyComparison(privacyRows(result));
    const auto accuracy = numbersOf(result, "federated", "test_accuracy");
    const auto rounds = numbersOf(result, "federated", "rounds");
    if (accuracy.empty() || rounds.empty()) return tr("Lesson 6 finished");
    return tr("Lesson 6: %1% test accuracy after %2 rounds")
        .arg(accuracy.front() * 100.0, 0, 'f', 1)
        .arg(rounds.front());
  }
};

}  // namespace

std::unique_ptr<LessonView> makeFederatedLessonView(const LessonViewContext&) {
  return std::make_unique<FederatedLessonView>();
}

}  // namespace distlab::app
