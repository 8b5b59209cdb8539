// Lesson 6's pictures: the participation grid, the client drift curves, the client x class
// heat map with the size histogram, and the Data view switching to the clients.
#include <QAbstractSeries>
#include <QChart>
#include <QImage>
#include <QTableWidget>

#include <cmath>

#include <gtest/gtest.h>

#include "widgets/client_shares_plot.h"
#include "widgets/data_view.h"
#include "widgets/federated_view.h"
#include "widgets/participation_chart.h"

namespace distlab::widgets {
namespace {

using Cell = ParticipationChart::Cell;

TEST(ParticipationChartTest, EachCellSaysWhatBecameOfTheClientAndARetryReplacesItsAttempt) {
  ParticipationChart chart;
  chart.setClients(6);
  chart.setRound(0, {5}, {1, 3, 4}, {Cell::Trained, Cell::LateCarried, Cell::DroppedOut}, true);
  chart.setRound(2, {}, {0, 2}, {Cell::LateDropped, Cell::Lost}, false);
  EXPECT_EQ(chart.rounds(), 3);
  EXPECT_EQ(chart.clients(), 6);
  EXPECT_EQ(chart.cell(0, 0), Cell::Idle);
  EXPECT_EQ(chart.cell(0, 1), Cell::Trained);
  EXPECT_EQ(chart.cell(0, 3), Cell::LateCarried);
  EXPECT_EQ(chart.cell(0, 4), Cell::DroppedOut);
  EXPECT_EQ(chart.cell(0, 5), Cell::Offline);
  EXPECT_EQ(chart.cell(1, 1), Cell::Idle);  // a round not heard of yet
  EXPECT_EQ(chart.cell(2, 0), Cell::LateDropped);
  EXPECT_FALSE(chart.applied(2));
  EXPECT_TRUE(chart.applied(0));
  // The retry of round 2 samples others and gets a result: only it is shown.
  chart.setRound(2, {}, {1, 5}, {Cell::Trained, Cell::Trained}, true);
  EXPECT_EQ(chart.cell(2, 0), Cell::Idle);
  EXPECT_EQ(chart.cell(2, 5), Cell::Trained);
  EXPECT_TRUE(chart.applied(2));
  EXPECT_EQ(chart.count(Cell::Trained), 3);
  EXPECT_EQ(chart.count(Cell::Offline), 1);
  // A client beyond the known ones widens the grid.
  chart.setRound(3, {}, {9}, {Cell::Trained}, true);
  EXPECT_EQ(chart.clients(), 10);
  EXPECT_EQ(chart.cell(0, 9), Cell::Idle);
  // Drawn: the trained client's colour is in the picture.
  chart.resize(400, 200);
  QImage image(chart.size(), QImage::Format_RGB32);
  chart.render(&image);
  bool green = false;
  for (int y = 0; y < image.height() && !green; ++y) {
    for (int x = 0; x < image.width() && !green; ++x) {
      green = image.pixelColor(x, y) == ParticipationChart::color(Cell::Trained);
    }
  }
  EXPECT_TRUE(green);
  chart.clear();
  EXPECT_EQ(chart.rounds(), 0);
}

TEST(FederatedViewTest, DriftCurvesFollowTheRoundsAndTheSummaryCountsTheLastOne) {
  FederatedView view;
  view.setClients(10);
  EXPECT_FALSE(view.hasData());
  FederatedRoundData r;
  r.round = 0;
  r.available = 9;
  r.offline = {7};
  r.sampled = {1, 2, 3};
  r.outcomes = {Cell::Trained, Cell::Trained, Cell::DroppedOut};
  r.meanNorm = 2.0;
  r.normSpread = 0.5;
  r.meanCosine = 0.4;
  view.addRound(r);
  r.round = 1;
  r.attempt = 0;
  r.outcomes = {Cell::DroppedOut, Cell::DroppedOut, Cell::DroppedOut};
  r.applied = false;
  r.meanNorm = 0.0;  // nothing arrived: no drift point
  view.addRound(r);
  r.attempt = 1;
  r.outcomes = {Cell::Trained, Cell::LateCarried, Cell::Trained};
  r.applied = true;
  r.meanNorm = 1.0;
  r.normSpread = 0.2;
  r.meanCosine = 0.7;
  r.carried = {4};
  view.addRound(r);
  EXPECT_TRUE(view.hasData());
  const auto cosines = view.cosinePoints();
  ASSERT_EQ(cosines.size(), 2u);
  EXPECT_EQ(cosines[0], std::make_pair(1.0, 0.4));  // rounds counted from 1
  EXPECT_EQ(cosines[1], std::make_pair(2.0, 0.7));
  const auto spreads = view.spreadPoints();
  ASSERT_EQ(spreads.size(), 2u);
  EXPECT_DOUBLE_EQ(spreads[0].second, 0.25);
  EXPECT_DOUBLE_EQ(spreads[1].second, 0.2);
  const auto text = view.summary().toStdString();
  EXPECT_NE(text.find("Round 2: 3 of 9 online clients sampled; 2 trained, 1 late, 0 dropped out"),
            std::string::npos) << text;
  EXPECT_NE(text.find("1 late update(s) from the round before used"), std::string::npos) << text;
  EXPECT_NE(text.find("Attempt 2"), std::string::npos) << text;
  EXPECT_NE(text.find("0.70"), std::string::npos) << text;
  // The comparison's curves, one series each.
  view.setComparison({{"FedAvg, dirichlet data", {{5, 0.4}, {10, 0.6}}},
                      {"FedAvg, IID data", {{5, 0.7}, {10, 0.8}}}});
  ASSERT_EQ(view.comparisonChart()->series().size(), 2);
  EXPECT_EQ(view.comparisonChart()->series()[1]->name(), "FedAvg, IID data");
  view.clear();
  EXPECT_FALSE(view.hasData());
  EXPECT_TRUE(view.cosinePoints().empty());
  EXPECT_TRUE(view.comparisonChart()->series().isEmpty());
}

// Lesson 6b: a secure round has no drift to show, and the protections' table says each id and
// number in the row it belongs to.
TEST(FederatedViewTest, SecureRoundsHideTheDriftAndTheProtectionsFillTheirTable) {
  FederatedView view;
  view.resize(900, 700);
  view.setClients(10);
  view.show();
  FederatedRoundData r;
  r.sampled = {1, 2, 3};
  r.outcomes = {Cell::Trained, Cell::DroppedOut, Cell::Trained};
  r.available = 10;
  r.secure = true;
  r.recovered = 1;
  EXPECT_TRUE(view.driftView()->isVisible());
  view.addRound(r);
  EXPECT_TRUE(view.cosinePoints().empty());
  EXPECT_FALSE(view.driftView()->isVisible());
  const auto text = view.summary().toStdString();
  EXPECT_NE(text.find("masked or encrypted only"), std::string::npos) << text;
  EXPECT_NE(text.find("1 dropout(s) recovered"), std::string::npos) << text;
  EXPECT_FALSE(view.privacyComparison()->isVisible());
  view.setPrivacyComparison({{"none", "each_update", 0.629, 0.0, 314826.7, 162861.0, 2.93, 1.07},
                             {"secagg-dp-central", "sum", 0.4741, 7.358, 630763.0, 163933.5, 8.47, 0.068}});
  EXPECT_TRUE(view.privacyComparison()->isVisible());
  const QTableWidget* t = view.privacyComparison()->table();
  ASSERT_EQ(t->rowCount(), 2);
  ASSERT_EQ(t->columnCount(), 8);
  EXPECT_EQ(t->item(0, 0)->text(), "No protection");
  EXPECT_EQ(t->item(0, 1)->text(), "every client's update");
  EXPECT_EQ(t->item(0, 3)->text(), "none");  // no DP: no epsilon
  EXPECT_EQ(t->item(1, 0)->text(), "Secure aggregation + central DP");
  EXPECT_EQ(t->item(1, 1)->text(), "only the sum of the round's updates");
  EXPECT_EQ(t->item(1, 2)->text(), "47.4%");
  EXPECT_EQ(t->item(1, 3)->text(), "7.36");
  EXPECT_EQ(t->item(1, 4)->text(), "616");  // KB up
  EXPECT_EQ(t->item(1, 6)->text(), "8.5");
  EXPECT_EQ(t->item(1, 7)->text(), "0.07");  // seconds a round
  view.setPrivacyComparison({{"paillier", "sum", std::nan(""), 0.0, 1.7e6, 162861.0, 33.0, 25.4}});
  EXPECT_EQ(t->item(0, 0)->text(), "Paillier encryption (one round measured)");
  EXPECT_EQ(t->item(0, 2)->text(), QStringLiteral("\u2014"));
  view.clear();
  EXPECT_FALSE(view.hasData());
  EXPECT_FALSE(view.privacyComparison()->isVisible());
  EXPECT_TRUE(view.driftView()->isVisible());
}

TEST(ClientSharesPlotTest, SharesSizesAndTheHistogramComeFromTheCounts) {
  ClientSharesPlot plot;
  // 4 clients, 3 classes.
  plot.setShares(3, {10, 0, 0, 5, 5, 0, 0, 0, 40, 1, 1, 2});
  EXPECT_EQ(plot.clients(), 4);
  EXPECT_EQ(plot.clientSize(0), 10u);
  EXPECT_EQ(plot.clientSize(2), 40u);
  EXPECT_EQ(plot.smallest(), 4u);
  EXPECT_EQ(plot.largest(), 40u);
  EXPECT_DOUBLE_EQ(plot.share(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(plot.share(1, 1), 0.5);
  EXPECT_DOUBLE_EQ(plot.share(3, 2), 0.5);
  const auto histogram = plot.sizeHistogram(4);  // bins of 9 from 4: [4, 13) ... [31, 40]
  EXPECT_EQ(histogram, (std::vector<int>{3, 0, 0, 1}));
  plot.resize(500, 300);
  QImage image(plot.size(), QImage::Format_RGB32);
  plot.render(&image);  // paints without the class names too
}

TEST(DataViewTest, AFederatedRunShowsItsClientsInsteadOfTheWorkers) {
  DataView view;
  view.setDataset("fashion-mnist");
  std::vector<std::uint64_t> counts(5 * 10, 0);
  for (int c = 0; c < 5; ++c) {
    counts[static_cast<std::size_t>(c * 10 + c)] = 90;  // 90% of each client is one class
    counts[static_cast<std::size_t>(c * 10 + 9)] = 10;
  }
  view.setClientShares(10, counts);
  EXPECT_TRUE(view.showsClients());
  EXPECT_EQ(view.clientPlot()->clients(), 5);
  const auto text = view.summary().toStdString();
  EXPECT_NE(text.find("5 clients with 100 to 100 examples each"), std::string::npos) << text;
  EXPECT_NE(text.find("of 1.0 of the 10 classes on average (evenly split data: 9)"),
            std::string::npos) << text;
  view.clear();
  EXPECT_FALSE(view.showsClients());
}

}  // namespace
}  // namespace distlab::widgets
