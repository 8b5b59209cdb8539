// Lesson 8's view, live while a run under attack trains (experiment security, or a cluster run
// with a security section): the detection dashboard (widgets/security_view.h) from the
// push_verdicts records, and after the lesson the comparison of rules and attacks.
#include <QCoreApplication>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/security_view.h"

namespace distlab::app {
namespace {

widgets::VerdictGrid::Fate fateOf(engine::PushFate fate) {
  using F = widgets::VerdictGrid::Fate;
  switch (fate) {
    case engine::PushFate::Clipped:
      return F::Clipped;
    case engine::PushFate::Excluded:
      return F::Excluded;
    case engine::PushFate::Kept:
      break;
  }
  return F::Kept;
}

widgets::VerdictRoundData roundData(const engine::PushVerdicts& v) {
  widgets::VerdictRoundData d;
  d.update = static_cast<int>(v.update);
  d.workers = v.workers;
  for (const auto f : v.fates) d.fates.push_back(fateOf(f));
  d.norms = v.norms;
  d.cosines = v.cosines;
  d.scores = v.scores;
  return d;
}

std::vector<widgets::SecurityComparisonRow> comparisonRows(const engine::LessonResult& r) {
  const char* table = "security_comparison";
  const QStringList attacks = textsOf(r, table, "attack");
  const QStringList rules = textsOf(r, table, "rule");
  const auto accuracy = numbersOf(r, table, "test_accuracy");
  const auto backdoor = numbersOf(r, table, "backdoor_success");
  const auto precision = numbersOf(r, table, "flag_precision");
  const auto recall = numbersOf(r, table, "flag_recall");
  std::vector<widgets::SecurityComparisonRow> rows;
  for (qsizetype i = 0; i < attacks.size() && i < rules.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k >= accuracy.size() || k >= backdoor.size() || k >= precision.size() || k >= recall.size())
      break;
    rows.push_back({attacks[i], rules[i], accuracy[k], backdoor[k], precision[k], recall[k]});
  }
  return rows;
}

/// The spec makes the server judge its pushes: the security lesson, or an attack or a robust
/// rule in a cluster run.
bool judges(const QJsonObject& spec) {
  const QJsonObject security = spec.value("security").toObject();
  const QString attack = security.value("attack").toString("none");
  const QString rule = security.value("aggregator").toString("mean");
  return spec.value("experiment").toString() == "security" || attack != "none" || rule != "mean";
}

class SecurityLessonView final : public WidgetLessonView<widgets::SecurityView> {
  Q_DECLARE_TR_FUNCTIONS(SecurityLessonView)

 public:
  QString lesson() const override { return "security"; }
  QString viewName() const override { return "security"; }
  QString title() const override { return tr("Security"); }
  QString toolTip() const override {
    return tr("Lesson 8: the server's verdict on every push, and whether the attack got through");
  }
  void prepare(const QJsonObject& spec) override {
    if (!judges(spec)) return;
    m_view->clear();
    m_view->setWorkers(spec.value("cluster").toObject().value("workers").toInt(1));
  }
  void onEvents(const std::vector<engine::Event>& batch) override {
    bool changed = false;
    for (const auto& event : batch) {
      if (const auto* started = std::get_if<engine::RunStarted>(&event)) {
        m_view->setJudgesClients(started->rounds > 0);  // a federated run judges clients
        if (!started->attackers.empty()) m_view->setAttackers(started->attackers);
      } else if (const auto* verdicts = std::get_if<engine::PushVerdicts>(&event)) {
        m_view->addRound(roundData(*verdicts));
        changed = true;
      } else if (const auto* e = std::get_if<engine::Evaluation>(&event)) {
        if (e->backdoorSuccess >= 0 && m_view->grid()->rounds() > 0) {
          m_view->addBackdoor(static_cast<double>(e->update), e->backdoorSuccess);
          changed = true;
        }
      }
    }
    if (changed) m_view->refresh();
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    const auto rows = comparisonRows(result);
    m_view->setComparison(rows);
    if (rows.empty()) return tr("Lesson 8 finished");
    return tr("Lesson 8: %1 under %2 reached %3% test accuracy; %4 runs compared")
        .arg(widgets::SecurityView::attackName(rows.front().attack),
             widgets::SecurityView::ruleName(rows.front().rule))
        .arg(rows.front().accuracy * 100.0, 0, 'f', 1)
        .arg(rows.size());
  }
};

}  // namespace

std::unique_ptr<LessonView> makeSecurityLessonView(const LessonViewContext&) {
  return std::make_unique<SecurityLessonView>();
}

}  // namespace distlab::app
