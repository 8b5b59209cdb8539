// Lesson 8's dashboard: the verdict grid, the flags' precision and recall, the charts' points,
// the comparison table.
#include <QChart>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTableWidget>

#include <gtest/gtest.h>

#include "core/strategy_names.h"
#include "widgets/privacy_view.h"
#include "widgets/security_view.h"
#include "widgets/verdict_grid.h"

namespace distlab::widgets {
namespace {

using Fate = VerdictGrid::Fate;

bool hasColour(QWidget& widget, const QColor& colour) {
  widget.resize(500, 200);
  QImage image(widget.size(), QImage::Format_RGB32);
  widget.render(&image);
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      if (image.pixelColor(x, y) == colour) return true;
    }
  }
  return false;
}

TEST(VerdictGridTest, EachCellIsWhatTheRuleMadeOfThatWorkersPush) {
  VerdictGrid grid;
  grid.setWorkers(4);
  grid.setAttackers({3});
  grid.addRound({2, 0, 3, 1}, {Fate::Kept, Fate::Kept, Fate::Excluded, Fate::Clipped});
  grid.addRound({0, 1, 2}, {Fate::Kept, Fate::Kept, Fate::Kept});  // worker 3 missing
  EXPECT_EQ(grid.rounds(), 2);
  EXPECT_EQ(grid.fate(0, 3), Fate::Excluded);
  EXPECT_EQ(grid.fate(0, 1), Fate::Clipped);
  EXPECT_EQ(grid.fate(1, 3), Fate::None);
  EXPECT_EQ(grid.count(Fate::Kept), 5);
  EXPECT_TRUE(grid.isAttacker(3));
  EXPECT_FALSE(grid.isAttacker(0));
  grid.addRound({6}, {Fate::Kept});  // a worker beyond the known ones widens the grid
  EXPECT_EQ(grid.workers(), 7);
  EXPECT_TRUE(hasColour(grid, VerdictGrid::color(Fate::Excluded)));
  EXPECT_TRUE(hasColour(grid, VerdictGrid::color(Fate::Clipped)));
  grid.setRowsAreClients(true);  // a federated run's rows are clients: drawn without trouble
  EXPECT_TRUE(hasColour(grid, VerdictGrid::color(Fate::Excluded)));
  grid.clear();
  EXPECT_EQ(grid.rounds(), 0);
}

TEST(SecurityViewTest, FlagsAreScoredAgainstTheAttackersAndTheCosinesSplitByThem) {
  SecurityView view;
  EXPECT_FALSE(view.hasData());
  EXPECT_DOUBLE_EQ(view.precision(), -1.0);
  view.setWorkers(3);
  view.setAttackers({1});
  // Round 1: the attacker excluded, an honest push clipped; round 2: the attacker kept.
  // Scores (the rule's own measure): the attacker's 40 and 20, the honest ones' 2 and 4.
  view.addRound({1,
                 {0, 1, 2},
                 {Fate::Kept, Fate::Excluded, Fate::Clipped},
                 {1, 30, 2},
                 {0.9, -0.8, 0.5},
                 {2, 40, 4}});
  view.addRound(
      {2, {0, 1, 2}, {Fate::Kept, Fate::Kept, Fate::Kept}, {1, 1, 1}, {0.8, 0.1, 0.6}, {2, 20, 4}});
  view.addBackdoor(2, 0.25);
  view.refresh();
  EXPECT_TRUE(view.hasData());
  EXPECT_DOUBLE_EQ(view.precision(), 0.5);  // 2 flagged, 1 of them the attacker's
  EXPECT_DOUBLE_EQ(view.recall(), 0.5);     // the attacker pushed twice, flagged once
  ASSERT_EQ(view.attackerCosines().size(), 2u);
  EXPECT_DOUBLE_EQ(view.attackerCosines()[0].second, -0.8);
  EXPECT_DOUBLE_EQ(view.honestCosines()[1].second, 0.7);
  EXPECT_TRUE(view.summary().contains("25.0%"));  // the backdoor's success
  EXPECT_DOUBLE_EQ(view.attackerScore(), 30.0);   // (40 + 20) / 2
  EXPECT_DOUBLE_EQ(view.honestScore(), 3.0);      // (2 + 4 + 2 + 4) / 4
  EXPECT_TRUE(view.summary().contains("attackers 30, honest workers 3"))
      << view.summary().toStdString();
  // One norm line a worker, the attacker's red; one legend entry per kind.
  view.show();
  int lines = 0, visibleMarkers = 0;
  for (auto* s : view.normChart()->series()) {
    ++lines;
    for (auto* m : view.normChart()->legend()->markers(s)) visibleMarkers += m->isVisible();
  }
  EXPECT_EQ(lines, 3);
  EXPECT_EQ(visibleMarkers, 2);
  const auto* attacker = static_cast<QLineSeries*>(view.normChart()->series()[1]);
  EXPECT_EQ(attacker->color(), QColor(198, 40, 40));
  EXPECT_EQ(attacker->points().size(), 2);
  EXPECT_DOUBLE_EQ(attacker->points()[0].y(), 30.0);
}

TEST(SecurityViewTest, TheComparisonTableShowsSharesAndMarksABrokenRule) {
  SecurityView view;
  view.setComparison({{"none", "mean", 0.81, -1, -1, -1},
                      {"sign-flip", "mean", 0.1, -1, -1, 0},
                      {"sign-flip", "krum", 0.78, -1, 0.4, 1}});
  const auto* table = view.comparisonTable();
  ASSERT_EQ(table->rowCount(), 3);
  EXPECT_EQ(table->item(0, 2)->text(), "81.0%");
  EXPECT_EQ(table->item(0, 4)->text(), "-");
  EXPECT_EQ(table->item(2, 4)->text(), "40.0%");
  EXPECT_EQ(table->item(1, 2)->foreground().color(), QColor(198, 40, 40));
  EXPECT_NE(table->item(2, 2)->foreground().color(), QColor(198, 40, 40));
}

// Every registered strategy a table or a list shows is named, not shown by its spec id: a new
// one without a name fails here.
TEST(StrategyNamesTest, EveryAttackDefenseAndRuleTheWindowShowsHasAName) {
  const auto check = [](const std::vector<std::string>& ids, QString (*name)(const QString&)) {
    for (const std::string& id : ids) {
      EXPECT_NE(name(QString::fromStdString(id)).toStdString(), id) << "no name for " << id;
    }
  };
  check(engine::poisonAttackNames(), &SecurityView::attackName);
  check(engine::robustAggregatorNames(), &SecurityView::ruleName);
  check(engine::attackNames(), &PrivacyView::attackName);
  check(engine::defenseNames(), &PrivacyView::defenseName);
}

}  // namespace
}  // namespace distlab::widgets
